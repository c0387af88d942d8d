import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from './default-ladder.ts';
import { driCheck } from './dri.ts';
import type { Rank } from './ladder.ts';
import { eng as engineer } from '../tests/helpers/plan.ts';
import type { Engineer, WorkItem } from './schemas.ts';

// PRODUCT.md, "Checking initiative DRI assignments": every initiative has exactly one DRI, and
// each DRI can carry it at their level.

const eng = (id: number, name: string, level: Rank): Engineer => engineer(name, level, { id });
const initiative = (id: number, title: string, rung: Rank, dri: Engineer | null, reviewerId: number | null = null): WorkItem => ({
  id,
  kind: 'initiative',
  parentId: null,
  quarterId: 1,
  title,
  description: '',
  rung,
  size: null,
  touchpoints: [],
  status: 'planned',
  sortKey: id,
  teamId: null,
  carriedFromQuarterId: null,
  carriedAckNote: null,
  assignment: dri ? { engineerId: dri.id, reviewerId, leadReviews: false, ackNote: null } : null,
});

const intern = eng(1, 'Leo', 0);
const junior = eng(2, 'Tom', 1);
const mid = eng(3, 'Sofia', 2);
const items = [
  initiative(10, 'Saved payment methods', 1, junior),
  initiative(11, 'Checkout revamp', 2, junior),
  initiative(12, 'Referral rewards', 2, intern),
  initiative(13, 'Find why users churn', 3, null),
  initiative(14, 'Reviewed revamp', 2, junior, mid.id),
];
const rows = driCheck({ engineers: [intern, junior, mid], items, ladder: DEFAULT_LADDER });

describe('every initiative has exactly one DRI', () => {
  it('lists every initiative of the quarter, and no story', () => {
    expect(rows.map((r) => r.initiative.id).sort()).toEqual([10, 11, 12, 13, 14]);
  });
  it('initiatives without a DRI come first', () => {
    expect(rows[0]).toMatchObject({ status: 'no_dri', dri: null, fit: null });
    expect(rows[0]!.initiative.title).toBe('Find why users churn');
    expect(rows.slice(1).map((r) => r.initiative.id)).toEqual([10, 11, 12, 14]);
  });
});

describe('each DRI can carry it at their level', () => {
  it('a Junior DRI on a Junior-rung initiative ("a small initiative, with support") is fine', () => {
    expect(rows.find((r) => r.initiative.id === 10)).toMatchObject({ status: 'fine', dri: junior });
  });
  it('a Junior DRI on a Mid-rung initiative is a stretch; with a reviewer it names them', () => {
    expect(rows.find((r) => r.initiative.id === 11)).toMatchObject({ status: 'stretch', reviewer: null });
    expect(rows.find((r) => r.initiative.id === 14)).toMatchObject({ status: 'stretch', reviewer: mid });
  });
  it('a DRI more than one rung short is flagged', () => {
    expect(rows.find((r) => r.initiative.id === 12)).toMatchObject({ status: 'short', fit: { kind: 'overreach', gap: 2 } });
  });
});
