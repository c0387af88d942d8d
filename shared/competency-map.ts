import { z } from 'zod';
import { LEVELS, type LevelName, type Rank, TOUCHPOINTS, type Touchpoint } from './ladder.ts';

// The competency map as data: the shape the main process parses data/competency-map.md into,
// checked at load, and the only place screens and the coaching agenda read the map's words from.

const Text = z.string().trim().min(1);
const LevelNameSchema = z.enum(LEVELS);

export const MapRow = z.object({
  touchpoint: z.enum(TOUCHPOINTS),
  /** One cell per level, Intern to Senior, verbatim. */
  cells: z.tuple([Text, Text, Text, Text]),
});
export type MapRow = z.infer<typeof MapRow>;

export const DelegateBullet = z.object({ level: LevelNameSchema, text: Text });
export type DelegateBullet = z.infer<typeof DelegateBullet>;

/** A "Reading Your Own Column" move: from a level to the next (null past Senior). */
export const ColumnMove = z.object({ from: LevelNameSchema, to: LevelNameSchema.nullable(), label: Text, text: Text });
export type ColumnMove = z.infer<typeof ColumnMove>;

const inOrder =
  <T>(key: (t: T) => string, expected: readonly string[], what: string) =>
  (list: T[], ctx: z.RefinementCtx) => {
    const got = list.map(key);
    if (got.join('|') !== expected.join('|')) {
      ctx.addIssue({ code: 'custom', message: `${what} must be ${expected.join(', ')} in that order; found ${got.join(', ')}` });
    }
  };

export const CompetencyMap = z.object({
  levels: z.tuple([z.literal('Intern'), z.literal('Junior'), z.literal('Mid'), z.literal('Senior')]),
  rows: z
    .array(MapRow)
    .length(TOUCHPOINTS.length)
    .superRefine(inOrder((r) => r.touchpoint, TOUCHPOINTS, 'Touchpoints')),
  /** "The rule underneath it: delegate one rung past what’s comfortable, then close the gap with review." */
  delegateRule: Text,
  delegate: z
    .array(DelegateBullet)
    .length(LEVELS.length)
    .superRefine(inOrder((d) => d.level, LEVELS, 'Delegation levels')),
  /** "If you can’t yet delegate at the level someone is supposed to be, that gap is the coaching agenda." */
  coachingLine: Text,
  moves: z
    .array(ColumnMove)
    .length(LEVELS.length)
    .superRefine(inOrder((m) => m.from, LEVELS, 'Moves')),
});
export type CompetencyMap = z.infer<typeof CompetencyMap>;

export const cellOf = (map: CompetencyMap, touchpoint: Touchpoint, level: Rank): string =>
  map.rows.find((r) => r.touchpoint === touchpoint)!.cells[level];

export const delegateText = (map: CompetencyMap, level: Rank): string => map.delegate[level]!.text;

/** The move from this level to the next, in the engineer's words. */
export const moveFrom = (map: CompetencyMap, level: Rank): ColumnMove => map.moves[level]!;

/** Anchor id of a touchpoint's row on the map screen ("Quarterly Planning" → "touchpoint-quarterly-planning"). */
export const touchpointAnchor = (touchpoint: Touchpoint): string => `touchpoint-${touchpoint.toLowerCase().replace(/\s+/g, '-')}`;

export const levelOfName = (name: LevelName): Rank => LEVELS.indexOf(name) as Rank;
