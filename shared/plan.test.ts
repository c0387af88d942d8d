import { describe, expect, it } from 'vitest';
import { activeCarriers, teamLanes } from './plan.ts';
import { DEFAULT_LADDER } from './default-ladder.ts';
import { eng } from '../tests/helpers/plan.ts';

// The board's lanes: teams by name, each team's active engineers most senior first, then by name.
// The order is worked out once per list of engineers (per-list.ts), so a changed roster, which the
// plan store gives as a new list, must be read afresh.

const CHECKOUT = { id: 1, name: 'Checkout' };
const ALERTS = { id: 2, name: 'Alerts' };
const names = (lanes: ReturnType<typeof teamLanes>) => lanes.map(({ team, lanes }) => [team.name, lanes.map((l) => l.engineer.name)]);

describe('lanes', () => {
  const roster = [
    eng('Tom Becker', 1, { teamId: CHECKOUT.id }),
    eng('Ana Sousa', 3, { teamId: CHECKOUT.id }),
    eng('Bo Lind', 1, { teamId: CHECKOUT.id }),
    eng('Kenji Ito', 2, { teamId: ALERTS.id }),
    eng('Old Hand', 3, { teamId: ALERTS.id, active: false }),
  ];

  it('list teams by name and each team most senior first, then by name; an inactive engineer has no lane', () => {
    expect(names(teamLanes([CHECKOUT, ALERTS], roster, []))).toEqual([
      ['Alerts', ['Kenji Ito']],
      ['Checkout', ['Ana Sousa', 'Bo Lind', 'Tom Becker']],
    ]);
  });

  it('follow a changed roster: a promotion and a new hire move and add lanes', () => {
    expect(names(teamLanes([CHECKOUT, ALERTS], roster, []))[1]![1]).toEqual(['Ana Sousa', 'Bo Lind', 'Tom Becker']);
    const changed = [
      ...roster.map((e) => (e.name === 'Tom Becker' ? { ...e, level: 2 as const } : e)),
      eng('Cy Park', 3, { teamId: CHECKOUT.id }),
    ];
    expect(names(teamLanes([CHECKOUT, ALERTS], changed, []))[1]![1]).toEqual(['Ana Sousa', 'Cy Park', 'Tom Becker', 'Bo Lind']);
  });

  it('and the insights read people in the same order, every team together', () => {
    const carriers = activeCarriers({ engineers: roster, items: [], ladder: DEFAULT_LADDER });
    expect(carriers.map((c) => c.engineer.name)).toEqual(['Ana Sousa', 'Kenji Ito', 'Bo Lind', 'Tom Becker']);
  });
});
