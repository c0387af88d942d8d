import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from './default-ladder.ts';
import { heatmap, teamHeatmap } from './heatmap.ts';
import type { Rank } from './ladder.ts';
import type { Engineer, WorkItem } from './schemas.ts';

const eng = (id: number, name: string, level: Rank, active = true): Engineer => ({
  id,
  name,
  level,
  teamId: 1,
  capacity: null,
  active,
  employeeId: null,
});
const story = (id: number, rung: Rank, on: Engineer | null, size = 1): WorkItem => ({
  id,
  kind: 'story',
  parentId: null,
  quarterId: 1,
  title: `Story ${id}`,
  description: '',
  rung,
  size,
  touchpoints: [],
  status: 'planned',
  sortKey: id,
  teamId: null,
  carriedFromQuarterId: null,
  carriedAckNote: null,
  assignment: on ? { engineerId: on.id, reviewerId: null, leadReviews: false, ackNote: null } : null,
});

const leo = eng(1, 'Leo', 0);
const ana = eng(2, 'Ana', 1);
const priya = eng(3, 'Priya', 3);
const gone = eng(4, 'Gone', 2, false);
const plan = {
  ladder: DEFAULT_LADDER,
  engineers: [leo, ana, priya, gone],
  items: [story(10, 0, leo), story(11, 2, leo, 3), story(12, 2, ana), story(13, 1, ana), story(14, 1, null), story(15, 2, gone)],
};

describe('engineers (rows, by level) against the rungs of their assigned work (columns)', () => {
  const rows = heatmap(plan);
  it('rows are active engineers, most senior first', () => {
    expect(rows.map((r) => r.engineer.name)).toEqual(['Priya', 'Ana', 'Leo']);
  });
  it('cells count items and points per rung, with the fit that rung has on the engineer', () => {
    const leoRow = rows[2]!;
    expect(leoRow.cells.map((c) => c.count)).toEqual([1, 0, 1, 0]);
    expect(leoRow.cells[2]).toMatchObject({ points: 3, fit: { kind: 'overreach' } });
    expect(rows[1]!.cells[2]).toMatchObject({ count: 1, fit: { kind: 'stretch' } });
  });
});

describe('team view: rungs of work in the quarter against levels on the roster', () => {
  it('counts each rung by the level of who carries it, unassigned apart, and the roster per level', () => {
    const team = teamHeatmap(plan);
    expect(team.rows.map((r) => [...r.byLevel, r.unassigned, r.total])).toEqual([
      [1, 0, 0, 0, 0, 1],
      [0, 1, 0, 0, 1, 2],
      [1, 1, 1, 0, 0, 3], // the inactive Mid's item still counts as carried by a Mid
      [0, 0, 0, 0, 0, 0],
    ]);
    expect(team.roster).toEqual([1, 1, 0, 1]);
  });
});

describe('points per cell count every point once (load.ts)', () => {
  it("a DRI's initiative adds only what is not yet in its stories", () => {
    const initiative: WorkItem = { ...story(20, 2, ana, 8), kind: 'initiative' };
    const part = { ...story(21, 1, ana, 3), parentId: 20 };
    const row = heatmap({
      ladder: DEFAULT_LADDER,
      engineers: [ana],
      items: [initiative, part, story(22, 1, leo, 2), { ...story(23, 1, null, 1), parentId: 20 }],
    })[0]!;
    expect(row.cells.map((c) => c.points)).toEqual([0, 3, 8 - 3 - 1, 0]);
  });
});
