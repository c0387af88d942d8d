import {
  type Checked,
  type CsvFile,
  type Difference,
  type ImportPreview,
  type RosterContext,
  type RosterEngineer,
  type RosterRead,
  type RosterRow,
  type RowCheck,
  asFile,
  failed,
  finish,
  firstMessage,
  matchKey as key,
  points,
  rank,
  table,
  width,
} from './import.ts';
import { type Corrections, type TitleLevel, NO_CORRECTIONS, foldForTypos, pickedLevel, renamed, suggestions } from './import-fixes.ts';
import { type Ladder, type Rank, LADDER_LIMITS, isRankOn, levelName, parseLevel, ranksOf } from './ladder.ts';
import { Name } from './schemas.ts';

// Checking a roster file (an HR sheet or Rungs' own CSV) row by row against the roster: who is
// new, who changes and how, which titles and teams need the lead's word first.

const capacityText = (c: number | null) => (c === null ? 'none' : String(c));
const activeText = (a: boolean) => (a ? 'yes' : 'no');

/** How the roster export writes the active flag, and every spelling the import reads for it. */
export const ACTIVE_CELL = { true: 'yes', false: 'no' } as const;
const ACTIVE_SPELLINGS = new Map<string, boolean>([
  ['yes', true],
  ['no', false],
  ['true', true],
  ['false', false],
  ['1', true],
  ['0', false],
]);

/** An active cell, or undefined for an empty one (which leaves the flag as it is). */
function activeCell(cell: string, check: RowCheck): boolean | undefined {
  if (cell === '') return undefined;
  const a = ACTIVE_SPELLINGS.get(cell.toLowerCase());
  if (a === undefined)
    check.errors.push({ column: 'active', message: `Unknown value: "${cell}"; write yes or no (true/false and 1/0 also work).` });
  return a;
}

/** What changes when a row of the file meets the engineer of the same name. */
export function rosterDifferences(
  ladder: Ladder,
  before: RosterEngineer,
  after: Pick<RosterEngineer, 'level' | 'team' | 'capacity' | 'active'>,
): Difference[] {
  const out: Difference[] = [];
  if (before.level !== after.level) out.push({ field: 'level', from: levelName(ladder, before.level), to: levelName(ladder, after.level) });
  if (key(before.team) !== key(after.team)) out.push({ field: 'team', from: before.team, to: after.team });
  if (before.capacity !== after.capacity)
    out.push({ field: 'capacity', from: capacityText(before.capacity), to: capacityText(after.capacity) });
  if (before.active !== after.active) out.push({ field: 'active', from: activeText(before.active), to: activeText(after.active) });
  return out;
}

export function checkRoster(file: CsvFile | string, context: RosterContext, read?: RosterRead): Checked<RosterRow> {
  const parsed = table('roster', asFile(file), read);
  if ('fileErrors' in parsed) return failed('roster', parsed);
  const { table: t, notes, reading } = parsed;
  // Someone already on the roster is matched by name (case and surrounding spaces aside): their row
  // updates them instead of being refused, so a re-exported HR sheet imports again.
  const existing = Map.groupBy(context.engineers, (e) => key(e.name));
  // An HR system's id finds someone first, whatever their name is now.
  const byId = new Map(context.engineers.flatMap((e) => (e.externalKey ? [[e.externalKey, e] as const] : [])));
  // The ids the roster does not know yet that the file gives each name: two people of one name are
  // two people when each has an id, and one of them may be the namesake typed in without one.
  const newIds = Map.groupBy(
    t.rows.filter((r) => r.get('key') !== '' && !byId.has(r.get('key'))),
    (r) => key(r.get('name')),
  );
  const idLine = new Map<string, number>();
  const hasCapacity = t.has('capacity');
  const skipped: { line: number; name: string; why: string }[] = [];
  const teams = new Map(context.teamNames.map((n) => [key(n), n]));
  const newTeams = new Map<string, string>();
  const newTeamRows = new Map<string, number>();
  const corrections = context.corrections ?? NO_CORRECTIONS;
  const titles = levelCells(context.ladder, corrections);
  const firstLine = new Map<string, { line: number; id: string | null }>();
  const checks = t.rows.flatMap((row) => {
    const check: RowCheck = { errors: [], mappings: [] };
    width(row, t, check);
    const nameR = Name.safeParse(row.get('name'));
    const id = employeeId(row.get('key'), row.line, idLine, check);
    const named = nameR.success ? (existing.get(key(nameR.data)) ?? []) : [];
    const byName = (id && byId.get(id)) || nameMatch(named, id, newIds.get(key(row.get('name'))) ?? []);
    if (typeof byName === 'string') check.errors.push({ column: 'name', message: byName });
    const match = typeof byName === 'string' ? undefined : byName;
    const renamedTo = match && nameR.success && key(match.name) !== key(nameR.data) ? nameR.data : null;
    // Someone who left is not added; someone on the roster who left is made inactive below.
    const employment = read?.employment(row.get('active'));
    if (employment === 'left' && !match && typeof byName !== 'string') {
      skipped.push({ line: row.line, name: row.get('name'), why: `status "${row.get('active')}", not on the roster` });
      return [];
    }
    if (!nameR.success) check.errors.push({ column: 'name', message: firstMessage(nameR) });
    else {
      // Two rows of one name are one person twice, unless each has its own employee id.
      const earlier = firstLine.get(key(nameR.data));
      if (earlier !== undefined && (id === null || earlier.id === null))
        check.errors.push({ column: 'name', message: `Duplicate name: ${nameR.data} is also on line ${earlier.line}.` });
      else if (earlier === undefined) firstLine.set(key(nameR.data), { line: row.line, id });
      if (match && !renamedTo && match.name !== nameR.data) check.mappings.push({ column: 'name', from: nameR.data, to: match.name });
    }
    const level = titles.level(row.get('level'), check);
    const teamCell = row.get('team');
    const teamR = Name.safeParse(renamed(corrections, 'team', teamCell));
    let team: string | null = null;
    if (!teamR.success) check.errors.push({ column: 'team', message: teamCell === '' ? 'Enter a team' : firstMessage(teamR) });
    else {
      const known = teams.get(key(teamR.data)) ?? newTeams.get(key(teamR.data));
      team = known ?? teamR.data;
      if (team !== teamCell) check.mappings.push({ column: 'team', from: teamCell, to: team });
      if (!known) newTeams.set(key(team), team);
      if (!teams.has(key(team))) newTeamRows.set(team, (newTeamRows.get(team) ?? 0) + 1);
    }
    // A file without a capacity column leaves everyone's capacity as it is; an empty cell clears it.
    const capacity = hasCapacity || !match ? (read?.capacity ?? points)(row.get('capacity'), 'capacity', check) : match.capacity;
    // Likewise the active flag: no column (or an empty cell) leaves it; someone new starts active.
    const active = employment ? employment === 'active' : (activeCell(row.get('active'), check) ?? match?.active ?? true);
    let value: RosterRow | null = null;
    if (check.errors.length === 0) {
      const fields = { level: level!, team: team!, capacity, active };
      const externalKey = id ?? match?.externalKey ?? null;
      check.differences = match
        ? [
            ...(renamedTo ? [{ field: 'name' as const, from: match.name, to: renamedTo }] : []),
            ...(externalKey !== (match.externalKey ?? null)
              ? [{ field: 'employee id' as const, from: match.externalKey ?? 'none', to: externalKey ?? 'none' }]
              : []),
            ...rosterDifferences(context.ladder, match, fields),
          ]
        : [];
      check.change = !match ? 'new' : check.differences.length > 0 ? 'update' : 'unchanged';
      const name = renamedTo ?? match?.name ?? nameR.data!;
      value = { name, ...fields, engineerId: match?.id ?? null, externalKey, change: check.change };
    }
    return [{ row, check, value }];
  });
  const checked = finish('roster', t, notes, reading, checks, [...newTeams.values()]);
  const preview: ImportPreview = {
    ...checked.preview,
    notes: [...notes, ...namesakes(context.engineers, checked.values), ...droppedTeams(corrections, teams, newTeams)],
    suggestions: suggestions('team', newTeamRows, context.teamNames),
    unknownTitles: titles.unknown(),
    titles: titles.used(),
  };
  return { ...checked, preview, skipped };
}

const idsText = (ids: readonly (string | null | undefined)[]) => ids.map((i) => i ?? 'no id').join(', ');

/**
 * Who on the roster a row is by its name, when its id (if any) found no one: the one person of that
 * name, unless they carry another id (then the row is someone new). A row without an id cannot
 * choose between namesakes, nor can several rows with new ids choose which of them is the one
 * typed in without one: that is the row's error, in words.
 */
function nameMatch(named: readonly RosterEngineer[], id: string | null, newIds: readonly unknown[]): RosterEngineer | undefined | string {
  const name = named[0]?.name;
  if (id === null) {
    if (named.length <= 1) return named[0];
    return `${named.length} people named ${name} are on the roster (ids ${idsText(named.map((e) => e.externalKey))}); give this row its employee id to say which.`;
  }
  const withoutId = named.filter((e) => !e.externalKey);
  if (withoutId.length === 0) return undefined;
  if (withoutId.length === 1 && newIds.length === 1) return withoutId[0];
  return `${name} is on the roster without an employee id, and the file has ${newIds.length} people of that name with ids new to the roster: Rungs cannot tell which one that is. Import a file with only that one first, so they gain their id.`;
}

/** A line for each name two or more people will share after the import, with the ids that tell them apart. */
function namesakes(engineers: readonly RosterEngineer[], values: readonly RosterRow[]): string[] {
  const after = new Map<number | string, { name: string; id: string | null }>(
    engineers.map((e) => [e.id, { name: e.name, id: e.externalKey ?? null }]),
  );
  values.forEach((v, i) => after.set(v.engineerId ?? `new ${i}`, { name: v.name, id: v.externalKey }));
  const touched = new Set(values.map((v) => key(v.name)));
  return [...Map.groupBy(after.values(), (p) => key(p.name))]
    .filter(([k, people]) => people.length > 1 && touched.has(k))
    .map(([, people]) => {
      const count = ['Two', 'Three', 'Four'][people.length - 2] ?? String(people.length);
      return `${count} people named ${people[0]!.name} (ids ${idsText(people.map((p) => p.id))}): they stay ${count.toLowerCase()} people, told apart by their employee ids.`;
    });
}

/** An employee id cell: null when empty; the same id on two lines is an error on the second. */
function employeeId(cell: string, line: number, seen: Map<string, number>, check: RowCheck): string | null {
  if (cell === '') return null;
  if (cell.length > 300) {
    check.errors.push({ column: 'key', message: `An employee id has at most 300 characters; this one has ${cell.length}.` });
    return null;
  }
  const earlier = seen.get(cell);
  if (earlier !== undefined) check.errors.push({ column: 'key', message: `Duplicate employee id: ${cell} is also on line ${earlier}.` });
  else seen.set(cell, line);
  return cell;
}

/** A team the file named that the lead's fixes leave without anyone: the import does not create it, and says so. */
function droppedTeams(corrections: Corrections, teams: ReadonlyMap<string, string>, newTeams: ReadonlyMap<string, string>) {
  const gone = corrections.renames.filter((r) => r.column === 'team' && !teams.has(key(r.from)) && !newTeams.has(key(r.from)));
  return [...new Set(gone.map((r) => r.from.trim()))].map(
    (name) => `The team "${name}" is not created: after your fix no row of the file is in it.`,
  );
}

/**
 * A roster's level cells: the ladder's names, codes and aliases, then the level the lead picked for
 * a title the ladder does not know. Keeps count of the titles still unknown and of the picks used.
 */
function levelCells(ladder: Ladder, corrections: Corrections) {
  const unknown = new Map<string, { title: string; rows: number }>();
  const used = new Map<string, TitleLevel>();
  const level = (cell: string, check: RowCheck): Rank | null => {
    if (cell === '') return (check.errors.push({ column: 'level', message: 'Enter a level' }), null);
    const pick = parseLevel(ladder, cell) === null ? pickedLevel(corrections, cell) : undefined;
    if (!pick) {
      const r = rank(ladder, cell, 'level', check, ranksOf(ladder), 'A level');
      // A title that could be saved as an alias can be picked for in the preview; the error says where.
      if (r === null && cell.length <= LADDER_LIMITS.alias) {
        const at = check.errors.at(-1)!;
        at.message = `${at.message} Pick its level above, under "Titles the ladder does not know".`;
        const k = foldForTypos(cell);
        unknown.set(k, { title: unknown.get(k)?.title ?? cell, rows: (unknown.get(k)?.rows ?? 0) + 1 });
      }
      return r;
    }
    if (!isRankOn(ladder, pick.level)) {
      check.errors.push({ column: 'level', message: `The level picked for "${cell}" is not on the ladder; pick it again.` });
      return null;
    }
    const target = ladder.levels[pick.level]!;
    const k = foldForTypos(cell);
    const adding = [...used].filter(([t, u]) => u.level === pick.level && t !== k).length;
    if (!used.has(k) && target.aliases.length + adding >= LADDER_LIMITS.aliases) {
      check.errors.push({
        column: 'level',
        message: `${target.name} already has ${LADDER_LIMITS.aliases} aliases, so "${cell}" cannot become one; remove one on the Ladder screen.`,
      });
      return null;
    }
    used.set(k, { title: used.get(k)?.title ?? cell, level: pick.level });
    check.mappings.push({ column: 'level', from: cell, to: target.name });
    return pick.level;
  };
  return { level, unknown: () => [...unknown.values()], used: () => [...used.values()] };
}
