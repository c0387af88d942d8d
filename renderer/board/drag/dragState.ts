import type { UniqueIdentifier } from '@dnd-kit/core';
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { Rank } from '../../../shared/ladder.ts';

/**
 * What changes while a card is in the air: which drop target it is over, and the card's rung.
 * Kept out of React state and props on purpose: a lane reads "am I the target?" through a selector,
 * so when the card crosses from one lane to the next only those two lanes re-render, not the board
 * (at 300 engineers a board-wide render per crossing cost frames of 50 ms and more: npm run bench).
 */
export type DragState = {
  /** The card in the air. */
  itemId: number | null;
  overId: UniqueIdentifier | null;
  rung: Rank | null;
  fromBacklog: boolean;
  /** Where on the board the target is: the index of its team, kept when the card is over no lane and after the drop. */
  overTeam: number | null;
  /** The target the last drop landed on (null after a cancel), for the drop's announcement. */
  landed: UniqueIdentifier | null;
  /** The last drop asked the lead something before anything moved (an initiative's waiting stories). */
  asked: boolean;
};

export type DragStore = {
  get: () => DragState;
  set: (next: DragState) => void;
  subscribe: (listener: () => void) => () => void;
};

export const IDLE: DragState = { itemId: null, overId: null, rung: null, fromBacklog: false, overTeam: null, landed: null, asked: false };

export function createDragStore(): DragStore {
  let state = IDLE;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next) {
      if (
        next.itemId === state.itemId &&
        next.overId === state.overId &&
        next.rung === state.rung &&
        next.fromBacklog === state.fromBacklog &&
        next.overTeam === state.overTeam &&
        next.landed === state.landed &&
        next.asked === state.asked
      )
        return;
      state = next;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const DragStoreContext = createContext<DragStore>(createDragStore());

/** The rung of the card held over this drop target, or null: changes only when the card enters or leaves it. */
export function usePreviewRung(targetId: UniqueIdentifier): Rank | null {
  const store = useContext(DragStoreContext);
  const select = useCallback(() => {
    const s = store.get();
    return s.overId === targetId ? s.rung : null;
  }, [store, targetId]);
  return useSyncExternalStore(store.subscribe, select, select);
}

/** True while a card from a lane is held over the backlog: dropping it there unassigns it. */
export function useOverBacklog(backlogId: UniqueIdentifier): boolean {
  const store = useContext(DragStoreContext);
  const select = useCallback(() => {
    const s = store.get();
    return s.overId === backlogId && s.rung !== null && !s.fromBacklog;
  }, [store, backlogId]);
  return useSyncExternalStore(store.subscribe, select, select);
}

/** True while this card is the one in the air: its place on the board shows it is lifted. */
export function useIsLifted(itemId: number): boolean {
  const store = useContext(DragStoreContext);
  const select = useCallback(() => store.get().itemId === itemId, [store, itemId]);
  return useSyncExternalStore(store.subscribe, select, select);
}

/**
 * Whether a team's lanes take drops: those near the visible part of the board (near.ts), the first
 * and last teams, and the two teams either side of the one the last card held was over. They stay
 * in reach after the drop: unregistering them then would be work in the drop's own task.
 *
 * Each drop target's box is read on every move of the card (boardCollisions in dnd.ts), and there
 * is no need to read 300 of them. A pointer reaches only what it sees, and lanes come within reach a screen before they
 * scroll into view. Arrow keys move one lane at a time, to the nearest lane that way: always in
 * the same team or the next, which are in reach; at the first or last lane they wrap in reading
 * order to the other end of the board, which is always in reach too. Two teams, not one: a team
 * comes into reach a few renders after the card enters the one before it, and with one team of
 * margin a fast typist's next press found it not yet registered under load (board-far.spec.ts).
 * So every lane stays reachable by keyboard, the farthest included, with a few dozen targets
 * registered instead of 300.
 */
export function inReach(s: DragState, team: number, teams: number, near: boolean): boolean {
  if (near || team === 0 || team === teams - 1) return true;
  return s.overTeam !== null && Math.abs(team - s.overTeam) <= 2;
}

/** `inReach` for one team, re-rendering it only when that answer changes. */
export function useInReach(team: number, teams: number, near: boolean): boolean {
  const store = useContext(DragStoreContext);
  const select = useCallback(() => inReach(store.get(), team, teams, near), [store, team, teams, near]);
  return useSyncExternalStore(store.subscribe, select, select);
}

/** The whole drag state, for the few parts that show the target itself (the drag overlay). */
export function useDragState(): DragState {
  const store = useContext(DragStoreContext);
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
