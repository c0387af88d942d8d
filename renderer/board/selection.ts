import {
  type KeyboardEvent,
  type MouseEvent,
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import type { TeamLanes } from '../../shared/plan.ts';
import type { WorkItem } from '../../shared/schemas.ts';

// The cards a lead has picked for one change (BulkBar.tsx): Ctrl/Cmd-click or X toggles a card,
// Shift-click or Shift+X adds the run from the last card picked to this one within the same list
// (the backlog, or one engineer's lane), Escape clears. Kept in a small store the cards select from,
// like the drag (dragState.ts): picking a card renders that card and the bar, not the board.

export type Selection = {
  ids: ReadonlySet<number>;
  /** The card a range starts from: the last one toggled. */
  anchor: number | null;
};

export const NOTHING_SELECTED: Selection = { ids: new Set(), anchor: null };

/** Toggle one card; it becomes the anchor of the next range. */
export function toggled(s: Selection, id: number): Selection {
  const ids = new Set(s.ids);
  if (!ids.delete(id)) ids.add(id);
  return { ids, anchor: id };
}

/**
 * Add the cards from the anchor to this one, as the list shows them. With no anchor in the same
 * list (none yet, or it sits in another lane) the card is toggled and starts the next range.
 */
export function extended(s: Selection, id: number, list: readonly number[]): Selection {
  const from = s.anchor === null ? -1 : list.indexOf(s.anchor);
  const to = list.indexOf(id);
  if (from < 0 || to < 0) return toggled(s, id);
  const [lo, hi] = from < to ? [from, to] : [to, from];
  return { ids: new Set([...s.ids, ...list.slice(lo, hi + 1)]), anchor: s.anchor };
}

/** Cards no longer on the board leave the selection. */
export function pruned(s: Selection, present: (id: number) => boolean): Selection {
  if ([...s.ids].every(present)) return s;
  const ids = new Set([...s.ids].filter(present));
  return { ids, anchor: s.anchor !== null && present(s.anchor) ? s.anchor : null };
}

export type SelectionStore = {
  get: () => Selection;
  set: (s: Selection) => void;
  subscribe: (listener: () => void) => () => void;
};

export function createSelectionStore(): SelectionStore {
  let state = NOTHING_SELECTED;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set: (s) => {
      if (s === state) return;
      state = s;
      for (const l of listeners) l();
    },
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
  };
}

export const SelectionContext = createContext<SelectionStore | null>(null);

const never = () => () => {};

/** Whether this card is picked: only the cards whose answer changes render. */
export function useIsSelected(itemId: number): boolean {
  const store = useContext(SelectionContext);
  return useSyncExternalStore(store?.subscribe ?? never, () => store?.get().ids.has(itemId) ?? false);
}

export function useSelection(store: SelectionStore): Selection {
  return useSyncExternalStore(store.subscribe, store.get);
}

/** What the bulk bar can open for the whole selection, and the key on a picked card that opens it. */
export type BulkPopup = 'assign' | 'status' | 'rung';
const BULK_KEYS: Partial<Record<string, BulkPopup>> = { a: 'assign', s: 'status', r: 'rung' };

/** The board's side of picking cards: what a click or a key on a card's handle does to the selection. */
export function useCardSelection(backlog: readonly WorkItem[], teams: readonly TeamLanes[]) {
  const [store] = useState(createSelectionStore);
  /** What the bar has open for the whole selection (its button, or A, S, R on a picked card). */
  const [popup, setPopup] = useState<BulkPopup | null>(null);
  /** The list a card is shown in, in its order: a range never crosses from one list to another. */
  const listOf = useCallback(
    (id: number): number[] => {
      const ids = (items: readonly WorkItem[]) => items.map((i) => i.id);
      if (backlog.some((i) => i.id === id)) return ids(backlog);
      const lane = teams.flatMap((t) => t.lanes).find((l) => l.items.some((i) => i.id === id));
      return lane ? ids(lane.items) : [];
    },
    [backlog, teams],
  );
  // A card the board no longer shows (deleted, filtered out, another quarter) leaves the selection:
  // a change is made only to cards the lead can see.
  useEffect(() => {
    if (store.get().ids.size === 0) return;
    const shown = new Set([...backlog, ...teams.flatMap((t) => t.lanes.flatMap((l) => l.items))].map((i) => i.id));
    store.set(pruned(store.get(), (id) => shown.has(id)));
  }, [backlog, teams, store]);
  const clear = useCallback(() => store.set(NOTHING_SELECTED), [store]);
  /** True when the click picked (or unpicked) cards; a plain click clears the selection and is the board's. */
  const click = useCallback(
    (e: MouseEvent, id: number): boolean => {
      if (e.ctrlKey || e.metaKey) store.set(toggled(store.get(), id));
      else if (e.shiftKey) store.set(extended(store.get(), id, listOf(id)));
      else {
        clear();
        return false;
      }
      return true;
    },
    [store, listOf, clear],
  );
  /**
   * X toggles the focused card, Shift+X adds the range up to it, Escape clears; on a picked card,
   * A, S and R open Assign to…, Set status and Set rung for the whole selection. True when the key was used.
   */
  const key = useCallback(
    (e: KeyboardEvent, id: number): boolean => {
      if (e.ctrlKey || e.metaKey || e.altKey) return false;
      const { ids } = store.get();
      const bulk = BULK_KEYS[e.key.toLowerCase()];
      if (e.key.toLowerCase() === 'x') store.set(e.shiftKey ? extended(store.get(), id, listOf(id)) : toggled(store.get(), id));
      else if (e.key === 'Escape' && ids.size > 0) clear();
      else if (bulk && ids.size >= 2 && ids.has(id)) setPopup(bulk);
      else return false;
      e.preventDefault();
      return true;
    },
    [store, listOf, clear],
  );
  return useMemo(() => ({ store, click, key, clear, popup, setPopup }), [store, click, key, clear, popup]);
}

export type CardSelection = ReturnType<typeof useCardSelection>;
