import { describe, expect, it } from 'vitest';
import { growthTrail } from './growth.ts';
import type { Rank } from './ladder.ts';
import type { Engineer, LevelChange, WorkItem } from './schemas.ts';

const jade: Engineer = { id: 1, name: 'Jade', level: 2, teamId: 1, capacity: null, active: true, employeeId: null };
const sofia: Engineer = { id: 2, name: 'Sofia', level: 3, teamId: 1, capacity: null, active: true, employeeId: null };
const changes: LevelChange[] = [
  { id: 1, engineerId: 1, fromLevel: null, toLevel: 1, changedOn: '2025-01-10' },
  { id: 2, engineerId: 1, fromLevel: 1, toLevel: 2, changedOn: '2025-08-15' }, // promoted mid-Q3
];
const item = (id: number, quarterId: number, rung: Rank, reviewerId: number | null): WorkItem => ({
  id,
  kind: 'initiative',
  parentId: null,
  quarterId,
  title: `Item ${id}`,
  description: '',
  rung,
  size: null,
  touchpoints: [],
  status: 'done',
  sortKey: id,
  teamId: null,
  carriedFromQuarterId: null,
  carriedAckNote: null,
  assignment: { engineerId: 1, reviewerId, leadReviews: false, ackNote: null },
});

describe('the growth trail: stretch assignments by quarter, with reviewers', () => {
  const quarters = [
    { id: 1, name: '2025 Q3', startsOn: '2025-07-01' },
    { id: 2, name: '2025 Q4', startsOn: '2025-10-01' },
    { id: 3, name: '2026 Q1', startsOn: '2026-01-01' },
  ];
  const items = [item(10, 1, 2, 2), item(11, 1, 1, null), item(12, 2, 3, null), item(13, 3, 2, null)];
  const trail = growthTrail(jade, changes, quarters, items, [jade, sofia]);
  it('judges each quarter at the level held when it began: the stretch that earned a promotion stays', () => {
    expect(trail.map((q) => [q.quarter.name, q.levelThen, q.items.map((i) => i.item.id)])).toEqual([
      ['2025 Q3', 1, [10]],
      ['2025 Q4', 2, [12]],
    ]);
  });
  it('names the reviewer of each stretch', () => {
    expect(trail[0]!.items[0]).toMatchObject({ fit: { kind: 'stretch' }, reviewer: { id: 2, name: 'Sofia', level: 3 } });
    expect(trail[1]!.items[0]!.reviewer).toBeNull();
  });
});
