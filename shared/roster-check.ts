import { columnPlaces, parseFile, recordValues, unescapeFormula } from './csv.ts';
import { type CsvFile, type RosterContext, type RosterRead, type RosterRow, type Checked, points } from './import.ts';
import { checkRoster } from './import-roster.ts';
import {
  ROSTER_FIELDS,
  type RosterField,
  type RosterMapping,
  type RosterOptions,
  type RosterSource,
  capacityUnit,
  fitRosterMapping,
  guessRosterMapping,
  readEmployment,
  readShare,
  usualCapacity,
} from './roster-source.ts';
import { columnKey, columnSamples, headerFingerprint } from './tracker/source.ts';
import { plural } from './words.ts';

export type RosterChecked = Checked<RosterRow> & { mapping: RosterMapping; header: string };

/**
 * An HR export's roster: its columns read through the mapping (the lead's, the one remembered for
 * this header, or the one its header names suggest), then the same row checks as Rungs' own roster
 * file. `saved` is the mapping confirmed for this header last time.
 */
export function checkHrRoster(file: CsvFile, context: RosterContext, options: RosterOptions, saved: RosterMapping | null): RosterChecked {
  const parsed = parseFile(file);
  if (!parsed.ok) return { ...checkRoster(file, context), mapping: guessRosterMapping([]), header: '' };
  const { header } = parsed;
  const fp = headerFingerprint(header);
  const mapping = fitRosterMapping(options.mapping ?? saved ?? guessRosterMapping(header), header);
  // A name in two columns is read from both (read.name below); the first stands for it in messages.
  const fieldOf = new Map<string, RosterField | ''>(
    ROSTER_FIELDS.flatMap((f) => mapping[f].map((c, i) => [columnKey(c), i === 0 ? f : ''] as const)),
  );
  const places = columnPlaces(header, columnKey);
  const nameAt = mapping.name.map((c) => places.get(columnKey(c))?.[0]);
  const records = parsed.records.map((r) => ({ line: r.line, values: recordValues(places, r.cells.map(unescapeFormula)) }));
  const valuesOf = (f: RosterField) => (mapping[f][0] ? records.map((r) => r.values.get(columnKey(mapping[f][0]!))?.[0] ?? '') : []);

  const unit = mapping.capacity[0] ? capacityUnit(mapping.capacity[0], valuesOf('capacity')) : null;
  const fullTime = options.fullTime ?? usualCapacity(context.engineers.map((e) => e.capacity));
  const read: RosterRead = {
    // A column the mapping does not use is never read as a Rungs column, whatever its name.
    column: (h) => fieldOf.get(columnKey(h)) ?? (columnKey(h) === '' ? '' : `\u0000${columnKey(h)}`),
    capacity: (cell, column, check) => {
      if (unit !== 'share' || cell === '') return points(cell, column, check);
      const share = readShare(cell);
      if (share === null) {
        check.errors.push({ column, message: `Bad share of full time: "${cell}"; write it as 0.8 or 80%.` });
        return null;
      }
      const n = Math.round(share * fullTime);
      check.mappings.push({ column, from: cell, to: plural(n, 'point') });
      return n;
    },
    employment: (cell) => (cell === '' ? undefined : readEmployment(cell).employment),
    missing: 'Pick the column of the file that holds each in the column mapping below',
    ...(nameAt.length > 1 && {
      name: (cells: readonly string[]) =>
        nameAt
          .map((at) => (at === undefined ? '' : (cells[at] ?? '').trim()))
          .filter((part) => part !== '')
          .join(' '),
    }),
  };
  const checked = checkRoster(file, context, read);

  // Row messages name the file's own columns, so the preview marks the cell the lead must fix.
  const own = (column: string | null) =>
    column !== null && (ROSTER_FIELDS as readonly string[]).includes(column) && mapping[column as RosterField][0]
      ? columnKey(mapping[column as RosterField][0]!)
      : column;
  // A status that keeps someone off the board says so on its cell, as a level's spelling does.
  const statusAt = mapping.active[0] ? places.get(columnKey(mapping.active[0]))?.[0] : undefined;
  const statusMapping = (cells: string[]) => {
    const cell = statusAt === undefined ? '' : (cells[statusAt] ?? '').trim();
    return cell !== '' && readEmployment(cell).employment !== 'active'
      ? [{ column: columnKey(mapping.active[0]!), from: cell, to: 'not active' }]
      : [];
  };
  const rows = checked.preview.rows.map((r) => ({
    ...r,
    errors: r.errors.map((e) => ({ ...e, column: own(e.column) })),
    mappings: [...r.mappings.map((m) => ({ ...m, column: own(m.column)! })), ...statusMapping(r.cells)],
  }));
  const statuses = new Map<string, number>();
  for (const v of valuesOf('active')) if (v.trim() !== '') statuses.set(v.trim(), (statuses.get(v.trim()) ?? 0) + 1);
  const skipped = checked.skipped ?? [];
  const source: RosterSource = {
    header: fp,
    remembered: !options.mapping && saved !== null,
    mapping,
    columns: columnSamples(header, places, records),
    capacity: { unit, fullTime },
    statuses: [...statuses].map(([from, n]) => ({ from, to: readEmployment(from).employment, known: readEmployment(from).known, rows: n })),
    skipped,
  };
  const preview = {
    ...checked.preview,
    rows,
    roster: source,
    // The same rows read another way (another mapping, another full-time figure) are another preview.
    fingerprint: checked.preview.fingerprint && `${checked.preview.fingerprint}-${skipped.length}-${unit === 'share' ? fullTime : ''}`,
  };
  return { ...checked, preview, mapping, header: fp };
}
