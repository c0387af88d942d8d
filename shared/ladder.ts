// The ladder from the competency map: Intern < Junior < Mid < Senior.
// A level is how much ambiguity a person absorbs before they need direction;
// a rung is how much ambiguity a piece of work asks for. Both use the same ranks.

export const LEVELS = ['Intern', 'Junior', 'Mid', 'Senior'] as const;
export type LevelName = (typeof LEVELS)[number];

/** Rank on the ladder, 0 (Intern) to 3 (Senior). Levels and rungs share it. */
export type Rank = 0 | 1 | 2 | 3;
export const RANKS: readonly Rank[] = [0, 1, 2, 3];
export const TOP_RANK: Rank = 3;

export const levelName = (rank: Rank): LevelName => LEVELS[rank];

export const isRank = (n: unknown): n is Rank => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= TOP_RANK;

export const nextRank = (rank: Rank): Rank | null => (rank < TOP_RANK ? ((rank + 1) as Rank) : null);

export type WorkKind = 'initiative' | 'story';

/**
 * An initiative is "problem statement to launch" with a DRI: the map hands that to a Mid.
 * A story is "a scoped piece delivered end to end": the map hands that to a Junior.
 */
export const DEFAULT_RUNG: Record<WorkKind, Rank> = { initiative: 2, story: 1 };

/** Rungs a lead may choose per kind (PRODUCT.md, "Work items"). */
export const ALLOWED_RUNGS: Record<WorkKind, readonly Rank[]> = {
  initiative: [1, 2, 3],
  story: [0, 1, 2, 3],
};

/** What each rung means for each kind of work, in the map's words. */
export const RUNG_MEANING: Record<WorkKind, Partial<Record<Rank, string>>> = {
  initiative: {
    1: 'a small initiative, with support',
    2: 'problem statement to launch',
    3: 'ambiguous direction: the problem still has to be found',
  },
  story: {
    0: 'a well-scoped task with acceptance criteria spelled out',
    1: 'a scoped story, end to end including build and release',
    2: 'a story that needs its own problem statement',
    3: 'a story that starts from vague direction',
  },
};

/** The map's seven touchpoints, in its row order. */
export const TOUCHPOINTS = ['Quarterly Planning', 'Story Mapping', 'Discover', 'Define', 'Build', 'Launch', 'Learn'] as const;
export type Touchpoint = (typeof TOUCHPOINTS)[number];

export const STATUSES = ['planned', 'in_progress', 'done'] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABEL: Record<Status, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
};

/**
 * Common spellings of a level, for imports from spreadsheets ("Mid-level", "Sr", "Senior Engineer").
 * Returns null when the text names no level on the ladder.
 */
export function parseLevel(text: string): Rank | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[._-]+/g, ' ')
    .replace(/\b(software|product|engineer|engineering|developer|dev|swe|level|i{1,3})\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const aliases: Record<string, Rank> = {
    intern: 0,
    internship: 0,
    trainee: 0,
    apprentice: 0,
    junior: 1,
    jr: 1,
    associate: 1,
    entry: 1,
    mid: 2,
    middle: 2,
    intermediate: 2,
    medior: 2,
    regular: 2,
    senior: 3,
    sr: 3,
    snr: 3,
  };
  if (t in aliases) return aliases[t]!;
  const n = Number(t);
  return isRank(n) && t !== '' ? n : null;
}
