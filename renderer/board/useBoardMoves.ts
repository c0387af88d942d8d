import { useCallback, useMemo, useRef, useState } from 'react';
import { fit, fitSentence } from '../../shared/fit.ts';
import type { Result } from '../../shared/errors.ts';
import type { Mutation, Snapshot } from '../../shared/schemas.ts';
import { api } from '../api.ts';
import { withAssignment } from './optimistic.ts';

/** success: done as asked; info: done, with a next step (a stretch's reviewer); warning: an overreach. */
export type Notice = { text: string; tone: 'success' | 'info' | 'warning' };

type Plan = {
  snapshot: Snapshot;
  setSnapshot: (s: Snapshot) => void;
  reload: () => Promise<unknown>;
};

/**
 * Every move on the board: optimistic, then persisted through the contract, rolled back to the
 * snapshot captured at drag start if the main process refuses, then refreshed from the main process.
 */
export function useBoardMoves({ snapshot, setSnapshot, reload }: Plan) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Set when an optimistic drop is waiting to be painted, for the benchmark marks. */
  const pendingPaint = useRef(false);

  const assign = useCallback(
    async (before: Snapshot, itemId: number, engineerId: number | null): Promise<boolean> => {
      const item = before.items.find((i) => i.id === itemId);
      if (!item) return false;
      const current = item.assignment?.engineerId ?? null;
      if (current === engineerId) return false;
      pendingPaint.current = true;
      setSnapshot(withAssignment(before, itemId, engineerId));
      const r = await api['plan.assign']({ itemId, engineerId });
      if (!r.ok) {
        setSnapshot(before);
        setNotice(null);
        setError(`Could not move '${item.title}': ${r.error.message}`);
      } else {
        performance.mark('rungs:drop-persisted');
        setError(null);
        const engineer = engineerId === null ? undefined : before.engineers.find((e) => e.id === engineerId);
        const f = engineer ? fit(item.rung, engineer.level) : null;
        if (engineer && f?.kind === 'overreach') {
          setNotice({
            tone: 'warning',
            text: `Overreach: ${fitSentence(item.title, item.rung, engineer.name, engineer.level)}. It is listed under Warnings until it is moved or kept with a note.`,
          });
        } else if (engineer && f?.kind === 'stretch') {
          setNotice({ tone: 'info', text: `${r.value.summary}. Pick a reviewer on the card to close the gap with review.` });
        } else setNotice({ tone: 'success', text: r.value.summary });
      }
      await reload();
      return r.ok;
    },
    [setSnapshot, reload],
  );

  const run = useCallback(
    async (failure: string, request: () => Promise<Result<Mutation>>): Promise<boolean> => {
      const r = await request();
      if (r.ok) {
        setError(null);
        setNotice({ tone: 'success', text: r.value.summary });
      } else setError(`${failure}: ${r.error.message}`);
      await reload();
      return r.ok;
    },
    [reload],
  );

  const undo = useCallback(() => void run('Could not undo', () => api['history.undo']({})), [run]);
  const redo = useCallback(() => void run('Could not redo', () => api['history.redo']({})), [run]);
  const setReviewer = useCallback(
    (itemId: number, reviewerId: number | null, leadReviews: boolean) =>
      void run('Could not set the reviewer', () => api['plan.setReviewer']({ itemId, reviewerId, leadReviews })),
    [run],
  );
  const acknowledge = useCallback(
    (itemId: number, note: string | null) =>
      run(note === null ? 'Could not withdraw the note' : 'Could not keep the overreach', () => api['plan.acknowledge']({ itemId, note })),
    [run],
  );

  const engineers = snapshot.engineers;
  const actions = useMemo(() => ({ engineers, setReviewer, acknowledge }), [engineers, setReviewer, acknowledge]);
  /** True once per optimistic drop: the board marks its paint for the benchmarks. */
  const takePendingPaint = useCallback(() => {
    const pending = pendingPaint.current;
    pendingPaint.current = false;
    return pending;
  }, []);
  return { assign, undo, redo, actions, notice, error, setError, takePendingPaint };
}
