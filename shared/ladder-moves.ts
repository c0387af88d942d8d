import type { AssignmentFacts } from './assignment.ts';
import { type FitKind, fit } from './fit.ts';
import type { Rank } from './ladder.ts';

// Levels and rungs are positions on the ladder. Moving a level, or removing one and sending who
// holds it and what uses it to another, maps every position to a new one; these are those maps,
// stated once for the handler that writes them and the preview that shows what they would do.

/** Move `id` to `position` in `ids` (the new order of the levels). */
export function movedOrder(ids: readonly number[], id: number, position: number): number[] {
  const rest = ids.filter((x) => x !== id);
  rest.splice(Math.min(position, rest.length), 0, id);
  return rest;
}

/** Where each position goes when the level at `from` moves to `to` (positions in between shift by one). */
export function positionsAfterMove(count: number, from: Rank, to: Rank): (r: Rank) => Rank {
  const order = movedOrder(
    Array.from({ length: count }, (_, r) => r),
    from,
    to,
  );
  const after = new Map(order.map((r, p) => [r, p]));
  return (r) => after.get(r) ?? r;
}

/** Where each position goes when the level at `removed` goes and what it held moves to `target`. */
export const positionsAfterMerge =
  (removed: Rank, target: Rank) =>
  (r: Rank): Rank => {
    const kept = r === removed ? target : r;
    return kept > removed ? kept - 1 : kept;
  };

/** An assignment whose fit a change of the ladder changes. */
export type FitChange = { itemId: number; title: string; engineer: string; before: FitKind; after: FitKind };

const SEVERITY: Record<FitKind, number> = { in_reach: 0, stretch: 1, overreach: 2 };

/** The kinds of fit change, in the order a lead reads them: what goes wrong first. */
export const FIT_CHANGE_GROUPS = ['new_overreach', 'new_stretch', 'better'] as const;
export type FitChangeGroup = (typeof FIT_CHANGE_GROUPS)[number];

export const fitChangeGroup = (c: Pick<FitChange, 'before' | 'after'>): FitChangeGroup =>
  SEVERITY[c.after] <= SEVERITY[c.before] ? 'better' : c.after === 'overreach' ? 'new_overreach' : 'new_stretch';

/** New overreaches first, then new stretches, then the fits that get better; within each, as given. */
const order = (c: FitChange) => FIT_CHANGE_GROUPS.indexOf(fitChangeGroup(c));

/**
 * The assignments whose fit (shared/fit.ts) reads differently once every position maps through
 * `to`: the rung of the work and the level of the one doing it, as the quarter's board judges it.
 */
export function fitChanges(assignments: readonly (AssignmentFacts & { itemId: number })[], to: (r: Rank) => Rank): FitChange[] {
  const out: FitChange[] = [];
  for (const a of assignments) {
    const before = fit(a.rung, a.assignee.level).kind;
    const after = fit(to(a.rung), to(a.assignee.level)).kind;
    if (before !== after) out.push({ itemId: a.itemId, title: a.title, engineer: a.assignee.name, before, after });
  }
  return out.toSorted((a, b) => order(a) - order(b));
}
