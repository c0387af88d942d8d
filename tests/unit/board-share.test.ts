import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_FILTER, boardView } from '../../renderer/board/filters.ts';
import { withAssignment, withItemFields } from '../../renderer/board/optimistic.ts';
import { equalData, movedView, shareSnapshot, shareView } from '../../renderer/board/share.ts';
import type { Snapshot } from '../../shared/schemas.ts';
import { ok, tempRoster } from '../helpers/temp-db.ts';

// Structural sharing on the board: after a move, only what the move touched is a new object, so
// memoized lanes and cards elsewhere skip rendering. Real snapshots from a real database file.

const lanesOf = (v: ReturnType<typeof boardView>) => v.teams.flatMap((t) => t.lanes);
/** The snapshot as the renderer receives it: parsed from JSON, every object new. */
const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('a refreshed snapshot keeps every unchanged row of the one on screen', () => {
  it('returns the very same snapshot when nothing changed', () => {
    const { dispatch } = tempRoster();
    const before = ok(dispatch('board.snapshot', {}));
    expect(shareSnapshot(before, overTheWire(before))).toBe(before);
  });

  it('after a move, only the moved item and the history are new objects', () => {
    const { dispatch } = tempRoster();
    const before = ok(dispatch('board.snapshot', {}));
    const item = before.items.find((i) => i.assignment === null)!;
    const engineer = before.engineers.find((e) => e.active)!;
    ok(dispatch('plan.assign', { itemId: item.id, engineerId: engineer.id }));
    const after = shareSnapshot(before, overTheWire(ok(dispatch('board.snapshot', {}))));
    expect(after).not.toBe(before);
    expect(after.engineers).toBe(before.engineers);
    expect(after.teams).toBe(before.teams);
    const changed = after.items.filter((i, n) => i !== before.items[n]).map((i) => i.id);
    expect(changed).toEqual([item.id]);
    expect(after.items.find((i) => i.id === item.id)!.assignment!.engineerId).toBe(engineer.id);
    expect(after.history).not.toBe(before.history);
  });
});

describe('a board view after a move keeps every lane the move did not touch', () => {
  it('the optimistic move and the confirmed snapshot re-create only the target lane and the backlog group', () => {
    const { dispatch } = tempRoster();
    const before = ok(dispatch('board.snapshot', {}));
    const view = boardView(before, NO_FILTER);
    const item = before.items.find((i) => i.assignment === null && i.kind === 'story')!;
    const engineer = lanesOf(view)[0]!.engineer;

    const moved = withAssignment(before, item.id, engineer.id);
    const optimistic = shareView(view, boardView(moved, NO_FILTER));
    const newLanes = lanesOf(optimistic).filter((l, n) => l !== lanesOf(view)[n]);
    expect(newLanes.map((l) => l.engineer.id)).toEqual([engineer.id]);
    expect(optimistic.teams.filter((t, n) => t !== view.teams[n])).toHaveLength(1);

    ok(dispatch('plan.assign', { itemId: item.id, engineerId: engineer.id }));
    // The refresh is shared with the snapshot on screen: the optimistic one.
    const confirmedSnapshot = shareSnapshot(moved, overTheWire(ok(dispatch('board.snapshot', {}))));
    const confirmed = shareView(optimistic, boardView(confirmedSnapshot, NO_FILTER));
    // The server agrees with the optimistic board except for history: the view is the same object.
    expect(confirmed.teams).toBe(optimistic.teams);
    expect(confirmed.groups).toBe(optimistic.groups);
  });

  it('a view rebuilt from an unchanged snapshot is the previous view', () => {
    const { dispatch } = tempRoster();
    const s = ok(dispatch('board.snapshot', {}));
    const view = boardView(s, NO_FILTER);
    expect(shareView(view, boardView(s, NO_FILTER))).toBe(view);
    // Without sharing every lane would be new: the test above could not pass by accident.
    expect(lanesOf(boardView(s, NO_FILTER))[0]).not.toBe(lanesOf(view)[0]);
  });
});

describe('a view after a few items changed, worked out from the view before', () => {
  const { dispatch } = tempRoster();
  const start = ok(dispatch('board.snapshot', {}));
  const engineers = start.engineers.filter((e) => e.active).map((e) => e.id);
  const initiatives = start.items.filter((i) => i.kind === 'initiative').map((i) => i.id);
  type Edit =
    | { kind: 'move'; item: number; to: number | null }
    | { kind: 'size'; item: number; size: number | null }
    | { kind: 'rung'; item: number; rung: number }
    | { kind: 'parent'; item: number; parent: number | null };
  const at = (n: number) => start.items[n % start.items.length]!.id;
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ kind: fc.constant('move' as const), item: fc.nat().map(at), to: fc.option(fc.constantFrom(...engineers)) }),
    fc.record({ kind: fc.constant('size' as const), item: fc.nat().map(at), size: fc.option(fc.integer({ min: 0, max: 21 })) }),
    fc.record({ kind: fc.constant('rung' as const), item: fc.nat().map(at), rung: fc.integer({ min: 0, max: 3 }) }),
    fc.record({ kind: fc.constant('parent' as const), item: fc.nat().map(at), parent: fc.option(fc.constantFrom(...initiatives)) }),
  );
  const apply = (s: Snapshot, e: Edit): Snapshot => {
    if (e.kind === 'move') return withAssignment(s, e.item, e.to);
    if (e.kind === 'size') return withItemFields(s, [e.item], { size: e.size });
    if (e.kind === 'rung') return withItemFields(s, [e.item], { rung: e.rung });
    // Only a story has a parent.
    return { ...s, items: s.items.map((i) => (i.id === e.item && i.kind === 'story' ? { ...i, parentId: e.parent } : i)) };
  };

  // The oracle is the whole view worked out afresh and shared with the one before (shareView): a
  // lane kept because it shows the same keeps its estimate's count of unassigned story points,
  // which no lane shows, either way.
  it('equals the whole view worked out afresh, after any sequence of moves and edits', () => {
    fc.assert(
      fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }), (steps) => {
        let snapshot = start;
        let view = boardView(snapshot, NO_FILTER);
        for (const edits of steps) {
          const next = edits.reduce(apply, snapshot);
          const moved = movedView(view, snapshot.items, next.items, NO_FILTER);
          expect(moved).not.toBeNull();
          expect(moved).toEqual(shareView(view, boardView(next, NO_FILTER)));
          snapshot = next;
          view = moved!;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every lane the change did not touch, and works the whole view out for anything else', () => {
    const view = boardView(start, NO_FILTER);
    const item = start.items.find((i) => i.assignment === null && i.kind === 'story' && i.parentId === null)!;
    const engineer = view.teams[0]!.lanes[0]!.engineer;
    const moved = movedView(view, start.items, withAssignment(start, item.id, engineer.id).items, NO_FILTER)!;
    const kept = lanesOf(moved).filter((l, n) => l === lanesOf(view)[n]);
    expect(kept).toHaveLength(lanesOf(view).length - 1);
    expect(moved.teams.slice(1)).toEqual(view.teams.slice(1));
    expect(moved.teams.slice(1).every((t, n) => t === view.teams[n + 1])).toBe(true);
    // Filtered, ordered by load, a row gone: not a few items' edit.
    expect(movedView(view, start.items, start.items.slice(1), NO_FILTER)).toBeNull();
    expect(movedView(view, start.items, [...start.items], { ...NO_FILTER, query: 'x' })).toBeNull();
    expect(movedView(view, start.items, [...start.items], { ...NO_FILTER, order: 'load' })).toBeNull();
  });
});

describe('equalData compares plain data deeply', () => {
  it('tells equal and different JSON values apart', () => {
    expect(equalData({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(equalData({ a: [1, { b: null }] }, { a: [1, { b: 0 }] })).toBe(false);
    expect(equalData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(equalData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(equalData([], [])).toBe(true);
  });
});
