import { z } from 'zod';
import { parseCsv } from './csv.ts';
import {
  ALLOWED_RUNGS,
  DEFAULT_RUNG,
  LEVELS,
  type Rank,
  TOUCHPOINTS,
  type Touchpoint,
  type WorkKind,
  levelName,
  parseLevel,
} from './ladder.ts';
import { Name, Points, Title } from './schemas.ts';

// Checking an imported CSV, row by row, before anything is written. The preview and the commit
// both run this; the commit writes only when it finds no error, so what the lead saw is what lands.

export const ImportKindSchema = z.enum(['roster', 'backlog']);
export type ImportKind = z.infer<typeof ImportKindSchema>;

export const IMPORT_COLUMNS: Record<ImportKind, { required: readonly string[]; optional: readonly string[] }> = {
  roster: { required: ['name', 'level', 'team'], optional: ['capacity'] },
  backlog: { required: ['kind', 'title'], optional: ['parent', 'rung', 'size', 'touchpoints'] },
};

const RowIssue = z.object({ column: z.string().nullable(), message: z.string() });
/** How a spelling in the file was read ("Sr" → "Senior"), shown so the lead can check it. */
const Mapping = z.object({ column: z.string(), from: z.string(), to: z.string() });
const PreviewRow = z.object({ line: z.int(), cells: z.array(z.string()), errors: z.array(RowIssue), mappings: z.array(Mapping) });
export type PreviewRow = z.infer<typeof PreviewRow>;

export const ImportPreview = z.object({
  kind: ImportKindSchema,
  /** True when every row is valid and there is at least one: the only state the commit accepts. */
  clean: z.boolean(),
  columns: z.array(z.string()),
  /** Problems with the file as a whole (empty, wrong delimiter, missing column). */
  fileErrors: z.array(z.string()),
  notes: z.array(z.string()),
  rows: z.array(PreviewRow),
  summary: z.object({ rows: z.int(), valid: z.int(), invalid: z.int(), newTeams: z.array(z.string()) }),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export type RosterRow = { name: string; level: Rank; team: string; capacity: number | null };
export type BacklogRow = {
  kind: WorkKind;
  title: string;
  parent: string | null;
  rung: Rank;
  size: number | null;
  touchpoints: Touchpoint[];
};

export type RosterContext = { engineerNames: readonly string[]; teamNames: readonly string[] };
export type BacklogContext = { quarterName: string; initiativeTitles: readonly string[] };

export type Checked<T> = { preview: ImportPreview; values: T[] };

const key = (s: string) => s.trim().toLowerCase();
const firstMessage = (r: { success: boolean; error?: z.ZodError }) => r.error?.issues[0]?.message ?? 'Invalid';

type Table = { columns: string[]; rows: { line: number; cells: string[]; get: (column: string) => string }[] };

/** Parse the text and check the header; file-level errors stop before any row is looked at. */
function table(kind: ImportKind, text: string): { table: Table; notes: string[] } | { fileErrors: string[]; columns: string[] } {
  const { required, optional } = IMPORT_COLUMNS[kind];
  const parsed = parseCsv(text, [...required, ...optional]);
  if (!parsed.ok) return { fileErrors: [parsed.error], columns: [] };
  const columns = parsed.header.map(key);
  const errors: string[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c) && c !== '') errors.push(`The column "${c}" appears twice in the header.`);
    seen.add(c);
  }
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    const found = parsed.header.filter((h) => h !== '').join(', ') || 'nothing';
    errors.push(
      `Missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}. The first line must name the columns ${[...required, ...optional].join(', ')} (found: ${found}).`,
    );
  }
  const unused = parsed.header.filter((h) => h !== '' && ![...required, ...optional].includes(key(h)));
  if (unused.length > 0) notes.push(`Not used, will be ignored: ${unused.map((u) => `"${u}"`).join(', ')}.`);
  if (errors.length > 0) return { fileErrors: errors, columns: parsed.header };
  if (parsed.records.length === 0) return { fileErrors: ['The file has a header line but no rows.'], columns: parsed.header };
  const index = new Map(columns.map((c, i) => [c, i]));
  return {
    notes,
    table: {
      columns: parsed.header,
      rows: parsed.records.map((r) => ({
        line: r.line,
        cells: r.cells,
        get: (column: string) => {
          const i = index.get(column);
          return i === undefined ? '' : (r.cells[i] ?? '').trim();
        },
      })),
    },
  };
}

type RowCheck = { errors: z.infer<typeof RowIssue>[]; mappings: z.infer<typeof Mapping>[] };

/** A whole number of points, or null for an empty cell. */
function points(cell: string, column: string, check: RowCheck): number | null {
  if (cell === '') return null;
  if (!/^[+-]?\d+(\.\d+)?$/.test(cell)) {
    check.errors.push({ column, message: `Bad number: "${cell}" is not a whole number of points.` });
    return null;
  }
  const r = Points.safeParse(Number(cell));
  if (!r.success) check.errors.push({ column, message: `Bad number: "${cell}": ${firstMessage(r)}.` });
  return r.success ? r.data : null;
}

function rank(cell: string, column: string, check: RowCheck, allowed: readonly Rank[], what: string): Rank | null {
  const r = parseLevel(cell);
  if (r === null) {
    check.errors.push({ column, message: `Unknown level: "${cell}" is not on the ladder (${LEVELS.join(', ')}).` });
    return null;
  }
  if (!allowed.includes(r)) {
    check.errors.push({ column, message: `${what} is ${allowed.map(levelName).join(', ')}; "${cell}" reads as ${levelName(r)}.` });
    return null;
  }
  if (cell !== levelName(r)) check.mappings.push({ column, from: cell, to: levelName(r) });
  return r;
}

function finish<T>(
  kind: ImportKind,
  t: Table,
  notes: string[],
  checks: { row: Table['rows'][number]; check: RowCheck; value: T | null }[],
  newTeams: string[] = [],
): Checked<T> {
  const rows = checks.map(({ row, check }) => ({ line: row.line, cells: row.cells, errors: check.errors, mappings: check.mappings }));
  const invalid = rows.filter((r) => r.errors.length > 0).length;
  const preview: ImportPreview = {
    kind,
    clean: invalid === 0 && rows.length > 0,
    columns: t.columns,
    fileErrors: [],
    notes,
    rows,
    summary: { rows: rows.length, valid: rows.length - invalid, invalid, newTeams },
  };
  return { preview, values: invalid === 0 ? checks.map((c) => c.value!) : [] };
}

const failed = (kind: ImportKind, r: { fileErrors: string[]; columns: string[] }): Checked<never> => ({
  preview: {
    kind,
    clean: false,
    columns: r.columns,
    fileErrors: r.fileErrors,
    notes: [],
    rows: [],
    summary: { rows: 0, valid: 0, invalid: 0, newTeams: [] },
  },
  values: [],
});

/** Width check: a row with more cells than the header usually has a comma that needed quotes. */
function width(row: Table['rows'][number], columns: number, check: RowCheck) {
  const extra = row.cells.slice(columns).some((c) => c.trim() !== '');
  if (extra) {
    check.errors.push({
      column: null,
      message: `This row has ${row.cells.length} cells but the header names ${columns} columns; a value with a comma needs quotes around it.`,
    });
  }
}

export function checkRoster(text: string, context: RosterContext): Checked<RosterRow> {
  const parsed = table('roster', text);
  if ('fileErrors' in parsed) return failed('roster', parsed);
  const { table: t, notes } = parsed;
  const existing = new Set(context.engineerNames.map(key));
  const teams = new Map(context.teamNames.map((n) => [key(n), n]));
  const newTeams = new Map<string, string>();
  const firstLine = new Map<string, number>();
  const checks = t.rows.map((row) => {
    const check: RowCheck = { errors: [], mappings: [] };
    width(row, t.columns.length, check);
    const nameR = Name.safeParse(row.get('name'));
    if (!nameR.success) check.errors.push({ column: 'name', message: firstMessage(nameR) });
    else if (existing.has(key(nameR.data))) {
      check.errors.push({ column: 'name', message: `Duplicate name: ${nameR.data} is already on the roster.` });
    } else {
      const earlier = firstLine.get(key(nameR.data));
      if (earlier !== undefined)
        check.errors.push({ column: 'name', message: `Duplicate name: ${nameR.data} is also on line ${earlier}.` });
      else firstLine.set(key(nameR.data), row.line);
    }
    const levelCell = row.get('level');
    const level =
      levelCell === ''
        ? (check.errors.push({ column: 'level', message: 'Enter a level' }), null)
        : rank(levelCell, 'level', check, [0, 1, 2, 3], 'A level');
    const teamR = Name.safeParse(row.get('team'));
    let team: string | null = null;
    if (!teamR.success) check.errors.push({ column: 'team', message: row.get('team') === '' ? 'Enter a team' : firstMessage(teamR) });
    else {
      const known = teams.get(key(teamR.data)) ?? newTeams.get(key(teamR.data));
      if (known && known !== teamR.data) check.mappings.push({ column: 'team', from: teamR.data, to: known });
      team = known ?? teamR.data;
      if (!known) newTeams.set(key(team), team);
    }
    const capacity = points(row.get('capacity'), 'capacity', check);
    const value: RosterRow | null = check.errors.length === 0 ? { name: nameR.data!, level: level!, team: team!, capacity } : null;
    return { row, check, value };
  });
  return finish('roster', t, notes, checks, [...newTeams.values()]);
}

const KINDS: Record<string, WorkKind> = { initiative: 'initiative', initiatives: 'initiative', story: 'story', stories: 'story' };
const TOUCHPOINT_KEYS = new Map<string, Touchpoint>(TOUCHPOINTS.map((t) => [t.toLowerCase().replace(/\s+/g, ''), t]));

export function checkBacklog(text: string, context: BacklogContext): Checked<BacklogRow> {
  const parsed = table('backlog', text);
  if ('fileErrors' in parsed) return failed('backlog', parsed);
  const { table: t, notes } = parsed;
  const existingInitiatives = new Map(context.initiativeTitles.map((n) => [key(n), n]));
  // Parents may come later in the file than their stories: collect the file's initiatives first.
  const fileInitiatives = new Map<string, number>();
  for (const row of t.rows) {
    if (KINDS[key(row.get('kind'))] === 'initiative' && row.get('title') !== '' && !fileInitiatives.has(key(row.get('title')))) {
      fileInitiatives.set(key(row.get('title')), row.line);
    }
  }
  const seenStories = new Map<string, number>();
  const checks = t.rows.map((row) => {
    const check: RowCheck = { errors: [], mappings: [] };
    width(row, t.columns.length, check);
    const kindCell = row.get('kind');
    const kind = KINDS[key(kindCell)] ?? null;
    if (kind === null) {
      check.errors.push({
        column: 'kind',
        message: kindCell === '' ? 'Enter a kind: initiative or story' : `Unknown kind: "${kindCell}"; use initiative or story.`,
      });
    } else if (kindCell !== kind) check.mappings.push({ column: 'kind', from: kindCell, to: kind });
    const titleR = Title.safeParse(row.get('title'));
    if (!titleR.success) check.errors.push({ column: 'title', message: firstMessage(titleR) });
    const title = titleR.success ? titleR.data : '';
    const parentCell = row.get('parent');
    let parent: string | null = null;
    if (kind === 'initiative') {
      if (parentCell !== '') check.errors.push({ column: 'parent', message: 'An initiative has no parent; leave the cell empty.' });
      const earlier = fileInitiatives.get(key(title));
      if (title && existingInitiatives.has(key(title))) {
        check.errors.push({ column: 'title', message: `Duplicate initiative: "${title}" is already in ${context.quarterName}.` });
      } else if (title && earlier !== undefined && earlier !== row.line) {
        check.errors.push({ column: 'title', message: `Duplicate initiative: "${title}" is also on line ${earlier}.` });
      }
    } else if (kind === 'story' && parentCell !== '') {
      const existing = existingInitiatives.get(key(parentCell));
      if (existing === undefined && !fileInitiatives.has(key(parentCell))) {
        check.errors.push({
          column: 'parent',
          message: `Unknown parent: no initiative "${parentCell}" in this file or in ${context.quarterName}.`,
        });
      }
      parent = existing ?? parentCell;
      if (title) {
        const storyKey = `${key(parent)}\u0000${key(title)}`;
        const earlier = seenStories.get(storyKey);
        if (earlier !== undefined)
          check.errors.push({ column: 'title', message: `Duplicate story: "${title}" under the same parent is also on line ${earlier}.` });
        else seenStories.set(storyKey, row.line);
      }
    }
    const rungCell = row.get('rung');
    const rung: Rank | null =
      kind === null
        ? null
        : rungCell === ''
          ? DEFAULT_RUNG[kind]
          : rank(rungCell, 'rung', check, ALLOWED_RUNGS[kind], kind === 'initiative' ? "An initiative's rung" : "A story's rung");
    const size = points(row.get('size'), 'size', check);
    const touchpoints: Touchpoint[] = [];
    for (const part of row
      .get('touchpoints')
      .split(/[;|,]/)
      .map((p) => p.trim())
      .filter((p) => p !== '')) {
      const tp = TOUCHPOINT_KEYS.get(part.toLowerCase().replace(/\s+/g, ''));
      if (!tp)
        check.errors.push({ column: 'touchpoints', message: `Unknown touchpoint: "${part}" (the map has ${TOUCHPOINTS.join(', ')}).` });
      else if (!touchpoints.includes(tp)) touchpoints.push(tp);
    }
    const value: BacklogRow | null = check.errors.length === 0 ? { kind: kind!, title, parent, rung: rung!, size, touchpoints } : null;
    return { row, check, value };
  });
  return finish('backlog', t, notes, checks);
}
