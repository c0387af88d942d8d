import { z } from 'zod';
import { Description, Id, KindSchema, Mutation, Points, RankSchema, StatusSchema, Title, TouchpointSchema } from '../schemas.ts';
import { type Ladder, MAX_TOUCHPOINTS, type Rank, allowedRungs, isRankOn, levelName, ranksOf } from '../ladder.ts';
import { withArticle } from '../words.ts';
import { MAX_MOVES } from './board.ts';
import { channel } from './channel.ts';

// Initiatives and stories of a quarter. A story's parent is an initiative of the same quarter.

/** The editable fields of a work item, shared by the form and the request. */
export const WorkFields = z.object({
  title: Title,
  description: Description,
  rung: RankSchema,
  size: Points.nullable(),
  touchpoints: z.array(TouchpointSchema).max(MAX_TOUCHPOINTS),
  status: StatusSchema,
  parentId: Id.nullable(),
  /** Ignored for a story under an initiative, which is its initiative's team's. */
  teamId: Id.nullable(),
});
export type WorkFields = z.infer<typeof WorkFields>;

export const WorkImpact = z.object({
  title: z.string(),
  kind: KindSchema,
  /** Its DRI or owner, if any: the assignment goes with it. */
  assignee: z.string().nullable(),
  /** An initiative's stories stay, in the backlog, without a parent or an owner. */
  stories: z.array(z.object({ id: Id, title: z.string(), owner: z.string().nullable() })),
});
export type WorkImpact = z.infer<typeof WorkImpact>;

export const workContract = {
  'work.create': channel({
    request: z.strictObject({
      quarterId: Id,
      kind: KindSchema,
      title: Title,
      description: Description.default(''),
      rung: RankSchema.optional(),
      size: Points.nullable().default(null),
      touchpoints: z.array(TouchpointSchema).max(MAX_TOUCHPOINTS).default([]),
      status: StatusSchema.default('planned'),
      parentId: Id.nullable().default(null),
      /** For an initiative or a loose story; a story under an initiative takes the initiative's team. */
      teamId: Id.nullable().optional(),
    }),
    response: Mutation,
    mutates: true,
  }),
  'work.update': channel({
    request: z.strictObject({
      itemId: Id,
      title: Title.optional(),
      description: Description.optional(),
      rung: RankSchema.optional(),
      size: Points.nullable().optional(),
      touchpoints: z.array(TouchpointSchema).max(MAX_TOUCHPOINTS).optional(),
      status: StatusSchema.optional(),
      parentId: Id.nullable().optional(),
      /** An initiative's new team moves its stories with it. */
      teamId: Id.nullable().optional(),
    }),
    response: Mutation,
    mutates: true,
  }),
  /**
   * One status or rung (or both) for several items, as one change: every item is checked before any
   * is written (a rung its kind does not allow refuses the whole batch), and one undo reverts it.
   */
  'work.updateMany': channel({
    request: z
      .strictObject({
        itemIds: z
          .array(Id)
          .min(1, 'Choose at least one item')
          .max(MAX_MOVES, `At most ${MAX_MOVES} items at once`)
          .refine((ids) => new Set(ids).size === ids.length, 'Each item can be listed only once per request'),
        status: StatusSchema.optional(),
        rung: RankSchema.optional(),
      })
      .refine((r) => r.status !== undefined || r.rung !== undefined, 'Set a status, a rung or both'),
    response: Mutation,
    mutates: true,
  }),
  'work.deleteImpact': channel({ request: z.strictObject({ itemId: Id }), response: WorkImpact, mutates: false }),
  'work.delete': channel({ request: z.strictObject({ itemId: Id }), response: Mutation, mutates: true }),
};

/** The rungs a lead may choose per kind, as a sentence for forms and refusals (null when allowed). */
export function rungProblem(ladder: Ladder, kind: 'initiative' | 'story', rung: Rank): string | null {
  const allowed = allowedRungs(ladder, kind);
  if (allowed.includes(rung)) return null;
  const names = (ranks: readonly Rank[]) => ranks.map((r) => levelName(ladder, r)).join(', ');
  if (!isRankOn(ladder, rung)) return `Rung ${rung + 1} is not on the ladder (${names(ranksOf(ladder))}).`;
  if (kind === 'initiative' && allowedRungs(ladder, 'story').includes(rung))
    return `An initiative's rung is ${names(allowed)}; ${withArticle(levelName(ladder, rung))}-rung piece of work is a story.`;
  return `${kind === 'initiative' ? "An initiative's" : "A story's"} rung is ${names(allowed)}; not ${levelName(ladder, rung)}.`;
}
