import { z } from 'zod';
import { AliasesSchema, CellText, Ladder, LevelCodeSchema, LevelNameSchema, MAX_LEVELS, MAX_TOUCHPOINTS, RankSchema } from '../ladder.ts';
import { Id, KindSchema, Mutation } from '../schemas.ts';
import { channel } from './channel.ts';

// Editing the roster's ladder. Each edit is one undoable change; one that would leave the ladder
// malformed (fewer than 2 or more than 12 levels, two levels of one name) is refused whole.
// Levels and rungs are positions, so adding, moving or removing a level moves everyone's position
// with their level: nobody's level and no item's rung changes by an edit of the ladder.

const Position = z.int().min(0).max(Math.max(MAX_LEVELS, MAX_TOUCHPOINTS));

/** Who holds a level and what uses it: why it cannot be removed yet. */
export const LevelUse = z.object({
  level: z.string(),
  engineers: z.array(z.string()),
  items: z.array(z.string()),
  /** The kinds of work whose default rung it is. */
  defaults: z.array(KindSchema),
});
export type LevelUse = z.infer<typeof LevelUse>;

/** What importing a ladder file would do, level by level (by position) and touchpoint by touchpoint (by name). */
export const LadderImportPreview = z.object({
  levels: z.array(z.object({ from: z.string().nullable(), to: z.string().nullable() })),
  touchpoints: z.array(z.object({ name: z.string(), change: z.enum(['new', 'kept', 'removed']) })),
  cellsChanged: z.int(),
  /** Why it cannot be imported as it is (someone holds a level the file does not have…); empty when it can. */
  problems: z.array(z.string()),
});
export type LadderImportPreview = z.infer<typeof LadderImportPreview>;

const LadderFile = z.strictObject({ text: z.string().max(90_000, 'A ladder file is at most 90,000 characters') });

export const ladderContract = {
  /** A Markdown table shaped like data/competency-map.md: what it would change. */
  'ladder.previewMarkdown': channel({ request: LadderFile, response: LadderImportPreview, mutates: false }),
  /** The same file, imported: one change, refused whole when the preview names a problem. */
  'ladder.importMarkdown': channel({ request: LadderFile, response: Mutation, mutates: true }),
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
  'ladder.moveLevel': channel({ request: z.strictObject({ levelId: Id, position: Position }), response: Mutation, mutates: true }),
  /** Refused while anyone holds the level or any item, level change or default rung uses it (ladder.levelUse says who and what). */
  'ladder.removeLevel': channel({ request: z.strictObject({ levelId: Id }), response: Mutation, mutates: true }),
  'ladder.levelUse': channel({ request: z.strictObject({ levelId: Id }), response: LevelUse, mutates: false }),
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
