import { z } from 'zod';
import { LADDER_LIMITS, RankSchema } from './ladder.ts';

// What the lead settles in an import preview without editing the file: a misspelt team or parent
// rewritten to the name it meant ("Platfrom" → Platform), and the level of an HR title the ladder
// does not know ("Staff Engineer" → Senior, saved as that level's alias when the import commits).
// The preview and the commit both receive them, so the commit checks what the preview showed.

/** The columns whose misspelt names the preview can fix: a roster's team, a backlog story's parent. */
export const FIXABLE_COLUMNS = ['team', 'parent'] as const;
export type FixableColumn = (typeof FIXABLE_COLUMNS)[number];

const Cell = z.string().max(300);
export const RenameSchema = z.strictObject({ column: z.enum(FIXABLE_COLUMNS), from: Cell, to: Cell });
export type Rename = z.infer<typeof RenameSchema>;
export const TitleLevelSchema = z.strictObject({ title: z.string().trim().min(1).max(LADDER_LIMITS.alias), level: RankSchema });
export type TitleLevel = z.infer<typeof TitleLevelSchema>;

export const CorrectionsSchema = z.strictObject({
  renames: z.array(RenameSchema).max(500).default([]),
  titles: z.array(TitleLevelSchema).max(500).default([]),
});
export type Corrections = z.output<typeof CorrectionsSchema>;
export const NO_CORRECTIONS: Corrections = { renames: [], titles: [] };

/** "Did you mean Platform?" for a name the import would create, offered once per distinct name. */
export const SuggestionSchema = z.object({ column: z.enum(FIXABLE_COLUMNS), value: z.string(), suggestion: z.string(), rows: z.int() });
export type Suggestion = z.infer<typeof SuggestionSchema>;
/** A level cell the ladder does not know, for the lead to pick its level once. */
export const UnknownTitleSchema = z.object({ title: z.string(), rows: z.int() });
export type UnknownTitle = z.infer<typeof UnknownTitleSchema>;

/** Names compare without case, accents or repeated spaces: "Plátform " is "platform". */
export const foldForTypos = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').trim().replace(/\s+/g, ' ');

/**
 * Edits between two strings: insertions, deletions, substitutions and swaps of two neighbouring
 * letters (Damerau-Levenshtein, optimal string alignment), stopping early past `limit`.
 */
export function typoDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** At most two edits, and at most a third of the shorter name: "Web" may be "Wen", "UX" is not "QA". */
const MAX_TYPOS = 2;

/**
 * The name among `known` that `value` most likely misspells, or null when none is within a typo.
 * A name equal but for case or accents counts as a typo of it; the first of equally near names wins.
 */
export function nearestName(value: string, known: readonly string[]): string | null {
  const v = foldForTypos(value);
  if (v === '') return null;
  let best: { name: string; d: number } | null = null;
  for (const name of known) {
    const n = foldForTypos(name);
    if (n === '' || name === value) continue;
    const limit = Math.min(MAX_TYPOS, Math.floor(Math.min(v.length, n.length) / 3));
    const d = typoDistance(v, n, limit);
    if (d <= limit && (best === null || d < best.d)) best = { name, d };
  }
  return best?.name ?? null;
}

/** The cell as the lead's fix rewrites it (every row naming `from`, whatever its case), or as it is. */
export const renamed = (corrections: Corrections, column: FixableColumn, cell: string): string =>
  corrections.renames.find((r) => r.column === column && foldForTypos(r.from) === foldForTypos(cell) && cell.trim() !== '')?.to ?? cell;

/** The level the lead picked for a title the ladder does not know, if they did. */
export const pickedLevel = (corrections: Corrections, cell: string): TitleLevel | undefined =>
  corrections.titles.find((t) => foldForTypos(t.title) === foldForTypos(cell));

const MAX_SUGGESTED = 200;

/**
 * One suggestion per name the file would create that is within a typo of a name already there or,
 * with `commoner`, of one more of the file's rows use (so "Platfrom" on one row points at
 * "Platform" on five: both would be new teams, and one of them is a slip).
 */
export function suggestions(
  column: FixableColumn,
  created: ReadonlyMap<string, number>,
  known: readonly string[],
  commoner = true,
): Suggestion[] {
  // A file that would create hundreds of names is not a file of slips, and comparing each with
  // each would keep a 50,000-row preview waiting: no suggestions then.
  if (created.size > MAX_SUGGESTED) return [];
  const out: Suggestion[] = [];
  for (const [value, rows] of created) {
    const more = commoner ? [...created].filter(([n, r]) => r > rows && n !== value).map(([n]) => n) : [];
    const suggestion = nearestName(value, [...known, ...more]);
    if (suggestion !== null) out.push({ column, value, suggestion, rows });
  }
  return out;
}
