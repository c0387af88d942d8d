import { levelOn } from './calendar.ts';
import { type Fit, fit } from './fit.ts';
import type { Rank } from './ladder.ts';
import type { Engineer, LevelChange, Quarter, WorkItem } from './schemas.ts';

// The growth trail: the stretch assignments an engineer carried, quarter by quarter, with who
// reviewed them. Evidence for a promotion conversation, so each quarter's fit is judged at the
// level the engineer held when the quarter began (a promotion must not erase the stretch that
// earned it). A quarter without a date is read at the engineer's level as stored.

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
      const levelThen = quarter.startsOn === null ? engineer.level : levelOn(engineer, changes, quarter.startsOn);
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
