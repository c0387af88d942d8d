import { describe, expect, it } from 'vitest';
import { NO_FILTER, boardView, overreaches, teamWarnings } from '../../renderer/board/filters.ts';
import { ok, tempRoster } from '../helpers/temp-db.ts';

// The board's team filter narrows everything the board lists: lanes, the backlog and the warnings.

const titles = (view: ReturnType<typeof boardView>) => [
  ...view.groups.flatMap((g) => [
    ...(g.initiative && !g.initiative.assignment ? [g.initiative.title] : []),
    ...g.stories.map((s) => s.title),
  ]),
  ...view.loose.map((s) => s.title),
];

describe('lanes within a team in the order the lead picks', () => {
  const lanesOf = (view: ReturnType<typeof boardView>) =>
    view.teams.flatMap((t) => t.lanes.map((l) => t.team.name + ':' + l.engineer.name));
  const snapshot = () => ok(tempRoster().dispatch('board.snapshot', {}));

  it('by level, most senior first, as the board opens', () => {
    const view = boardView(snapshot(), NO_FILTER);
    for (const t of view.teams) {
      const levels = t.lanes.map((l) => l.engineer.level);
      expect(levels).toEqual(levels.toSorted((a, b) => b - a));
    }
  });
  it('by load: the most loaded first, in every team; the same people in the same teams', () => {
    const s = snapshot();
    const view = boardView(s, { ...NO_FILTER, order: 'load' });
    for (const t of view.teams) {
      const points = t.lanes.map((l) => l.load.points);
      expect(points).toEqual(points.toSorted((a, b) => b - a));
    }
    expect(lanesOf(view).toSorted()).toEqual(lanesOf(boardView(s, NO_FILTER)).toSorted());
  });
  it('by free capacity: the most points free first, people with no capacity set last', () => {
    const view = boardView(snapshot(), { ...NO_FILTER, order: 'free' });
    for (const t of view.teams) {
      const free = t.lanes.map((l) => (l.engineer.capacity === null ? -Infinity : l.engineer.capacity - l.load.points));
      expect(free).toEqual(free.toSorted((a, b) => (a === b ? 0 : a > b ? -1 : 1)));
    }
  });
  it('an order is not a filter: the lanes are all there under a filter too', () => {
    const s = snapshot();
    const team = s.teams[0]!.id;
    const filtered = boardView(s, { ...NO_FILTER, teamId: team, order: 'free' });
    expect(lanesOf(filtered).toSorted()).toEqual(lanesOf(boardView(s, { ...NO_FILTER, teamId: team })).toSorted());
  });
});

describe('the team filter', () => {
  it("keeps only the team's own work in the backlog", () => {
    const { db, dispatch } = tempRoster();
    const snapshot = ok(dispatch('board.snapshot', {}));
    const team = (name: string) => snapshot.teams.find((t) => t.name === name)!.id;
    const all = titles(boardView(snapshot, NO_FILTER));
    const growth = titles(boardView(snapshot, { ...NO_FILTER, teamId: team('Growth') }));
    const checkout = titles(boardView(snapshot, { ...NO_FILTER, teamId: team('Checkout') }));
    expect(growth).toEqual([
      'Referral funnel dashboard',
      'Find why new users churn in week one',
      'Interview five churned users with support',
    ]);
    expect(checkout).toEqual([
      'Track saved-card usage in the dashboard',
      'Inline card validation errors',
      'Write the payment form knowledge artifact',
      'Fix flaky checkout end-to-end test',
    ]);
    expect([...growth, ...checkout].sort()).toEqual([...all].sort());
    // Work without a team shows under no team's filter, and again when the filter is cleared.
    db.prepare(`UPDATE work_items SET team_id = NULL WHERE title = 'Fix flaky checkout end-to-end test'`).run();
    const again = ok(dispatch('board.snapshot', {}));
    expect(titles(boardView(again, { ...NO_FILTER, teamId: team('Checkout') }))).not.toContain('Fix flaky checkout end-to-end test');
    expect(titles(boardView(again, NO_FILTER))).toContain('Fix flaky checkout end-to-end test');
  });

  it("keeps the warnings on the team's engineers or on the team's work", () => {
    const { dispatch } = tempRoster();
    const snapshot = ok(dispatch('board.snapshot', {}));
    const team = (name: string) => snapshot.teams.find((t) => t.name === name)!.id;
    const warnings = overreaches(snapshot.items, snapshot.engineers);
    expect(warnings.map((w) => w.item.title)).toEqual(['Fraud rules for self-referrals']);
    expect(teamWarnings(warnings, null)).toBe(warnings);
    expect(teamWarnings(warnings, team('Growth')).map((w) => w.item.title)).toEqual(['Fraud rules for self-referrals']);
    expect(teamWarnings(warnings, team('Checkout'))).toEqual([]);
    // Growth's story handed to someone in Checkout: both teams see the warning.
    const lina = snapshot.engineers.find((e) => e.name === 'Lina Haddad')!;
    const moved = warnings.map((w) => ({ ...w, engineer: lina }));
    expect(teamWarnings(moved, team('Checkout'))).toHaveLength(1);
    expect(teamWarnings(moved, team('Growth'))).toHaveLength(1);
  });
});
