import { z } from 'zod';
import { AliasesSchema, CellText, Ladder, LevelCodeSchema, LevelNameSchema, MAX_LEVELS, MAX_TOUCHPOINTS, RankSchema } from '../ladder.ts';
import { Id, KindSchema, Mutation } from '../schemas.ts';
import { channel } from './channel.ts';

// Editing the roster's ladder. Each edit is one undoable change; one that would leave the ladder
// malformed (fewer than 2 or more than 12 levels, two levels of one name) is refused whole.
// Levels and rungs are positions, so adding, moving or removing a level moves everyone's position
// with their level: nobody's level and no item's rung changes by an edit of the ladder.

const Position = z.int().min(0).max(Math.max(MAX_LEVELS, MAX_TOUCHPOINTS));
const LevelMove = z.strictObject({ levelId: Id, position: Position });
const FitKindSchema = z.enum(['in_reach', 'stretch', 'overreach']);

/** An assignment whose fit a change of the ladder would change (shared/ladder-moves.ts). */
export const FitChange = z.object({
  itemId: Id,
  title: z.string(),
  engineer: z.string(),
  before: FitKindSchema,
  after: FitKindSchema,
});

/** Who holds a level and what uses it: what merging it into another moves, and which fits that changes. */
export const LevelUse = z.object({
  level: z.string(),
  engineers: z.array(z.string()),
  items: z.array(z.string()),
  /** The kinds of work whose default rung it is. */
  defaults: z.array(KindSchema),
  /** Level changes in people's history that name it (they name the level they move to after). */
  history: z.int(),
  fits: z.array(FitChange),
});
export type LevelUse = z.infer<typeof LevelUse>;

/** What importing a ladder file would do, level by level (by position) and touchpoint by touchpoint (by name). */
export const LadderImportPreview = z.object({
  levels: z.array(
    z.object({
      from: z.string().nullable(),
      to: z.string().nullable(),
      /** What else changes on a level that stays: its code, titles, delegate or next-move text. */
      changed: z.array(z.enum(['code', 'titles', 'what you can delegate', 'the next move'])),
    }),
  ),
  touchpoints: z.array(z.object({ name: z.string(), change: z.enum(['new', 'kept', 'removed']) })),
  cellsChanged: z.int(),
  /** Why it cannot be imported as it is (someone holds a level the file does not have…); empty when it can. */
  problems: z.array(z.string()),
});
export type LadderImportPreview = z.infer<typeof LadderImportPreview>;

/** A ladder file: a Markdown table like the competency map, or a CSV with a levels and a cells section (docs/data.md). */
const LadderFile = z.strictObject({
  text: z.string().max(90_000, 'A ladder file is at most 90,000 characters'),
  format: z.enum(['markdown', 'csv']),
});

export const ladderContract = {
  /** What importing a ladder file would change. */
  'ladder.previewImport': channel({ request: LadderFile, response: LadderImportPreview, mutates: false }),
  /** The same file, imported: one change, refused whole when the preview names a problem. */
  'ladder.import': channel({ request: LadderFile, response: Mutation, mutates: true }),
  'ladder.get': channel({ request: z.strictObject({}), response: Ladder, mutates: false }),
  /** Rename a level, or change its code, aliases or texts. */
  'ladder.updateLevel': channel({
    request: z.strictObject({
      levelId: Id,
      name: LevelNameSchema.optional(),
      code: LevelCodeSchema.optional(),
      aliases: AliasesSchema.optional(),
      delegate: CellText.optional(),
      nextMove: CellText.optional(),
    }),
    response: Mutation,
    mutates: true,
  }),
  /** A new level at a position (0 is the bottom; the number of levels puts it at the top). */
  'ladder.addLevel': channel({
    request: z.strictObject({ name: LevelNameSchema, code: LevelCodeSchema.optional(), position: Position }),
    response: Mutation,
    mutates: true,
  }),
  'ladder.moveLevel': channel({ request: LevelMove, response: Mutation, mutates: true }),
  /** The assignments whose fit ladder.moveLevel would change: new overreaches first, then stretches, then the better fits. */
  'ladder.moveImpact': channel({ request: LevelMove, response: z.array(FitChange), mutates: false }),
  /** Refused while anyone holds the level or anything uses it (ladder.levelUse says who and what): ladder.mergeLevel moves them. */
  'ladder.removeLevel': channel({ request: z.strictObject({ levelId: Id }), response: Mutation, mutates: true }),
  /**
   * Remove a level that people hold or work uses: every engineer, level change in their history,
   * item rung and kind's default or allowed rung at it moves to `intoLevelId`, then the level goes. One change.
   */
  'ladder.mergeLevel': channel({ request: z.strictObject({ levelId: Id, intoLevelId: Id }), response: Mutation, mutates: true }),
  /** Who and what stands on a level; with `intoLevelId`, also which fits merging it there would change. */
  'ladder.levelUse': channel({ request: z.strictObject({ levelId: Id, intoLevelId: Id.optional() }), response: LevelUse, mutates: false }),
  'ladder.updateTouchpoint': channel({
    request: z.strictObject({ touchpointId: Id, name: LevelNameSchema }),
    response: Mutation,
    mutates: true,
  }),
  'ladder.addTouchpoint': channel({
    request: z.strictObject({ name: LevelNameSchema, position: Position.optional() }),
    response: Mutation,
    mutates: true,
  }),
  'ladder.moveTouchpoint': channel({
    request: z.strictObject({ touchpointId: Id, position: Position }),
    response: Mutation,
    mutates: true,
  }),
  /** Refused while an item carries the touchpoint. */
  'ladder.removeTouchpoint': channel({ request: z.strictObject({ touchpointId: Id }), response: Mutation, mutates: true }),
  'ladder.setCell': channel({
    request: z.strictObject({ touchpointId: Id, levelId: Id, text: CellText }),
    response: Mutation,
    mutates: true,
  }),
  /** A kind's default rung and the rungs it may take (positions on the ladder). */
  'ladder.setKind': channel({
    request: z.strictObject({
      kind: KindSchema,
      defaultRung: RankSchema,
      allowed: z
        .array(RankSchema)
        .min(1, 'Allow at least one rung')
        .max(MAX_LEVELS)
        .refine((a) => new Set(a).size === a.length, 'Each rung once'),
    }),
    response: Mutation,
    mutates: true,
  }),
};
