import { type Fit, fit } from './fit.ts';
import type { Rank } from './ladder.ts';
import type { Engineer, LevelChange, Quarter, WorkItem } from './schemas.ts';

// The growth trail: the stretch assignments an engineer carried, quarter by quarter, with who
// reviewed them. Evidence for a promotion conversation, so each quarter's fit is judged at the
// level the engineer held when the quarter began (a promotion must not erase the stretch that
// earned it). Today's insights, by contrast, use the current level.

/** "2025 Q3" → "2025-07-01"; null when a quarter's name does not say when it starts. */
export function quarterStart(name: string): string | null {
  const m = /^\s*(\d{4})\s*[-/ ]?\s*Q([1-4])\s*$/i.exec(name);
  if (!m) return null;
  return `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/** The level an engineer held on a date, from their level changes; their current level when unknown. */
export function levelOn(changes: readonly LevelChange[], date: string | null, current: Rank): Rank {
  if (date === null || changes.length === 0) return current;
  const sorted = changes.toSorted((a, b) => a.changedOn.localeCompare(b.changedOn) || a.id - b.id);
  const before = sorted.filter((c) => c.changedOn <= date).at(-1);
  if (before) return before.toLevel;
  // Before their first recorded change: the level it started from, or the one they joined at.
  const first = sorted[0]!;
  return first.fromLevel ?? first.toLevel;
}

export type TrailItem = {
  item: WorkItem;
  fit: Fit;
  reviewer: Pick<Engineer, 'id' | 'name' | 'level'> | null;
  leadReviews: boolean;
};
export type TrailQuarter = { quarter: Quarter; levelThen: Rank; items: TrailItem[] };

/** Quarters (oldest first) in which the engineer carried work past their level then. */
export function growthTrail(
  engineer: Engineer,
  changes: readonly LevelChange[],
  quarters: readonly Quarter[],
  items: readonly WorkItem[],
  engineers: readonly Engineer[],
): TrailQuarter[] {
  const byId = new Map(engineers.map((e) => [e.id, e]));
  return quarters
    .map((quarter): TrailQuarter => {
      const levelThen = levelOn(changes, quarterStart(quarter.name), engineer.level);
      const trail = items
        .filter((i) => i.quarterId === quarter.id && i.assignment?.engineerId === engineer.id)
        .map((item) => ({ item, fit: fit(item.rung, levelThen) }))
        .filter(({ fit: f }) => f.gap >= 1)
        .map(({ item, fit: f }): TrailItem => {
          const r = item.assignment!.reviewerId !== null ? byId.get(item.assignment!.reviewerId) : undefined;
          return {
            item,
            fit: f,
            reviewer: r ? { id: r.id, name: r.name, level: r.level } : null,
            leadReviews: item.assignment!.leadReviews,
          };
        });
      return { quarter, levelThen, items: trail };
    })
    .filter((q) => q.items.length > 0);
}
