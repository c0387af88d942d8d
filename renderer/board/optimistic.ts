import { assignmentAfterMove } from '../../shared/assignment.ts';
import type { Snapshot, WorkItem } from '../../shared/schemas.ts';

/**
 * The snapshot as it will look once `plan.assign` succeeds, so the card moves at once. The new
 * assignment comes from the same shared rule the handler writes (assignmentAfterMove).
 */
export function withAssignment(snapshot: Snapshot, itemId: number, engineerId: number | null): Snapshot {
  const engineers = new Map(snapshot.engineers.map((e) => [e.id, e]));
  const items = snapshot.items.map((item) => {
    if (item.id !== itemId) return item;
    const engineer = engineerId === null ? undefined : engineers.get(engineerId);
    if (!engineer) return { ...item, assignment: null };
    const reviewerId = item.assignment?.reviewerId;
    const reviewer = reviewerId ? (engineers.get(reviewerId) ?? null) : null;
    return { ...item, assignment: assignmentAfterMove(item.assignment, engineer, reviewer) };
  });
  return { ...snapshot, items };
}

/** Fields of an item that change nothing but themselves: stored as given, so shown at once. */
export type OwnFields = Partial<Pick<WorkItem, 'title' | 'description' | 'rung' | 'size' | 'status' | 'touchpoints'>>;

/** The snapshot as it will look once `work.update` (one item) or `work.updateMany` of the items' own fields succeeds. */
export function withItemFields(snapshot: Snapshot, itemIds: readonly number[], fields: OwnFields): Snapshot {
  const ids = new Set(itemIds);
  return { ...snapshot, items: snapshot.items.map((item) => (ids.has(item.id) ? { ...item, ...fields } : item)) };
}
