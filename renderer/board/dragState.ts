import type { UniqueIdentifier } from '@dnd-kit/core';
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { Rank } from '../../shared/ladder.ts';

/**
 * What changes while a card is in the air: which drop target it is over, and the card's rung.
 * Kept out of React state and props on purpose: a lane reads "am I the target?" through a selector,
 * so when the card crosses from one lane to the next only those two lanes re-render, not the board
 * (at 300 engineers a board-wide render per crossing cost frames of 50 ms and more: npm run bench).
 */
export type DragState = {
  overId: UniqueIdentifier | null;
  rung: Rank | null;
  fromBacklog: boolean;
  /** Every lane takes the drop, near the visible part of the board or not (a keyboard drag: see Lane.tsx). */
  allTargets: boolean;
};

export type DragStore = {
  get: () => DragState;
  set: (next: DragState) => void;
  subscribe: (listener: () => void) => () => void;
};

export const IDLE: DragState = { overId: null, rung: null, fromBacklog: false, allTargets: false };

export function createDragStore(): DragStore {
  let state = IDLE;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next) {
      if (
        next.overId === state.overId &&
        next.rung === state.rung &&
        next.fromBacklog === state.fromBacklog &&
        next.allTargets === state.allTargets
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

/** True while a drag that must reach every lane (a keyboard drag) is under way. */
export function useAllTargets(): boolean {
  const store = useContext(DragStoreContext);
  const select = useCallback(() => store.get().allTargets, [store]);
  return useSyncExternalStore(store.subscribe, select, select);
}

/** The whole drag state, for the few parts that show the target itself (the drag overlay). */
export function useDragState(): DragState {
  const store = useContext(DragStoreContext);
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
