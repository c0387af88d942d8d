import { describe, expect, it, vi } from 'vitest';
import { type DragState, IDLE, createDragStore, inReach } from './dragState.ts';

// Which teams' lanes take drops decides whether a keyboard drag can reach every lane: arrow keys
// move one lane at a time, so the teams either side of the one the card is over must be in reach,
// and the first and last teams must be too (an arrow at the edge of the board wraps to them).

const TEAMS = 20;
/** A card held over a lane of team `overTeam`. */
const held = (overTeam: number | null): DragState => ({
  itemId: 1,
  overId: 'lane-1',
  rung: 2,
  fromBacklog: false,
  overTeam,
  landed: null,
  asked: false,
});

describe('near teams are always in reach', () => {
  it('a team near the visible part of the board takes drops with no card held', () => {
    expect(inReach(IDLE, 9, TEAMS, true)).toBe(true);
  });
  it('a near team takes drops even when the held card is far from it', () => {
    expect(inReach(held(15), 3, TEAMS, true)).toBe(true);
  });
});

describe('the first and last teams are always in reach: an arrow at the edge of the board wraps to them', () => {
  it('with no card held and no team near', () => {
    expect(inReach(IDLE, 0, TEAMS, false)).toBe(true);
    expect(inReach(IDLE, TEAMS - 1, TEAMS, false)).toBe(true);
  });
  it('with the card held over a team in the middle of the board', () => {
    expect(inReach(held(10), 0, TEAMS, false)).toBe(true);
    expect(inReach(held(10), TEAMS - 1, TEAMS, false)).toBe(true);
  });
});

describe('a far team is in reach only within two teams of the one the card is over', () => {
  it('the team it is over and the teams one and two away are in reach', () => {
    expect(inReach(held(10), 10, TEAMS, false)).toBe(true);
    expect(inReach(held(10), 9, TEAMS, false)).toBe(true);
    expect(inReach(held(10), 11, TEAMS, false)).toBe(true);
    expect(inReach(held(10), 8, TEAMS, false)).toBe(true);
    expect(inReach(held(10), 12, TEAMS, false)).toBe(true);
  });
  it('teams three away are not in reach', () => {
    expect(inReach(held(10), 7, TEAMS, false)).toBe(false);
    expect(inReach(held(10), 13, TEAMS, false)).toBe(false);
  });
});

describe('after the drop the neighbours stay in reach (unregistering them would be work in the drop)', () => {
  // What Board.tsx's endDrag leaves: the card is down, the team it was over is kept.
  const afterDrop: DragState = { ...IDLE, overTeam: 10 };
  it('the team dropped on and the teams either side still take drops', () => {
    expect(inReach(afterDrop, 9, TEAMS, false)).toBe(true);
    expect(inReach(afterDrop, 10, TEAMS, false)).toBe(true);
    expect(inReach(afterDrop, 11, TEAMS, false)).toBe(true);
    expect(inReach(afterDrop, 12, TEAMS, false)).toBe(true);
  });
  it('teams three away still do not', () => {
    expect(inReach(afterDrop, 13, TEAMS, false)).toBe(false);
  });
});

describe('with no team the card was over, only near teams and the first and last are in reach', () => {
  it('every other far team is out of reach', () => {
    const reached = Array.from({ length: TEAMS }, (_, team) => team).filter((team) => inReach(held(null), team, TEAMS, false));
    expect(reached).toEqual([0, TEAMS - 1]);
  });
  it('a near team is still in reach', () => {
    expect(inReach(held(null), 7, TEAMS, true)).toBe(true);
  });
});

describe('the drag store tells the lanes only of real changes: a lane re-renders on a notice', () => {
  it('setting the same values (a new object) notifies no one', () => {
    const store = createDragStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.set({ ...IDLE });
    expect(listener).not.toHaveBeenCalled();
    store.set(held(4));
    expect(listener).toHaveBeenCalledTimes(1);
    store.set({ ...held(4) });
    expect(listener).toHaveBeenCalledTimes(1);
  });
  it('a change to any one field notifies, and the new state is what get() returns', () => {
    const store = createDragStore();
    const listener = vi.fn();
    store.subscribe(listener);
    const changes: DragState[] = [
      { ...IDLE, itemId: 1 },
      { ...IDLE, itemId: 1, overId: 'lane-2' },
      { ...IDLE, itemId: 1, overId: 'lane-2', rung: 3 },
      { ...IDLE, itemId: 1, overId: 'lane-2', rung: 3, fromBacklog: true },
      { ...IDLE, itemId: 1, overId: 'lane-2', rung: 3, fromBacklog: true, overTeam: 5 },
      { ...IDLE, overTeam: 5, landed: 'lane-2' },
    ];
    changes.forEach((next, i) => {
      store.set(next);
      expect(listener).toHaveBeenCalledTimes(i + 1);
      expect(store.get()).toBe(next);
    });
  });
  it('an unsubscribed listener hears nothing more', () => {
    const store = createDragStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    unsubscribe();
    store.set(held(4));
    expect(listener).not.toHaveBeenCalled();
  });
});
