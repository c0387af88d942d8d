import { type Fit, fit } from './fit.ts';
import { type Rank, ranksOf } from './ladder.ts';
import { loadPoints } from './load.ts';
import { type Plan, activeCarriers } from './plan.ts';
import type { Engineer } from './schemas.ts';

// The rung-by-level heatmap: for each engineer, how many items of each rung they carry and what
// that rung means for them (in reach, stretch, overreach); and for the team, the rungs of the
// quarter's work against the levels on the roster.

export type HeatCell = { rung: Rank; count: number; points: number; fit: Fit };
export type HeatRow = { engineer: Engineer; cells: HeatCell[] };

/** Active engineers, most senior first, one cell per rung of the ladder, lowest first. */
export function heatmap(plan: Plan): HeatRow[] {
  // Points counted once (load.ts): a DRI's initiative adds only the part not yet in its stories.
  const pointsOf = loadPoints(plan);
  return activeCarriers(plan).map(({ engineer, items }) => ({
    engineer,
    cells: ranksOf(plan.ladder).map((rung) => {
      const at = items.filter((i) => i.rung === rung);
      return { rung, count: at.length, points: at.reduce((sum, i) => sum + pointsOf(i), 0), fit: fit(rung, engineer.level) };
    }),
  }));
}

export type TeamHeatRow = {
  rung: Rank;
  /** Items at this rung by the level of whoever carries them, lowest level first. */
  byLevel: number[];
  unassigned: number;
  total: number;
};

export type TeamHeat = {
  rows: TeamHeatRow[];
  /** Active engineers on the roster per level, lowest first. */
  roster: number[];
};

/** Rungs of the quarter's work (rows) against the level of who carries them and the roster's levels. */
export function teamHeatmap(plan: Plan): TeamHeat {
  const engineers = new Map(plan.engineers.map((e) => [e.id, e]));
  const ranks = ranksOf(plan.ladder);
  const rows = ranks.map((rung): TeamHeatRow => {
    const at = plan.items.filter((i) => i.rung === rung);
    const byLevel = ranks.map(() => 0);
    let unassigned = 0;
    for (const item of at) {
      const e = item.assignment ? engineers.get(item.assignment.engineerId) : undefined;
      if (e) byLevel[e.level]! += 1;
      else unassigned += 1;
    }
    return { rung, byLevel, unassigned, total: at.length };
  });
  const active = plan.engineers.filter((e) => e.active);
  return { rows, roster: ranks.map((r) => active.filter((e) => e.level === r).length) };
}
