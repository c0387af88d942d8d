import { useCallback, useState } from 'react';
import type { ErrorCode, Result } from '../../shared/errors.ts';
import type { Mutation, Snapshot } from '../../shared/schemas.ts';
import { type Notice, notices } from './notice.ts';
import { planStore } from './plan.ts';
import { tellOtherPages } from './elsewhere.ts';

const STALE = new Set<ErrorCode>(['not_found', 'conflict', 'unavailable', 'timeout']);

export type MutationOptions<T> = {
  /** Words before a refusal's reason ("Could not move 'X'"); the reason alone when absent. */
  failure?: string;
  /** The plan as it will be once the change succeeds (a shared rule, applied at once to the plan held now); rolled back on refusal. */
  optimistic?: (snapshot: Snapshot) => Snapshot;
  /** What a refusal restores: by default the plan as it was before the optimistic apply (a drag passes its start). */
  rollbackTo?: Snapshot;
  /** The notice for a success; the reply's summary when absent, nothing when it returns null. */
  notice?: (value: T) => Omit<Notice, 'where'> | string | null;
  /** The part of the screen the notice is about (Notice.where). */
  where?: string;
  /** 'form': a refusal is the caller's to show, beside the fields it names (a form's own errors). */
  refusal?: 'notice' | 'form';
  /** Fetch the whole plan afterwards: for replies that are not plan changes (a restore, a new quarter shown). */
  refetch?: boolean;
};

/**
 * The one way a screen changes the plan: call the channel, patch the plan store from the reply
 * (optimistically first where the screen has the shared rule), roll back on refusal, and say
 * what happened in the one notice. `pending` is true while a call is in flight.
 */
export function useMutation() {
  const [pending, setPending] = useState(0);
  const run = useCallback(
    async <T extends object>(call: () => Promise<Result<T>>, options: MutationOptions<T> = {}): Promise<Result<T>> => {
      setPending((n) => n + 1);
      const current = planStore.get().snapshot;
      const before = options.rollbackTo ?? current;
      // Applied to the plan as it is now, which may hold more than the one the move began on: a
      // reply that arrived meanwhile, or another page's change fetched again (elsewhere.ts).
      if (options.optimistic && current) planStore.replace(options.optimistic(current));
      try {
        const r = await call();
        if (!r.ok) {
          if (options.optimistic && before) planStore.replace(before);
          // Something named is gone or changed (another window, another writer), or the roster's process
          // restarted mid-call: what is on screen may not be what is stored, so the plan is fetched
          // afresh. A refusal is no ordinary change; a form's invalid input fetches nothing.
          if (STALE.has(r.error.code)) void planStore.fetch();
          if (options.refusal !== 'form')
            notices.refused(options.failure ? `${options.failure}: ${r.error.message}` : r.error.message, options.where);
          return r;
        }
        const reply = r.value as Partial<Mutation>;
        const said = options.notice ? options.notice(r.value) : (reply.summary ?? null);
        if (said !== null)
          notices.show(
            typeof said === 'string' ? { text: said, tone: 'success', where: options.where } : { where: options.where, ...said },
          );
        if (options.refetch) await planStore.fetch();
        else await planStore.apply(reply);
        tellOtherPages();
        return r;
      } finally {
        setPending((n) => n - 1);
      }
    },
    [],
  );
  return { run, pending: pending > 0 };
}
