import { type CsvParse, type CsvRecord, columnPlaces, parseCsv, toCsv, unescapeFormula } from './csv.ts';
import { type Ladder, Ladder as LadderSchema } from './ladder.ts';
import { LadderFileError, kindsFor } from './ladder-markdown.ts';

// A ladder as one CSV file of two sections (docs/data.md, "Ladder files"):
//
//   # levels
//   code,name,aliases,delegate,next       one row per level, lowest first; aliases split by ";"
//   # cells
//   level,touchpoint,text                 one row per cell (level by code or name), touchpoints in order of first row
//
// Read with the same CSV reader as every other import (shared/csv.ts); the levels section's header
// line says the delimiter. Export writes exactly what import reads.

const LEVELS = '# levels';
const CELLS = '# cells';
const LEVEL_COLUMNS = ['code', 'name', 'aliases', 'delegate', 'next'] as const;
const CELL_COLUMNS = ['level', 'touchpoint', 'text'] as const;

const blank = (r: CsvRecord) => r.cells.every((c) => c.trim() === '');
const marker = (r: CsvRecord, name: string) => r.cells[0]?.trim().toLowerCase() === name && r.cells.slice(1).every((c) => c.trim() === '');

/** The columns a section's header names, by name; refuses a header without those it needs. */
function columns<C extends string>(header: CsvRecord, wanted: readonly C[], needed: readonly C[], section: string) {
  const places = columnPlaces(
    header.cells.map((c) => c.trim()),
    (n) => n.toLowerCase(),
  );
  const missing = needed.filter((c) => !places.has(c));
  if (missing.length > 0)
    throw new LadderFileError(`the ${section} section’s header is ${wanted.join(',')}; this one has no ${missing.join(', ')}`, header.line);
  return (r: CsvRecord, c: C) => {
    if (r.cells.length > header.cells.length)
      throw new LadderFileError(`the row has ${r.cells.length} cells for ${header.cells.length} columns`, r.line);
    const at = places.get(c)?.[0];
    return at === undefined ? '' : unescapeFormula((r.cells[at] ?? '').trim());
  };
}

/**
 * A ladder CSV the CSV reader refused, as a refusal naming the file's line and section. The reader
 * read the text after the "# levels" line, so its lines are one short of the file's.
 */
function unreadable(text: string, refused: Extract<CsvParse, { ok: false }>): LadderFileError {
  if (!refused.at) return new LadderFileError(`the levels section: ${refused.error.replace(/\.$/, '')}`, 2);
  const line = refused.at.line + 1;
  const cellsAt = text.split(/\r?\n/).findIndex((l) => l.trim().toLowerCase().startsWith(CELLS)) + 1;
  return new LadderFileError(`the ${cellsAt > 0 && line > cellsAt ? 'cells' : 'levels'} section: ${refused.at.problem}`, line);
}

/** Parse a ladder CSV. Throws a LadderFileError naming the line for a malformed file. */
export function parseLadderCsv(raw: string): Ladder {
  const text = raw.replace(/^\uFEFF/, '');
  const firstBreak = text.search(/\r?\n/);
  const first = (firstBreak < 0 ? text : text.slice(0, firstBreak)).trim();
  if (first.replace(/[,;\t|]+$/, '').toLowerCase() !== LEVELS)
    throw new LadderFileError(`a ladder CSV starts with a “${LEVELS}” line; this one starts “${first.slice(0, 60)}”`, 1);
  const parsed = parseCsv(firstBreak < 0 ? '' : text.slice(firstBreak).replace(/^\r?\n/, ''));
  if (!parsed.ok) throw unreadable(text, parsed);
  // parseCsv counts lines from the text after the "# levels" line.
  const shift = (r: CsvRecord): CsvRecord => ({ ...r, line: r.line + 1 });
  const header: CsvRecord = { line: 2, cells: parsed.header };
  const records = parsed.records.map(shift).filter((r) => !blank(r));
  const split = records.findIndex((r) => marker(r, CELLS));
  if (split < 0) throw new LadderFileError(`the file has no “${CELLS}” line after its levels`, null);

  const level = columns(header, LEVEL_COLUMNS, ['code', 'name'], 'levels');
  const seen = new Map<string, number>();
  const levels = records.slice(0, split).map((r, i) => {
    const code = level(r, 'code');
    const name = level(r, 'name');
    if (!code || !name) throw new LadderFileError('a level needs a code and a name', r.line);
    for (const key of [code, name].map((k) => k.toLowerCase())) {
      const other = seen.get(key);
      if (other !== undefined && other !== i) throw new LadderFileError(`“${key}” names two levels`, r.line);
      seen.set(key, i);
    }
    const aliases = level(r, 'aliases')
      .split(';')
      .map((a) => a.trim())
      .filter((a) => a !== '');
    return { id: i + 1, name, code, aliases, delegate: level(r, 'delegate'), nextMove: level(r, 'next') };
  });

  const [cellHeader, ...cellRows] = records.slice(split + 1);
  if (!cellHeader) throw new LadderFileError(`the “${CELLS}” section has no ${CELL_COLUMNS.join(',')} header`, records[split]!.line);
  const cell = columns(cellHeader, CELL_COLUMNS, CELL_COLUMNS, 'cells');
  const touchpoints: { id: number; name: string; cells: string[] }[] = [];
  const filled = new Set<string>();
  for (const r of cellRows) {
    const rank = seen.get(cell(r, 'level').toLowerCase());
    if (rank === undefined)
      throw new LadderFileError(`no level “${cell(r, 'level')}” in the levels section (${levels.map((l) => l.code).join(', ')})`, r.line);
    const name = cell(r, 'touchpoint');
    if (!name) throw new LadderFileError('the row has no touchpoint', r.line);
    let t = touchpoints.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!t) {
      t = { id: touchpoints.length + 1, name, cells: levels.map(() => '') };
      touchpoints.push(t);
    }
    const key = `${t.id}:${rank}`;
    if (filled.has(key)) throw new LadderFileError(`a second cell for ${name} at ${levels[rank]!.code}`, r.line);
    filled.add(key);
    t.cells[rank] = cell(r, 'text');
  }

  const candidate = { levels, touchpoints, kinds: kindsFor(levels.length), delegateRule: '', coachingLine: '' };
  const checked = LadderSchema.safeParse(candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new LadderFileError(`${issue.message}${issue.path.length ? ` (at ${issue.path.join('.')})` : ''}`, header.line);
  }
  return checked.data;
}

/** The ladder as the CSV parseLadderCsv reads. */
export function ladderCsv(ladder: Ladder): string {
  const levels = toCsv(
    LEVEL_COLUMNS,
    ladder.levels.map((l) => [l.code, l.name, l.aliases.join('; '), l.delegate, l.nextMove]),
  );
  const cells = toCsv(
    CELL_COLUMNS,
    ladder.touchpoints.flatMap((t) => ladder.levels.map((l, r) => [l.code, t.name, t.cells[r] ?? ''])),
  );
  return `${LEVELS}\r\n${levels}${CELLS}\r\n${cells}`;
}
