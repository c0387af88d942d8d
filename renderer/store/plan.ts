import { useSyncExternalStore } from 'react';
import type { Mutation, Snapshot } from '../../shared/schemas.ts';
import { api } from '../api.ts';
import { shareSnapshot } from '../board/share.ts';
import { applyChanges } from './applyChanges.ts';
import { firstSnapshot } from './firstSnapshot.ts';
import { onChangedElsewhere } from './elsewhere.ts';
import type { Result } from '../../shared/errors.ts';

// The one plan store: the quarter's snapshot as the main process has it. It is fetched at start
// and on a quarter switch; after a change it patches itself from the reply's rows (applyChanges),
// and fetches afresh only when the reply says it is too large to carry (an import, a restore).

export type PlanState = { snapshot: Snapshot | null; error: string | null; quarterId: number | undefined };

type Listener = () => void;

/**
 * `first`: the latest quarter's snapshot already asked for (firstSnapshot.ts), taken by the first
 * fetch of the latest quarter instead of asking again.
 */
export function createPlanStore(source: Pick<typeof api, 'board.snapshot'> = api, first: Promise<Result<Snapshot>> | null = null) {
  let state: PlanState = { snapshot: null, error: null, quarterId: undefined };
  let early = first;
  const listeners = new Set<Listener>();
  const set = (next: Partial<PlanState>) => {
    state = { ...state, ...next };
    for (const l of listeners) l();
  };
  /** The latest fetch wins: a slow answer for a quarter the lead has left is dropped. */
  let fetching = 0;

  const store = {
    get: () => state,
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** Fetch the whole snapshot: at start, on a quarter switch, or when a reply asks for it. */
    async fetch(quarterId: number | undefined = state.quarterId) {
      const ticket = ++fetching;
      const asked = quarterId === undefined && early ? early : source['board.snapshot'](quarterId === undefined ? {} : { quarterId });
      early = null;
      const r = await asked;
      if (ticket !== fetching) return r;
      // Unchanged rows keep their identity, so memoized lanes and cards skip rendering.
      if (r.ok) set({ snapshot: shareSnapshot(state.snapshot, r.value), error: null, quarterId });
      else set({ error: r.error.message, quarterId });
      return r;
    },
    /** Show another quarter (undefined: the latest). */
    switchQuarter: (quarterId: number | undefined) => store.fetch(quarterId),
    /** Set the snapshot directly: an optimistic move, or the rollback of one. */
    replace(snapshot: Snapshot) {
      set({ snapshot });
    },
    /** Patch the snapshot from a mutation's reply; fetch afresh only when the reply cannot say. */
    async apply(reply: Partial<Mutation>) {
      const current = state.snapshot;
      if (reply.refetch || !current) return void (await store.fetch());
      if (!reply.changed) return;
      if (reply.changed.removedQuarterIds.includes(current.quarter.id)) return void (await store.fetch(undefined));
      set({ snapshot: applyChanges(current, reply.changed) });
    },
  };
  return store;
}

export type PlanStore = ReturnType<typeof createPlanStore>;

export const planStore = createPlanStore(api, firstSnapshot);
// Another tab or window changed the roster: fetched again, so what is on screen is what is stored.
onChangedElsewhere(() => void planStore.fetch());

/** The plan every screen reads. */
export function usePlanState(): PlanState {
  return useSyncExternalStore(planStore.subscribe, planStore.get);
}
