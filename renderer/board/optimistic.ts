import { canReview } from '../../shared/fit.ts';
import type { Snapshot } from '../../shared/schemas.ts';

/**
 * The snapshot as it will look once `plan.assign` succeeds, so the card moves at once.
 * Mirrors the handler: one assignment per item (a new DRI replaces the old), a reviewer kept only
 * if they can still review the new assignee, and an acknowledgement dropped (it was for the old one).
 */
export function withAssignment(snapshot: Snapshot, itemId: number, engineerId: number | null): Snapshot {
  const engineers = new Map(snapshot.engineers.map((e) => [e.id, e]));
  const items = snapshot.items.map((item) => {
    if (item.id !== itemId) return item;
    if (engineerId === null) return { ...item, assignment: null };
    const current = item.assignment;
    const engineer = engineers.get(engineerId);
    const reviewer = current?.reviewerId ? engineers.get(current.reviewerId) : undefined;
    const keep = !!engineer && !!reviewer && reviewer.id !== engineerId && canReview(reviewer.level, engineer.level);
    return {
      ...item,
      assignment: { engineerId, reviewerId: keep ? reviewer.id : null, leadReviews: current?.leadReviews ?? false, ackNote: null },
    };
  });
  return { ...snapshot, items };
}
