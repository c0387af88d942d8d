import { z } from 'zod';
import {
  DELIMITERS,
  DELIMITER_NAMES,
  type Delimiter,
  columnPlaces,
  delimiterCounts,
  type CsvParse,
  parseFile,
  recordValues,
  unescapeFormula,
} from './csv.ts';
import { ENCODINGS, ENCODING_NAMES, type Encoding } from './decode.ts';
import { noun } from './words.ts';
import { matchKey } from './names.ts';
import { type Ladder, type Rank, type Touchpoint, type WorkKind, levelName, parseLevel, ranksOf } from './ladder.ts';
import { Points } from './schemas.ts';
import { type Employment, RosterSourceSchema } from './roster-source.ts';
import { TrackerSourceSchema } from './tracker/preview.ts';
import { type Corrections, TitleLevelSchema, SuggestionSchema, UnknownTitleSchema } from './import-fixes.ts';

// Checking an imported CSV, row by row, before anything is written. The preview and the commit
// both run this; the commit writes only when it finds no error, so what the lead saw is what lands.

export const ImportKindSchema = z.enum(['roster', 'backlog']);
export type ImportKind = z.infer<typeof ImportKindSchema>;

// Limits on what an import may hold. A real roster or backlog is far below them; a file above them
// is a mistake or an attack, and parsing it would only freeze the app.
export const IMPORT_LIMITS = {
  /** Characters of CSV text (UTF-8 files of ordinary text: about 5 MB). */
  csvChars: 5_000_000,
  /**
   * Characters on one CSV line. No roster or backlog row is this wide; a binary file is. A tracker's
   * "all fields" export has a header of several hundred long column names, so it is not small.
   */
  lineChars: 100_000,
  /** Bytes of a CSV file: 5 million characters of UTF-16 and its byte-order mark. Sent as base64, it stays under the 16 MB request cap. */
  csvBytes: 10_000_002,
  /** Columns in a CSV header. Trackers export a few hundred at most; past this, it is not a table of people or work. */
  columns: 1_000,
  /** Rows in one CSV file, and items of each kind in one JSON document. */
  rows: 50_000,
  /** Characters of a JSON document (about 10 MB; it travels inside a request capped at 16 MB). */
  jsonChars: 10_000_000,
} as const;

export const IMPORT_COLUMNS: Record<ImportKind, { required: readonly string[]; optional: readonly string[] }> = {
  roster: { required: ['name', 'level', 'team'], optional: ['capacity', 'active', 'key'] },
  backlog: { required: ['kind', 'title'], optional: ['parent', 'rung', 'size', 'touchpoints', 'team'] },
};
/** Columns that may repeat, their values read together (a tracker writes one Labels column per label). */
const LIST_COLUMNS: ReadonlySet<string> = new Set(['touchpoints']);

/**
 * A CSV file's text and how its bytes were read (shared/decode.ts); for a workbook's sheet read as
 * CSV (shared/xlsx.ts), what to say instead, and the sheets the lead can pick from.
 */
export type CsvFile = {
  text: string;
  encoding: Encoding;
  note: string;
  said?: string;
  sheet?: string;
  sheets?: string[];
  /** A workbook's sheet, split into records already (csv.ts's parseRows): its text is not read again. */
  parsed?: CsvParse;
};
export const asFile = (file: CsvFile | string): CsvFile => (typeof file === 'string' ? { text: file, encoding: 'utf-8', note: '' } : file);

/** How the file was read, for the lead to check: "Read as Windows-1252, semicolon-separated." */
const Reading = z.object({
  encoding: z.enum(ENCODINGS),
  delimiter: z.enum(DELIMITERS),
  said: z.string(),
  note: z.string(),
  /** For a workbook: the sheet read and every sheet in it, for the lead to pick another. */
  sheet: z.string().optional(),
  sheets: z.array(z.string()).optional(),
});
export type Reading = z.infer<typeof Reading>;
export const reading = (file: CsvFile, delimiter: Delimiter): Reading => ({
  encoding: file.encoding,
  delimiter,
  said: file.said ?? `Read as ${ENCODING_NAMES[file.encoding]}, ${DELIMITER_NAMES[delimiter]}-separated.`,
  note: file.note,
  ...(file.sheets ? { sheet: file.sheet, sheets: file.sheets } : {}),
});

const RowIssue = z.object({ column: z.string().nullable(), message: z.string() });
/** How a spelling in the file was read ("Sr" → "Senior"), shown so the lead can check it. */
const Mapping = z.object({ column: z.string(), from: z.string(), to: z.string() });
/** What a valid row would do: add someone (or an item), change someone already there, or nothing. */
export const RowChangeSchema = z.enum(['new', 'update', 'unchanged']);
export type RowChange = z.infer<typeof RowChangeSchema>;
/** One field an update would change, in the words the preview shows ("level Junior → Mid"). */
const Difference = z.object({
  field: z.enum(['name', 'employee id', 'level', 'team', 'capacity', 'active', 'title', 'size', 'status', 'parent']),
  from: z.string(),
  to: z.string(),
});
export type Difference = z.infer<typeof Difference>;
const PreviewRow = z.object({
  line: z.int(),
  cells: z.array(z.string()),
  errors: z.array(RowIssue),
  mappings: z.array(Mapping),
  /** Null while the row has errors. */
  change: RowChangeSchema.nullable(),
  differences: z.array(Difference),
});
export type PreviewRow = z.infer<typeof PreviewRow>;

export const ImportPreview = z.object({
  kind: ImportKindSchema,
  /** True when every row is valid and there is at least one: the only state the commit accepts. */
  clean: z.boolean(),
  columns: z.array(z.string()),
  /** Problems with the file as a whole (empty, unclosed quote, missing column). */
  fileErrors: z.array(z.string()),
  /** Null when the file could not be split into rows. */
  reading: Reading.nullable(),
  notes: z.array(z.string()),
  rows: z.array(PreviewRow),
  summary: z.object({
    rows: z.int(),
    valid: z.int(),
    invalid: z.int(),
    newTeams: z.array(z.string()),
    /** Valid rows by what they would do. */
    new: z.int(),
    updated: z.int(),
    unchanged: z.int(),
  }),
  /**
   * A digest of what the commit would do. The commit recomputes it and refuses when it differs, so
   * a roster edited between preview and confirm never turns a previewed "new" into an unseen update.
   */
  fingerprint: z.string(),
  /** For a tracker export or a mapped sheet: how it was read. Absent for Rungs' own columns. */
  source: TrackerSourceSchema.optional(),
  /** For an HR export read through a column mapping: how it was read. Absent for Rungs' own columns. */
  roster: RosterSourceSchema.optional(),
  /** New team or parent names within a typo of one already there: "did you mean …?" */
  suggestions: z.array(SuggestionSchema).optional(),
  /** Level cells the ladder does not know, for the lead to pick a level for each once. */
  unknownTitles: z.array(UnknownTitleSchema).optional(),
  /** Titles the lead picked a level for that rows use: saved as that level's aliases by the commit. */
  titles: z.array(TitleLevelSchema).optional(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/** A valid roster row. `engineerId` is the engineer it updates (matched by name), null for someone new. */
export type RosterRow = {
  name: string;
  level: Rank;
  team: string;
  capacity: number | null;
  active: boolean;
  engineerId: number | null;
  /** The HR system's id for the person, kept so the next import finds them by it. */
  externalKey: string | null;
  change: RowChange;
};
export type BacklogRow = {
  kind: WorkKind;
  title: string;
  parent: string | null;
  rung: Rank;
  size: number | null;
  touchpoints: Touchpoint[];
  /** The team named in the file (as the roster spells it); a story under an initiative takes the initiative's. */
  team: string | null;
};

/** Someone already on the roster, as the import compares them (team by name). */
export type RosterEngineer = {
  id: number;
  name: string;
  level: Rank;
  team: string;
  capacity: number | null;
  active: boolean;
  /** The HR system's id an earlier import kept; none for someone typed into Rungs. */
  externalKey?: string | null;
};
export type RosterContext = {
  engineers: readonly RosterEngineer[];
  teamNames: readonly string[];
  ladder: Ladder;
  /** Misspelt teams the lead fixed and levels they picked for unknown titles in the preview. */
  corrections?: Corrections;
};
export type BacklogContext = {
  quarterName: string;
  ladder: Ladder;
  initiativeTitles: readonly string[];
  /** The roster's teams: a backlog names teams, it does not create them. */
  teamNames?: readonly string[];
  /** The team of each initiative already in the quarter, by matchKey of its title. */
  initiativeTeams?: ReadonlyMap<string, string | null>;
  /** Misspelt parents the lead fixed in the preview. */
  corrections?: Corrections;
};

export type Checked<T> = { preview: ImportPreview; values: T[]; skipped?: { line: number; name: string; why: string }[] };

/**
 * How a roster whose header is not Rungs' own is read: which Rungs column each of its columns is,
 * how its capacity cells count, and what its status cells mean.
 */
export type RosterRead = {
  column: (header: string) => string;
  capacity: (cell: string, column: string, check: RowCheck) => number | null;
  employment: (cell: string) => Employment | undefined;
  /** What to do about a missing column: the fix is in the mapping, not the file. */
  missing: string;
  /** A name read from two columns ("First Name", "Last Name"): the row's cells joined. */
  name?: (cells: readonly string[]) => string;
};

export { matchKey };
const key = matchKey;
export const firstMessage = (r: { success: boolean; error?: z.ZodError }) => r.error?.issues[0]?.message ?? 'Invalid';

type Table = {
  columns: string[];
  /** Whether the header names this Rungs column (itself, or through a mapping). */
  has: (column: string) => boolean;
  delimiter: Delimiter;
  rows: { line: number; cells: string[]; get: (column: string) => string; all: (column: string) => string[] }[];
};
type FileFailure = { fileErrors: string[]; columns: string[]; reading: Reading | null };

const delimiterList = (ds: Delimiter[]) => ds.map((d) => `${DELIMITER_NAMES[d]}s`).join(' and ');

/** Parse the text and check the header; file-level errors stop before any row is looked at. */
export function table(
  kind: ImportKind,
  file: CsvFile,
  mapped?: Pick<RosterRead, 'column' | 'missing' | 'name'>,
): { table: Table; notes: string[]; reading: Reading } | FileFailure {
  const { required, optional } = IMPORT_COLUMNS[kind];
  const known = [...required, ...optional];
  const parsed = parseFile(file);
  if (!parsed.ok) return { fileErrors: [parsed.error], columns: [], reading: null };
  const read = reading(file, parsed.delimiter);
  const fail = (error: string): FileFailure => ({ fileErrors: [error], columns: parsed.header, reading: read });
  if (parsed.header.length > IMPORT_LIMITS.columns) {
    return {
      ...fail(
        `The header names ${parsed.header.length.toLocaleString('en')} columns; Rungs reads files of at most ${IMPORT_LIMITS.columns.toLocaleString('en')}. Is it the right file? If it is, delete the columns Rungs does not use (it needs ${known.join(', ')}).`,
      ),
      columns: [],
    };
  }
  if (parsed.records.length > IMPORT_LIMITS.rows) {
    return fail(
      `The file has ${parsed.records.length.toLocaleString('en')} rows; Rungs imports at most ${IMPORT_LIMITS.rows.toLocaleString('en')} at a time. Split it into smaller files.`,
    );
  }
  const places = columnPlaces(parsed.header, mapped?.column ?? key);
  const errors: string[] = [];
  const notes: string[] = [];
  for (const [c, at] of places) {
    if (at.length > 1 && known.includes(c) && !LIST_COLUMNS.has(c)) {
      errors.push(
        `The column "${c}" appears ${at.length === 2 ? 'twice' : `${at.length} times`} in the header; Rungs reads one ${c} per row.`,
      );
    }
  }
  const missing = required.filter((c) => !places.has(c));
  if (missing.length > 0) {
    const found = parsed.header.filter((h) => h !== '').join(', ') || 'nothing';
    // A header that mixes delimiters was split on one of them: name them, it is the real problem.
    const counts = file.parsed ? null : delimiterCounts(file.text.replace(/^\uFEFF/, ''));
    const used = DELIMITERS.filter((d) => (counts?.[d] ?? 0) > 0);
    const mixed = used.length > 1 ? ` The header mixes ${delimiterList(used)}: use one delimiter throughout.` : '';
    errors.push(
      `Missing ${noun(missing.length, 'column')}: ${missing.join(', ')}. ${mapped?.missing ?? `The first line must name the columns ${known.join(', ')}`} (found: ${found}).${mixed}`,
    );
  }
  const unused = [...places].filter(([c]) => c !== '' && !known.includes(c));
  if (unused.length > 0) {
    const named = unused.map(([, at]) => `"${parsed.header[at[0]!]}"${at.length > 1 ? ` (${at.length} columns)` : ''}`);
    notes.push(`Not used, will be ignored: ${named.join(', ')}.`);
  }
  if (errors.length > 0) return { fileErrors: errors, columns: parsed.header, reading: read };
  if (parsed.records.length === 0) return fail('The file has a header line but no rows.');
  const first = (c: string) => places.get(c)![0]!;
  // Cut short: the last line stops early, without a value every row needs, and no line break follows.
  // A workbook's sheet has no last line to cut: it unzipped whole, or was refused.
  const last = parsed.records.at(-1)!;
  const lacksRequired = required.some((c) => (last.cells[first(c)] ?? '').trim() === '');
  if (!file.parsed && !/[\r\n]\s*$/.test(file.text) && last.cells.length < parsed.header.length && lacksRequired) {
    return fail(
      `The file ends in the middle of line ${last.line}: it has ${last.cells.length} of ${parsed.header.length} columns and no line break after it, so the file looks cut short (an interrupted copy or download). Export it again.`,
    );
  }
  return {
    notes,
    reading: read,
    table: {
      columns: parsed.header,
      has: (column: string) => places.has(column),
      delimiter: parsed.delimiter,
      rows: parsed.records.map((r) => {
        // The quote Rungs puts before a cell that a spreadsheet would run as a formula comes off here.
        const cells = r.cells.map(unescapeFormula);
        const values = recordValues(places, cells);
        const all = (column: string) => (values.get(column) ?? []).map((v) => v.trim());
        const get = (column: string) => (column === 'name' && mapped?.name ? mapped.name(cells) : (all(column)[0] ?? ''));
        return { line: r.line, cells, get, all };
      }),
    },
  };
}

export type RowCheck = {
  errors: z.infer<typeof RowIssue>[];
  mappings: z.infer<typeof Mapping>[];
  change?: RowChange;
  differences?: Difference[];
};

/** A whole number of points, or null for an empty cell. */
export function points(cell: string, column: string, check: RowCheck): number | null {
  if (cell === '') return null;
  if (!/^[+-]?\d+(\.\d+)?$/.test(cell)) {
    check.errors.push({ column, message: `Bad number: "${cell}" is not a whole number of points.` });
    return null;
  }
  const r = Points.safeParse(Number(cell));
  if (!r.success) check.errors.push({ column, message: `Bad number: "${cell}": ${firstMessage(r)}.` });
  return r.success ? r.data : null;
}

export function rank(ladder: Ladder, cell: string, column: string, check: RowCheck, allowed: readonly Rank[], what: string): Rank | null {
  const r = parseLevel(ladder, cell);
  const name = (n: Rank) => levelName(ladder, n);
  if (r === null) {
    check.errors.push({ column, message: `Unknown level: "${cell}" is not on the ladder (${ranksOf(ladder).map(name).join(', ')}).` });
    return null;
  }
  if (!allowed.includes(r)) {
    check.errors.push({ column, message: `${what} is ${allowed.map(name).join(', ')}; "${cell}" reads as ${name(r)}.` });
    return null;
  }
  if (cell !== name(r)) check.mappings.push({ column, from: cell, to: name(r) });
  return r;
}

/** A preview's counts, and whether it can be imported: the same for every kind of import. */
export function summarized(rows: readonly PreviewRow[], newTeams: string[]): Pick<ImportPreview, 'clean' | 'summary'> {
  const invalid = rows.filter((r) => r.errors.length > 0).length;
  const count = (c: PreviewRow['change']) => rows.filter((r) => r.change === c).length;
  return {
    clean: invalid === 0 && rows.length > 0,
    summary: {
      rows: rows.length,
      valid: rows.length - invalid,
      invalid,
      newTeams,
      new: count('new'),
      updated: count('update'),
      unchanged: count('unchanged'),
    },
  };
}

export function finish<T>(
  kind: ImportKind,
  t: Table,
  notes: string[],
  read: Reading,
  checks: { row: Table['rows'][number]; check: RowCheck; value: T | null }[],
  newTeams: string[] = [],
): Checked<T> {
  const rows = checks.map(({ row, check }) => ({
    line: row.line,
    cells: row.cells,
    errors: check.errors,
    mappings: check.mappings,
    change: check.errors.length > 0 ? null : (check.change ?? 'new'),
    differences: check.errors.length > 0 ? [] : (check.differences ?? []),
  }));
  const preview: ImportPreview = {
    kind,
    ...summarized(rows, newTeams),
    columns: t.columns,
    fileErrors: [],
    reading: read,
    notes,
    rows,
    fingerprint: fingerprint(
      rows.map((r) => [r.line, r.change, r.differences, r.mappings]),
      newTeams,
    ),
  };
  return { preview, values: preview.summary.invalid === 0 ? checks.map((c) => c.value!) : [] };
}

export const failed = (kind: ImportKind, r: FileFailure): Checked<never> => ({
  preview: {
    kind,
    clean: false,
    columns: r.columns,
    fileErrors: r.fileErrors,
    reading: r.reading,
    notes: [],
    rows: [],
    summary: { rows: 0, valid: 0, invalid: 0, newTeams: [], new: 0, updated: 0, unchanged: 0 },
    fingerprint: '',
  },
  values: [],
});

/** FNV-1a over the plan's JSON: enough to notice that the roster moved under a preview, not a security hash. */
export function fingerprint(...parts: unknown[]): string {
  const text = JSON.stringify(parts);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}-${h.toString(36)}`;
}

/**
 * Width check: a row with more cells than the header usually has a delimiter that needed quotes; a
 * row of one cell holding another delimiter was written with a different one than the header.
 */
export function width(row: Table['rows'][number], t: Table, check: RowCheck) {
  const columns = t.columns.length;
  const d = t.delimiter;
  const extra = row.cells.slice(columns).some((c) => c.trim() !== '');
  const other = DELIMITERS.find((o) => o !== d && row.cells.length === 1 && columns > 1 && row.cells[0]!.includes(o));
  if (extra) {
    check.errors.push({
      column: null,
      message: `This row has ${row.cells.length} cells but the header names ${columns} columns; a value with a ${DELIMITER_NAMES[d]} needs quotes around it.`,
    });
  } else if (other) {
    check.errors.push({
      column: null,
      message: `This row separates its cells with ${DELIMITER_NAMES[other]}s, but the header with ${DELIMITER_NAMES[d]}s: use one delimiter throughout the file.`,
    });
  }
}
