import { useCallback, useMemo, useRef } from 'react';
import { fit, fitSentence } from '../../shared/fit.ts';
import { type Ladder, levelName } from '../../shared/ladder.ts';
import type { Engineer, Snapshot, WorkItem } from '../../shared/schemas.ts';
import { plural } from '../../shared/words.ts';
import type { Notice } from '../store/notice.ts';
import { api } from '../api.ts';
import { useMutation } from '../store/useMutation.ts';
import { withAssignment } from './optimistic.ts';
import { releaseFocus } from './focusCard.ts';
import { useLadder } from '../ladder/useLadder.ts';
import { useHistorySteps } from '../undo.ts';
import { type NameOf, useNameOf } from '../store/engineerNames.ts';

/**
 * Every move on the board, through the one mutation hook: applied at once with the shared rule
 * (optimistic.ts), persisted through the contract, rolled back to the snapshot captured at drag
 * start if the main process refuses; the reply's rows patch the plan store, with no second fetch.
 */
export function useBoardMoves(snapshot: Snapshot) {
  const ladder = useLadder();
  const nameOf = useNameOf();
  const { run } = useMutation();
  /** Set when an optimistic drop is waiting to be painted, for the benchmark marks. */
  const pendingPaint = useRef(false);

  const assign = useCallback(
    /** Resolves true once the move is stored: the board then moves focus on to the next backlog card. */
    async (before: Snapshot, itemId: number, engineerId: number | null): Promise<boolean> => {
      const item = before.items.find((i) => i.id === itemId);
      if (!item) return false;
      const current = item.assignment?.engineerId ?? null;
      if (current === engineerId) return false;
      pendingPaint.current = true;
      releaseFocus(itemId);
      const r = await run(() => api['plan.assign']({ itemId, engineerId }), {
        failure: `Could not move '${item.title}'`,
        optimistic: (s) => withAssignment(s, itemId, engineerId),
        rollbackTo: before,
        notice: ({ summary }) =>
          moveNotice(ladder, nameOf, [item], engineerId === null ? undefined : before.engineers.find((e) => e.id === engineerId), summary),
      });
      // The change is stored and the plan store holds what the main process wrote.
      if (r.ok) performance.mark('rungs:drop-persisted');
      return r.ok;
    },
    [run, ladder, nameOf],
  );

  /** Several cards to one engineer (or the backlog) as one change: a selection, an initiative with its waiting stories. */
  const assignAll = useCallback(
    async (before: Snapshot, itemIds: readonly number[], engineerId: number | null): Promise<boolean> => {
      const engineer = engineerId === null ? undefined : before.engineers.find((e) => e.id === engineerId);
      const moved = before.items.filter((i) => itemIds.includes(i.id));
      const r = await run(() => api['plan.assignMany']({ moves: itemIds.map((itemId) => ({ itemId, engineerId })) }), {
        failure: 'Could not move them',
        optimistic: (s) => itemIds.reduce((plan, itemId) => withAssignment(plan, itemId, engineerId), s),
        rollbackTo: before,
        notice: ({ summary }) => moveNotice(ladder, nameOf, moved, engineer, summary),
      });
      return r.ok;
    },
    [run, ladder, nameOf],
  );

  const { undo, redo } = useHistorySteps();
  const setReviewer = useCallback(
    (itemId: number, reviewerId: number | null, leadReviews: boolean) =>
      void run(() => api['plan.setReviewer']({ itemId, reviewerId, leadReviews }), { failure: 'Could not set the reviewer' }),
    [run],
  );
  const acknowledge = useCallback(
    async (itemId: number, note: string | null) =>
      (
        await run(() => api['plan.acknowledge']({ itemId, note }), {
          failure: note === null ? 'Could not withdraw the note' : 'Could not keep the overreach',
        })
      ).ok,
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
  return { assign, assignAll, undo, redo, actions, takePendingPaint };
}

/** What a move says: an overreach is a warning, a stretch asks for its reviewer, like a drop. */
function moveNotice(
  ladder: Ladder,
  nameOf: NameOf,
  items: readonly WorkItem[],
  engineer: Engineer | undefined,
  summary: string,
): Omit<Notice, 'where'> | string {
  if (!engineer) return summary;
  const name = nameOf(engineer);
  const over = items.filter((i) => fit(i.rung, engineer.level).kind === 'overreach');
  const stretches = items.filter((i) => fit(i.rung, engineer.level).kind === 'stretch').length;
  const listed = 'listed under Warnings until it is moved or kept with a note';
  if (items.length === 1 && over.length === 1)
    return {
      tone: 'warning',
      text: `Overreach: ${fitSentence(ladder, over[0]!.title, over[0]!.rung, name, engineer.level)}. It is ${listed}.`,
    };
  if (over.length > 0)
    return {
      tone: 'warning',
      text: `${summary}. Overreach: ${plural(over.length, 'card')} more than one rung past ${name} (${levelName(ladder, engineer.level)}): each is ${listed}.`,
    };
  if (stretches === 1 && items.length === 1)
    return { tone: 'info', text: `${summary}. Pick a reviewer on the card to close the gap with review.` };
  if (stretches > 0)
    return {
      tone: 'info',
      text: `${summary}. ${plural(stretches, 'stretch', 'stretches')} for ${name}: pick a reviewer on each card to close the gap with review.`,
    };
  return summary;
}
