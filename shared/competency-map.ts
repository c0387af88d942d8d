import { z } from 'zod';
import { type Ladder, type Rank, levelName, moveLabel, nextRank } from './ladder.ts';

// The competency map: the roster's ladder read as the document reads (a table of touchpoints ×
// levels, what you can delegate at each level, the move from each level to the next). The map
// screen and the coaching agenda read the ladder's words through it, never retyped.

const Text = z.string();

export const MapRow = z.object({
  touchpoint: Text,
  /** One cell per level, lowest first, verbatim. */
  cells: z.array(Text),
});
export type MapRow = z.infer<typeof MapRow>;

export const DelegateBullet = z.object({ level: Text, text: Text });
export type DelegateBullet = z.infer<typeof DelegateBullet>;

/** A "Reading Your Own Column" move: from a level to the next (null past the top). */
export const ColumnMove = z.object({ from: Text, to: Text.nullable(), label: Text, text: Text });
export type ColumnMove = z.infer<typeof ColumnMove>;

export const CompetencyMap = z.object({
  levels: z.array(Text),
  rows: z.array(MapRow),
  /** "The rule underneath it: delegate one rung past what’s comfortable, then close the gap with review." */
  delegateRule: Text,
  delegate: z.array(DelegateBullet),
  /** "If you can’t yet delegate at the level someone is supposed to be, that gap is the coaching agenda." */
  coachingLine: Text,
  moves: z.array(ColumnMove),
});
export type CompetencyMap = z.infer<typeof CompetencyMap>;

/** The ladder as the map document reads. */
export function mapOf(ladder: Ladder): CompetencyMap {
  return {
    levels: ladder.levels.map((l) => l.name),
    rows: ladder.touchpoints.map((t) => ({ touchpoint: t.name, cells: t.cells })),
    delegateRule: ladder.delegateRule,
    delegate: ladder.levels.map((l) => ({ level: l.name, text: l.delegate })),
    coachingLine: ladder.coachingLine,
    moves: ladder.levels.map((l, rank) => {
      const next = nextRank(ladder, rank);
      return { from: l.name, to: next === null ? null : levelName(ladder, next), label: moveLabel(ladder, rank), text: l.nextMove };
    }),
  };
}

export const cellOf = (map: CompetencyMap, touchpoint: string, level: Rank): string =>
  map.rows.find((r) => r.touchpoint === touchpoint)?.cells[level] ?? '';

export const delegateText = (map: CompetencyMap, level: Rank): string => map.delegate[level]?.text ?? '';

/** The move from this level to the next, in the engineer's words. */
export const moveFrom = (map: CompetencyMap, level: Rank): ColumnMove =>
  map.moves[level] ?? { from: map.levels[level] ?? '', to: null, label: map.levels[level] ?? '', text: '' };

/** Anchor id of a touchpoint's row on the map screen ("Quarterly Planning" → "touchpoint-quarterly-planning"). */
export const touchpointAnchor = (touchpoint: string): string => `touchpoint-${touchpoint.toLowerCase().replace(/\s+/g, '-')}`;
