import { describe, expect, it } from 'vitest';
import type { WorkKind } from './ladder.ts';
import { teamLanes } from './plan.ts';
import type { Engineer, WorkItem } from './schemas.ts';
import { overCapacity, teamTotals, totalsText } from './team-totals.ts';
import { eng, item as planItem } from '../tests/helpers/plan.ts';

// The report's team totals: load against capacity per team, every point counted once (PRODUCT.md, "Load").

const CHECKOUT = { id: 1, name: 'Checkout' };
const GROWTH = { id: 2, name: 'Growth' };
const engineer = (id: number, name: string, teamId: number, capacity: number | null, level = 2): Engineer =>
  eng(name, level, { id, teamId, capacity });
const TOM = engineer(1, 'Tom Becker', CHECKOUT.id, 10);
const ANA = engineer(2, 'Ana Sousa', CHECKOUT.id, 8);
const KENJI = engineer(3, 'Kenji Watanabe', GROWTH.id, 13);

/** A piece of work of `size` points on `on` (or in the backlog), under `parent` if given. */
const item = (kind: WorkKind, size: number | null, on: Engineer | null, parent?: WorkItem, rung = 1): WorkItem =>
  planItem(`${kind} of ${size ?? 'no'} pts`, kind, rung, on, { size, parentId: parent?.id ?? null });

const totalsOf = (engineers: Engineer[], items: WorkItem[]) =>
  new Map(teamLanes([CHECKOUT, GROWTH], engineers, items).map(({ team, lanes }) => [team.name, teamTotals(lanes)]));

describe("a team's load is what its engineers carry, every point counted once", () => {
  it("an initiative split across two teams: its DRI's team carries the unsplit part, each story its owner's team", () => {
    const revamp = item('initiative', 13, TOM);
    const items = [revamp, item('story', 5, ANA, revamp), item('story', 3, KENJI, revamp)];
    const totals = totalsOf([TOM, ANA, KENJI], items);
    expect(totals.get('Checkout')!.points).toBe(13 - 5 - 3 + 5);
    expect(totals.get('Growth')!.points).toBe(3);
    // The teams together carry the initiative's size once.
    expect(totals.get('Checkout')!.points + totals.get('Growth')!.points).toBe(13);
  });
  it('a DRI who owns a story of their own initiative adds its size once to their team', () => {
    const saved = item('initiative', 8, TOM);
    const totals = totalsOf([TOM, ANA], [saved, item('story', 3, TOM, saved), item('story', 2, ANA, saved)]);
    expect(totals.get('Checkout')!.points).toBe(8);
  });
  it('unassigned work counts for no team', () => {
    const saved = item('initiative', 8, null);
    expect(totalsOf([TOM], [saved, item('story', 3, null, saved)]).get('Checkout')!.points).toBe(0);
  });
  it("an inactive engineer's team counts neither their load nor their capacity", () => {
    const gone = { ...engineer(4, 'Lina Haddad', CHECKOUT.id, 6), active: false };
    const totals = totalsOf([TOM, gone], [item('story', 4, gone), item('story', 2, TOM)]).get('Checkout')!;
    expect([totals.engineers, totals.points, totals.capacity]).toEqual([1, 2, 10]);
  });
});

describe("a team's capacity is its engineers' capacities added up", () => {
  it('capacities add up; the load is read against them', () => {
    const totals = totalsOf([TOM, ANA], [item('story', 12, TOM), item('story', 7, ANA)]).get('Checkout')!;
    expect(totals.capacity).toBe(18);
    expect(overCapacity(totals)).toBe(true);
    expect(totalsText(totals)).toBe('19 / 18 pts (over capacity by 1 pt)');
  });
  it('an engineer with no capacity adds none, and the points they carry are named apart', () => {
    const mia = engineer(5, 'Mia Chen', CHECKOUT.id, null, 0);
    const totals = totalsOf([TOM, mia], [item('story', 4, TOM), item('story', 3, mia, undefined, 0)]).get('Checkout')!;
    expect(totals.capacity).toBe(10);
    expect(totals.withoutCapacity).toEqual({ engineers: 1, points: 3 });
    expect(totalsText(totals)).toBe('7 / 10 pts; 3 pts of it with 1 engineer who has no capacity');
  });
  it('a team where nobody has a capacity shows its load alone, never over', () => {
    const mia = engineer(5, 'Mia Chen', CHECKOUT.id, null, 0);
    const totals = totalsOf([mia], [item('story', 3, mia, undefined, 0)]).get('Checkout')!;
    expect(totals.capacity).toBeNull();
    expect(overCapacity(totals)).toBe(false);
    expect(totalsText(totals)).toBe('3 pts');
  });
});

describe("a team's items are counted by fit, as its lanes count them", () => {
  it('in reach, stretch and overreach add up across the lanes', () => {
    const junior = engineer(6, 'Jade Martin', CHECKOUT.id, 10, 1);
    const items = [item('story', 1, TOM, undefined, 2), item('story', 1, junior, undefined, 2), item('story', 1, junior, undefined, 3)];
    expect(totalsOf([TOM, junior], items).get('Checkout')!.counts).toEqual({ in_reach: 1, stretch: 1, overreach: 1 });
  });
});
