import { z } from 'zod';
import { CompetencyMap } from '../competency-map.ts';
import { Engineer, Id, LevelChange, Quarter, RankSchema, WorkItem } from '../schemas.ts';
import { channel } from './channel.ts';

// Insights that need more than one quarter's snapshot, and the competency map as data.
// A quarter's gaps, DRI check and heatmap are computed in the renderer from the snapshot with the
// same shared/ functions, so they follow the board without a round trip.

const FitSchema = z.object({ kind: z.enum(['in_reach', 'stretch', 'overreach']), gap: z.int(), belowLevel: z.boolean() });

export const GrowthTrail = z.object({
  engineer: Engineer,
  levelChanges: z.array(LevelChange),
  quarters: z.array(
    z.object({
      quarter: Quarter,
      levelThen: RankSchema,
      items: z.array(
        z.object({
          item: WorkItem,
          fit: FitSchema,
          reviewer: z.object({ id: Id, name: z.string(), level: RankSchema }).nullable(),
          leadReviews: z.boolean(),
        }),
      ),
    }),
  ),
});
export type GrowthTrail = z.infer<typeof GrowthTrail>;

export const insightsContract = {
  /** The competency map, parsed from data/competency-map.md and validated once per process. */
  'map.get': channel({ request: z.strictObject({}), response: CompetencyMap, mutates: false }),
  /** Stretch assignments an engineer carried, by quarter, with their reviewers. */
  'insights.growthTrail': channel({ request: z.strictObject({ engineerId: Id }), response: GrowthTrail, mutates: false }),
};
