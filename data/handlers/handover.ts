import { assigneeProblem, assignmentAfterMove } from '../../shared/assignment.ts';
import { RungsError } from '../../shared/errors.ts';
import type { Engineer } from '../../shared/schemas.ts';
import type { Changeset } from '../store/changes.ts';
import type { Db } from '../store/db.ts';
import { engineersOnDay, getEngineer, getWorkItemsByIds, quarterDay } from '../store/queries.ts';
import { plucked } from '../store/statements.ts';

/** Who takes over someone's work: an active engineer other than them. Refused with the reason otherwise. */
export function successor(db: Db, leaving: Engineer, handTo: number): Engineer {
  const to = getEngineer(db, handTo);
  if (to.id === leaving.id) throw new RungsError('conflict', `${leaving.name} cannot hand their work to themselves; pick someone else.`);
  const problem = assigneeProblem(to);
  if (problem) throw new RungsError('conflict', problem.message);
  return to;
}

/**
 * Every item `from` is DRI or owner of, in any quarter, goes to `to` as a drop onto their lane
 * would (assignmentAfterMove): the reviewer stays when they can still review the new assignee as
 * that quarter judges levels, and a note kept on an overreach is dropped (it was about `from`).
 * Returns how many items moved.
 */
export function handOverWork(db: Db, rows: Changeset, from: Engineer, to: Engineer): number {
  const owned = plucked<[number], number>(db, 'SELECT item_id FROM assignments WHERE engineer_id = ?').all(from.id);
  for (const item of getWorkItemsByIds(db, owned).values()) {
    const day = quarterDay(db, item.quarterId);
    const [taker] = engineersOnDay(db, [to], day) as [Engineer];
    const reviewerId = item.assignment!.reviewerId;
    const reviewer = reviewerId === null ? null : (engineersOnDay(db, [getEngineer(db, reviewerId)], day)[0] ?? null);
    const next = assignmentAfterMove(item.assignment, taker, reviewer);
    rows.update('assignments', item.id, {
      engineer_id: next.engineerId,
      reviewer_id: next.reviewerId,
      lead_reviews: next.leadReviews ? 1 : 0,
      ack_note: next.ackNote,
    });
  }
  return owned.length;
}
