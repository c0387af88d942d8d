import { pts } from './load.ts';
import type { FitCounts, Lane } from './plan.ts';
import { isOverCapacity, loadText, plural } from './words.ts';

// A team's load against its capacity, as the report's totals row shows it. It adds up the team's
// lanes (plan.ts `teamLanes`), whose loads already count every point once (load.ts): an initiative
// carried by one team while its stories sit with another is split between them, never counted by both.

export type TeamTotals = {
  /** Active engineers on the team. */
  engineers: number;
  /** Points they carry between them. */
  points: number;
  /** The capacities they have, added up; null when none of them has one. */
  capacity: number | null;
  /** Who has no capacity, and the points they carry (counted in `points`, matched by no capacity). */
  withoutCapacity: { engineers: number; points: number };
  /** Their items by fit. */
  counts: FitCounts;
};

export function teamTotals(lanes: readonly Lane[]): TeamTotals {
  const totals: TeamTotals = {
    engineers: lanes.length,
    points: 0,
    capacity: null,
    withoutCapacity: { engineers: 0, points: 0 },
    counts: { in_reach: 0, stretch: 0, overreach: 0 },
  };
  for (const { engineer, load, counts } of lanes) {
    totals.points += load.points;
    if (engineer.capacity === null) {
      totals.withoutCapacity.engineers += 1;
      totals.withoutCapacity.points += load.points;
    } else totals.capacity = (totals.capacity ?? 0) + engineer.capacity;
    for (const kind of ['in_reach', 'stretch', 'overreach'] as const) totals.counts[kind] += counts[kind];
  }
  return totals;
}

/** Over capacity: the team carries more than the capacities it has, added up. */
export const overCapacity = (t: TeamTotals): boolean => isOverCapacity(t.points, t.capacity);

/** The totals in words: "12 / 40 pts", with who has no capacity: "; 3 pts with 1 engineer who has no capacity". */
export function totalsText(t: TeamTotals): string {
  const load = loadText(t.points, t.capacity);
  const over = overCapacity(t) ? ` (over capacity by ${pts(t.points - t.capacity!)})` : '';
  const { engineers, points } = t.withoutCapacity;
  if (engineers === 0 || t.capacity === null) return `${load}${over}`;
  return `${load}${over}; ${pts(points)} of it with ${plural(engineers, 'engineer')} who ${engineers === 1 ? 'has' : 'have'} no capacity`;
}
