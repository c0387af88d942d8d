import { describe, expect, it } from 'vitest';
import { driCheck } from '../../shared/dri.ts';
import { engineerGaps, itemWarnings } from '../../shared/gaps.ts';
import { ok, rowCounts, tempRoster } from '../helpers/temp-db.ts';

const idOf = (db: ReturnType<typeof tempRoster>['db'], sql: string, ...args: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...args) as number;

describe('insights on the demo team', () => {
  it('lists the seeded overreach and the seeded stretch without a reviewer', () => {
    const { dispatch } = tempRoster();
    const snapshot = ok(dispatch('board.snapshot', {}));
    const warnings = itemWarnings(snapshot).map((w) => [w.kind, w.item.title, w.engineer.name]);
    expect(warnings).toContainEqual(['overreach', 'Fraud rules for self-referrals', 'Leo Okafor']);
    expect(warnings).toContainEqual(['stretch_without_reviewer', 'Checkout revamp', 'Ana Sousa']);
    const dri = driCheck(snapshot);
    expect(dri[0]).toMatchObject({ status: 'no_dri', initiative: { title: 'Find why new users churn in week one' } });
    expect(dri.find((r) => r.initiative.title === 'Saved payment methods')).toMatchObject({ status: 'fine' });
  });

  it('moving the overreach to a Mid clears it, through the same handlers the board uses', () => {
    const { db, dispatch } = tempRoster();
    const fraud = idOf(db, `SELECT id FROM work_items WHERE title = 'Fraud rules for self-referrals'`);
    const omar = idOf(db, `SELECT id FROM engineers WHERE name = 'Omar Farouk'`);
    ok(dispatch('plan.assign', { itemId: fraud, engineerId: omar }));
    const snapshot = ok(dispatch('board.snapshot', {}));
    expect(itemWarnings(snapshot).some((w) => w.kind === 'overreach')).toBe(false);
    const leo = engineerGaps(snapshot).find((e) => e.engineer.name === 'Leo Okafor')!;
    expect(leo.gaps.map((g) => g.kind)).toEqual([]);
  });
});

describe('insights.growthTrail', () => {
  it('lists the stretch assignments an engineer carries, with reviewers, by quarter', () => {
    const { db, dispatch } = tempRoster();
    const jade = idOf(db, `SELECT id FROM engineers WHERE name = 'Jade Martin'`);
    const trail = ok(dispatch('insights.growthTrail', { engineerId: jade }));
    expect(trail.engineer.name).toBe('Jade Martin');
    expect(trail.levelChanges).toHaveLength(1);
    expect(trail.quarters).toHaveLength(1);
    expect(trail.quarters[0]!.items.map((i) => [i.item.title, i.fit.kind, i.reviewer?.name])).toEqual([
      ['Referral rewards', 'stretch', 'Sofia Lindqvist'],
    ]);
  });

  it('an engineer with no stretch has an empty trail; an unknown one is not_found; nothing is written', () => {
    const { db, dispatch } = tempRoster();
    const before = rowCounts(db);
    const kenji = idOf(db, `SELECT id FROM engineers WHERE name = 'Kenji Watanabe'`);
    expect(ok(dispatch('insights.growthTrail', { engineerId: kenji })).quarters).toEqual([]);
    expect(dispatch('insights.growthTrail', { engineerId: 999_999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(rowCounts(db)).toEqual(before);
  });
});
