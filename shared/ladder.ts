import { z } from 'zod';

// The roster's ladder: an ordered list of levels (2 to 12), an ordered list of touchpoints, a cell
// per touchpoint × level, and per kind of work its default rung and the rungs it may take. A level
// is how much ambiguity a person absorbs before they need direction; a rung is how much ambiguity a
// piece of work asks for. Both are positions on the same ladder, so the fit rule (gap = rung −
// level) holds for any ladder. A new roster starts with the competency map's ladder
// (shared/default-ladder.ts, checked against data/competency-map.md).

export const MIN_LEVELS = 2;
export const MAX_LEVELS = 12;
export const MAX_TOUCHPOINTS = 30;

/** A position on the roster's ladder, 0 (its lowest level) upward. Levels and rungs share it. */
export type Rank = number;

/** A touchpoint's name: a row of the roster's ladder. */
export type Touchpoint = string;

export type WorkKind = 'initiative' | 'story';
export const WORK_KINDS: readonly WorkKind[] = ['initiative', 'story'];

export const LADDER_LIMITS = { name: 60, code: 20, alias: 80, aliases: 30, text: 2000 } as const;

const LevelText = z.string().trim().max(LADDER_LIMITS.text, `At most ${LADDER_LIMITS.text} characters`);
export const LevelNameSchema = z.string().trim().min(1, 'Enter a name').max(LADDER_LIMITS.name, `At most ${LADDER_LIMITS.name} characters`);
export const LevelCodeSchema = z.string().trim().min(1, 'Enter a code').max(LADDER_LIMITS.code, `At most ${LADDER_LIMITS.code} characters`);
export const AliasesSchema = z
  .array(z.string().trim().min(1).max(LADDER_LIMITS.alias))
  .max(LADDER_LIMITS.aliases, `At most ${LADDER_LIMITS.aliases} aliases`);
export const CellText = LevelText;

export const LadderLevel = z.object({
  id: z.int().positive(),
  name: LevelNameSchema,
  code: LevelCodeSchema,
  aliases: AliasesSchema,
  /** "What you can delegate" at this level. */
  delegate: LevelText,
  /** "Reading your own column": the move from this level to the next. */
  nextMove: LevelText,
});
export type LadderLevel = z.infer<typeof LadderLevel>;

export const LadderTouchpoint = z.object({
  id: z.int().positive(),
  name: LevelNameSchema,
  /** One cell per level, in the ladder's level order. */
  cells: z.array(CellText),
});
export type LadderTouchpoint = z.infer<typeof LadderTouchpoint>;

export const RankSchema = z
  .int()
  .min(0)
  .max(MAX_LEVELS - 1);

export const KindRungs = z.object({ defaultRung: RankSchema, allowed: z.array(RankSchema).min(1) });
export type KindRungs = z.infer<typeof KindRungs>;

const uniqueBy = <T>(list: readonly T[], key: (t: T) => string) => new Set(list.map((t) => key(t).toLowerCase())).size === list.length;

export const Ladder = z
  .object({
    levels: z
      .array(LadderLevel)
      .min(MIN_LEVELS, `A ladder has at least ${MIN_LEVELS} levels`)
      .max(MAX_LEVELS, `A ladder has at most ${MAX_LEVELS} levels`),
    touchpoints: z.array(LadderTouchpoint).max(MAX_TOUCHPOINTS),
    kinds: z.object({ initiative: KindRungs, story: KindRungs }),
    /** The rule under the delegate texts ("delegate one rung past what’s comfortable…"). */
    delegateRule: z.string(),
    /** The line that turns a gap into the coaching agenda. */
    coachingLine: z.string(),
  })
  .superRefine((l, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (!uniqueBy(l.levels, (v) => v.name)) issue('Two levels have the same name');
    if (!uniqueBy(l.levels, (v) => v.code)) issue('Two levels have the same code');
    if (!uniqueBy(l.touchpoints, (t) => t.name)) issue('Two touchpoints have the same name');
    for (const t of l.touchpoints)
      if (t.cells.length !== l.levels.length) issue(`${t.name} has ${t.cells.length} cells for ${l.levels.length} levels`);
    for (const kind of WORK_KINDS) {
      const k = l.kinds[kind];
      if (k.allowed.some((r) => r >= l.levels.length)) issue(`A ${kind}'s rungs name a level the ladder does not have`);
      if (!k.allowed.includes(k.defaultRung)) issue(`A ${kind}'s default rung is not one it may take`);
    }
  });
export type Ladder = z.infer<typeof Ladder>;

export const ranksOf = (ladder: Ladder): Rank[] => ladder.levels.map((_, i) => i);
export const topRank = (ladder: Ladder): Rank => ladder.levels.length - 1;
export const levelName = (ladder: Ladder, rank: Rank): string => ladder.levels[rank]?.name ?? `Level ${rank + 1}`;
export const isRankOn = (ladder: Ladder, n: unknown): n is Rank =>
  typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < ladder.levels.length;
export const nextRank = (ladder: Ladder, rank: Rank): Rank | null => (rank < topRank(ladder) ? rank + 1 : null);
export const defaultRung = (ladder: Ladder, kind: WorkKind): Rank => ladder.kinds[kind].defaultRung;
export const allowedRungs = (ladder: Ladder, kind: WorkKind): readonly Rank[] => ladder.kinds[kind].allowed;
export const touchpointNames = (ladder: Ladder): string[] => ladder.touchpoints.map((t) => t.name);

/** "Intern → Junior", or "Senior and beyond" at the top: how a level's next move is headed. */
export const moveLabel = (ladder: Ladder, rank: Rank): string => {
  const next = nextRank(ladder, rank);
  return next === null ? `${levelName(ladder, rank)} and beyond` : `${levelName(ladder, rank)} → ${levelName(ladder, next)}`;
};

/** The competency map's words for what each rung means per kind, shown when the ladder has that level. */
const MAP_RUNG_MEANING: Record<WorkKind, Record<string, string>> = {
  initiative: {
    junior: 'a small initiative, with support',
    mid: 'problem statement to launch',
    senior: 'ambiguous direction: the problem still has to be found',
  },
  story: {
    intern: 'a well-scoped task with acceptance criteria spelled out',
    junior: 'a scoped story, end to end including build and release',
    mid: 'a story that needs its own problem statement',
    senior: 'a story that starts from vague direction',
  },
};

/** What a rung means for a kind of work: the map's words for its levels, else the first sentence of the level's delegate text. */
export function rungMeaning(ladder: Ladder, kind: WorkKind, rank: Rank): string {
  const level = ladder.levels[rank];
  if (!level) return '';
  const known = MAP_RUNG_MEANING[kind][level.name.toLowerCase()];
  if (known) return known;
  const first = /^[^.]*\.?/.exec(level.delegate.trim())?.[0] ?? '';
  return first.replace(/\.$/, '');
}

export const STATUSES = ['planned', 'in_progress', 'done'] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABEL: Record<Status, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
};

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[._-]+/g, ' ')
    .replace(/\s+/g, ' ');

/** Words an HR sheet wraps a level in ("Senior Software Engineer", "Mid-level developer"). */
const generic = (text: string) =>
  text
    .replace(/\b(software|product|engineer|engineering|developer|dev|swe|level|i{1,3})\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Common spellings of the map's level names, kept so "Sr" or "Medior" still read on a ladder that has them. */
const MAP_SPELLINGS: Record<string, readonly string[]> = {
  intern: ['internship', 'trainee', 'apprentice'],
  junior: ['jr', 'associate', 'entry'],
  mid: ['middle', 'intermediate', 'medior', 'regular'],
  senior: ['sr', 'snr'],
};

/**
 * The level a spreadsheet cell names on this ladder: its name, code or an alias (case, accents and
 * punctuation folded), then the same with words like "Software Engineer" taken off, then the map's
 * common spellings of its level names, then a position number. Null when it names no level.
 */
export function parseLevel(ladder: Ladder, text: string): Rank | null {
  const t = fold(text);
  if (t === '') return null;
  const spellings = ladder.levels.map((l) => [l.name, l.code, ...l.aliases].map(fold));
  const exact = spellings.findIndex((s) => s.includes(t));
  if (exact >= 0) return exact;
  const bare = generic(t);
  const loose = spellings.findIndex(
    (s) => s.some((x) => x === bare || generic(x) === bare) || (MAP_SPELLINGS[fold(s[0]!)] ?? []).includes(bare),
  );
  if (loose >= 0 && bare !== '') return loose;
  const n = Number(bare);
  return bare !== '' && isRankOn(ladder, n) ? n : null;
}

/** Where each old position went when the ladder's levels were reordered, added or removed. */
export type RankMap = ReadonlyMap<Rank, Rank>;
