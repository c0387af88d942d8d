import { describe, expect, it } from 'vitest';
import { NO_FILTER, boardView } from '../../renderer/board/filters.ts';
import { withAssignment } from '../../renderer/board/optimistic.ts';
import { equalData, shareSnapshot, shareView } from '../../renderer/board/share.ts';
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

describe('equalData compares plain data deeply', () => {
  it('tells equal and different JSON values apart', () => {
    expect(equalData({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(equalData({ a: [1, { b: null }] }, { a: [1, { b: 0 }] })).toBe(false);
    expect(equalData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(equalData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(equalData([], [])).toBe(true);
  });
});
