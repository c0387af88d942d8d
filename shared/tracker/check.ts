import { columnPlaces, parseFile, recordValues, unescapeFormula } from '../csv.ts';
import { fit } from '../fit.ts';
import {
  type CsvFile,
  type Difference,
  type ImportPreview,
  type PreviewRow,
  IMPORT_LIMITS,
  fingerprint,
  reading,
  summarized,
} from '../import.ts';
import {
  type Ladder,
  type Rank,
  STATUS_LABEL,
  type Status,
  type WorkKind,
  allowedRungs,
  defaultRung,
  levelName,
  parseLevel,
} from '../ladder.ts';
import { type Corrections, NO_CORRECTIONS, renamed, suggestions } from '../import-fixes.ts';
import { LIMITS, Points, Title } from '../schemas.ts';
import type { TrackerOptions, TrackerSource } from './preview.ts';
import {
  type ColumnMapping,
  type PresetId,
  PRESET_KEY_HELP,
  PRESET_MAPPINGS,
  PRESET_NAMES,
  columnKey,
  columnSamples,
  fitMapping,
  guessMapping,
  headerFingerprint,
  indexPeople,
  matchPerson,
  personKey,
  readKind,
  readStatus,
  recognisePreset,
  rungFromLabels,
} from './source.ts';

// Checking a tracker's export (or a mapped sheet) before anything is written: each row read through
// the mapping and its preset's rules into an initiative or a story, its status and owner read, and
// compared with what an earlier import of the same export left in the quarter. Pure, like the
// check of Rungs' own columns beside it: the preview and the commit both run it.

/** An item already in the quarter, as a re-import compares it. */
export type ExistingItem = {
  id: number;
  kind: WorkKind;
  title: string;
  size: number | null;
  status: Status;
  externalKey: string | null;
  /** The external key of its initiative, or its title when that has none. */
  parent: { key: string | null; title: string } | null;
};
export type TrackerContext = {
  quarterName: string;
  ladder: Ladder;
  items: readonly ExistingItem[];
  engineers: readonly { id: number; name: string; level: Rank; active: boolean }[];
  /** A mapping the lead saved for this header earlier, if any. */
  saved?: ColumnMapping | null;
  /** Misspelt parents the lead fixed in the preview. */
  corrections?: Corrections;
};

/** What a clean row writes. `ref` ties stories to their initiative within the file. */
export type TrackerValue = {
  line: number;
  ref: string;
  kind: WorkKind;
  title: string;
  externalKey: string | null;
  /** The ref of the initiative it belongs under, or null. */
  parent: string | null;
  /** The existing initiative it belongs under, when the parent is not in the file. */
  parentId: number | null;
  rung: Rank;
  size: number | null;
  status: Status;
  assigneeId: number | null;
  change: 'new' | 'update' | 'unchanged';
  /** The item it updates. */
  existingId: number | null;
};

export type TrackerChecked = { preview: ImportPreview; values: TrackerValue[]; mapping: ColumnMapping; header: string };

export const TRACKER_COLUMNS = ['key', 'kind', 'title', 'parent', 'rung', 'size', 'status', 'assignee'] as const;

type Issue = { column: string | null; message: string };
type Mapped = { column: string; from: string; to: string };

/** One row of the file, read through the mapping, before it is checked. */
type Draft = {
  line: number;
  ref: string;
  key: string;
  title: string;
  kind: WorkKind | 'skip' | null;
  kindCell: string;
  /** Every value the parent columns give, in the mapping's order: keys, ids or titles. */
  parentCells: string[];
  rungCell: string;
  sizeCell: string;
  statusCell: string;
  assignees: string[];
  labels: string[];
  /** Set for an initiative the preset makes from a column (a Linear project). */
  derived?: boolean;
};

const STATUS_WORD: Record<Status | 'skipped', string> = {
  planned: 'planned',
  in_progress: 'in progress',
  done: 'done',
  skipped: 'skipped',
};

function emptyPreview(fileErrors: string[], source: TrackerSource | undefined, columns: string[] = []): ImportPreview {
  return {
    kind: 'backlog',
    clean: false,
    columns,
    fileErrors,
    reading: null,
    notes: [],
    rows: [],
    summary: { rows: 0, valid: 0, invalid: 0, newTeams: [], new: 0, updated: 0, unchanged: 0 },
    fingerprint: '',
    ...(source ? { source } : {}),
  };
}

/** Read a tracker export or a mapped sheet. `options` is what the lead changed in the preview. */
export function checkTracker(input: CsvFile, context: TrackerContext, options: TrackerOptions = {}): TrackerChecked {
  const parsed = parseFile(input);
  const none: ColumnMapping = guessMapping([]);
  if (!parsed.ok) return { preview: emptyPreview([parsed.error], undefined), values: [], mapping: none, header: '' };
  const header = parsed.header;
  if (header.length > IMPORT_LIMITS.columns) {
    return {
      preview: emptyPreview(
        [
          `The header names ${header.length.toLocaleString('en')} columns; Rungs reads files of at most ${IMPORT_LIMITS.columns.toLocaleString('en')}. Export only the fields you need (summary, key, type, parent, status, assignee, estimate) and pick that file.`,
        ],
        undefined,
      ),
      values: [],
      mapping: none,
      header: '',
    };
  }
  if (parsed.records.length > IMPORT_LIMITS.rows) {
    return {
      preview: emptyPreview(
        [
          `The file has ${parsed.records.length.toLocaleString('en')} rows; Rungs imports at most ${IMPORT_LIMITS.rows.toLocaleString('en')} at a time.`,
        ],
        undefined,
      ),
      values: [],
      mapping: none,
      header: '',
    };
  }
  const preset = recognisePreset(header);
  const fp = headerFingerprint(header);
  const remembered = !options.mapping && !!context.saved;
  const mapping = fitMapping(options.mapping ?? context.saved ?? (preset ? PRESET_MAPPINGS[preset] : guessMapping(header)), header);
  const places = columnPlaces(header, columnKey);
  const records = parsed.records.map((r) => {
    // Rungs and Linear both put a quote before a value a spreadsheet would run as a formula.
    const cells = r.cells.map(unescapeFormula);
    return { line: r.line, cells, values: recordValues(places, cells) };
  });
  const rungs = { initiative: options.rungs?.initiative ?? null, story: options.rungs?.story ?? null };
  const source: TrackerSource = {
    preset,
    name: preset ? PRESET_NAMES[preset] : 'Column mapping',
    header: fp,
    remembered,
    mapping,
    columns: columnSamples(header, places, records),
    rungs,
    statuses: [],
    skipped: [],
    assignees: [],
    warnings: [],
  };
  const fail = (errors: string[]): TrackerChecked => ({
    preview: emptyPreview(errors, source, header),
    values: [],
    mapping,
    header: fp,
  });

  // A preset's key column is what makes a re-import update; without it the file is refused whole.
  if (preset) {
    const keyColumn = PRESET_MAPPINGS[preset].key[0]!;
    if (!places.has(columnKey(keyColumn))) {
      return fail([
        `This looks like a ${PRESET_NAMES[preset]}, but it has no "${keyColumn}" column: Rungs keeps that key on each item so that importing the export again updates it instead of adding a copy. ${PRESET_KEY_HELP[preset]}`,
      ]);
    }
  }
  if (mapping.title.length === 0) {
    return fail([
      `No column is mapped to the title: pick the column that holds each item's title below${preset ? '' : ' (the file has no column Rungs recognises)'}.`,
    ]);
  }
  if (parsed.records.length === 0) return fail(['The file has a header line but no rows.']);
  // The lead maps one column per field; a preset may read several (first non-empty wins).
  const fieldKeys = new Map(Object.entries(mapping).map(([f, columns]) => [f, columns.map(columnKey)]));
  const all = (r: (typeof records)[number], f: keyof ColumnMapping) => {
    const out: string[] = [];
    for (const k of fieldKeys.get(f)!) {
      for (const v of r.values.get(k) ?? []) {
        const t = v.trim();
        if (t !== '') out.push(t);
      }
    }
    return out;
  };
  const first = (r: (typeof records)[number], f: keyof ColumnMapping) => all(r, f)[0] ?? '';
  const column = (name: string) => (r: { values: Map<string, string[]> }) => (r.values.get(columnKey(name)) ?? [])[0]?.trim() ?? '';

  const drafts: Draft[] = records.map((r, i) => {
    const key = first(r, 'key');
    const assigneeCells = all(r, 'assignee');
    return {
      line: r.line,
      ref: key !== '' ? `key:${key}` : `line:${r.line}:${i}`,
      key,
      title: first(r, 'title'),
      kindCell: first(r, 'kind'),
      kind: mapping.kind.length > 0 ? readKind(first(r, 'kind')) : null,
      parentCells: all(r, 'parent'),
      rungCell: first(r, 'rung'),
      sizeCell: first(r, 'size'),
      statusCell: first(r, 'status'),
      // GitHub lists several assignees in one cell.
      assignees: assigneeCells.flatMap((c) => c.split(/\s*,\s*/)).filter((c) => c !== ''),
      labels: all(r, 'labels').flatMap((c) => c.split(/\s*,\s*/)),
    };
  });
  presetRules(preset, drafts, records, column);

  // A parent the lead fixed in the preview ("did you mean …?") is read as the title they picked.
  const corrections = context.corrections ?? NO_CORRECTIONS;
  const fixedFrom = new Map<Draft, string>();
  for (const d of drafts) {
    const fixed = d.parentCells.map((c) => renamed(corrections, 'parent', c));
    const at = fixed.findIndex((c, i) => c !== d.parentCells[i]);
    if (at >= 0) fixedFrom.set(d, d.parentCells[at]!);
    d.parentCells = fixed;
  }

  // Parents: a key in the file or the quarter, a Jira issue id, or failing those a title.
  const byKey = new Map<string, Draft>();
  const byTitle = new Map<string, Draft>();
  for (const d of drafts) {
    if (d.key !== '' && !byKey.has(d.key.toLowerCase())) byKey.set(d.key.toLowerCase(), d);
    if (d.title !== '' && !byTitle.has(d.title.toLowerCase())) byTitle.set(d.title.toLowerCase(), d);
  }
  const issueIds = new Map<string, Draft>();
  if (preset === 'jira') records.forEach((r, i) => issueIds.set(column('Issue id')(r), drafts[i]!));
  const existingByKey = new Map(context.items.filter((x) => x.externalKey !== null).map((x) => [x.externalKey!.toLowerCase(), x]));
  const existingInitiatives = new Map(
    context.items.filter((x) => x.kind === 'initiative' && x.externalKey === null).map((x) => [x.title.toLowerCase(), x]),
  );
  type Parent = { draft: Draft } | { existing: ExistingItem } | { missing: string } | null;
  const parentOf = (d: Draft): Parent => {
    if (d.parentCells.length === 0) return null;
    for (const cell of d.parentCells) {
      const c = cell.toLowerCase();
      const found = byKey.get(c) ?? issueIds.get(cell) ?? byKey.get(githubRef(c));
      if (found && found !== d) return { draft: found };
      const existing = existingByKey.get(c);
      if (existing) return { existing };
    }
    for (const cell of d.parentCells) {
      const found = byTitle.get(cell.toLowerCase());
      if (found && found !== d) return { draft: found };
      const existing = existingInitiatives.get(cell.toLowerCase());
      if (existing) return { existing };
    }
    return { missing: d.parentCells[0]! };
  };
  const parents = new Map(drafts.map((d) => [d, parentOf(d)]));
  // Without a kind column, what others name as their parent is an initiative, the rest stories; a
  // row whose parent is itself a story is a sub-issue, already counted in that story.
  const referenced = new Set([...parents.values()].flatMap((p) => (p && 'draft' in p ? [p.draft] : [])));
  for (const d of drafts) {
    if (d.kind !== null) continue;
    const p = parents.get(d)!;
    d.kind = referenced.has(d) && (p === null || 'missing' in p) ? 'initiative' : 'story';
  }
  for (const d of drafts) {
    const p = parents.get(d)!;
    if (d.kind === 'story' && p && 'draft' in p && p.draft.kind === 'story') d.kind = 'skip';
  }

  const statusCounts = new Map<string, TrackerSource['statuses'][number]>();
  const people = new Map<string, TrackerSource['assignees'][number]>();
  const roster = indexPeople(context.engineers);
  const engineerById = new Map(context.engineers.map((e) => [e.id, e]));
  const seenKeys = new Map<string, number>();
  const values: (TrackerValue | null)[] = [];
  const rows: PreviewRow[] = [];
  const missingParents = new Map<string, number>();

  for (const d of drafts) {
    const errors: Issue[] = [];
    const mappings: Mapped[] = [];
    const status = readStatus(d.statusCell);
    if (d.statusCell !== '') {
      const k = d.statusCell;
      const line = statusCounts.get(k) ?? { from: k, to: status.status, known: status.known, rows: 0 };
      line.rows++;
      statusCounts.set(k, line);
    }
    if (d.kind === 'skip') {
      source.skipped.push({
        line: d.line,
        title: d.title,
        why: preset === 'linear' || preset === 'github' ? 'a sub-issue: its parent issue is the story' : 'a sub-task: part of its story',
      });
      continue;
    }
    if (status.status === 'skipped') {
      source.skipped.push({ line: d.line, title: d.title, why: `${d.statusCell}: cancelled work is not planned` });
      continue;
    }
    const kind = d.kind ?? 'story';
    if (d.kindCell !== '' && !d.derived) mappings.push({ column: 'kind', from: d.kindCell, to: kind });
    const titleR = Title.safeParse(d.title);
    if (!titleR.success) errors.push({ column: 'title', message: titleR.error.issues[0]!.message });
    const title = titleR.success ? titleR.data : d.title;
    if (d.key.length > 300) errors.push({ column: 'key', message: 'A key is at most 300 characters.' });
    if (d.key !== '') {
      const earlier = seenKeys.get(d.key.toLowerCase());
      if (earlier !== undefined) errors.push({ column: 'key', message: `Duplicate key: ${d.key} is also on line ${earlier}.` });
      else seenKeys.set(d.key.toLowerCase(), d.line);
    }
    // Rung: the lead's choice for the kind, else the file's column or a rung: label, else the default.
    const override = rungs[kind];
    const ladder = context.ladder;
    const name = (r: Rank) => levelName(ladder, r);
    let rung: Rank = defaultRung(ladder, kind);
    const fromLabel = rungFromLabels(ladder, d.labels);
    if (override !== null) rung = override;
    else if (d.rungCell !== '') {
      const r = parseLevel(ladder, d.rungCell);
      if (r === null) errors.push({ column: 'rung', message: `Unknown level: "${d.rungCell}" is not on the ladder.` });
      else {
        rung = r;
        if (d.rungCell !== name(r)) mappings.push({ column: 'rung', from: d.rungCell, to: name(r) });
      }
    } else if (fromLabel) {
      rung = fromLabel.rung;
      mappings.push({ column: 'rung', from: fromLabel.label, to: name(fromLabel.rung) });
    }
    if (!allowedRungs(ladder, kind).includes(rung)) {
      errors.push({
        column: 'rung',
        message: `${kind === 'initiative' ? "An initiative's rung" : "A story's rung"} is ${allowedRungs(ladder, kind).map(name).join(', ')}; this row reads as ${name(rung)}.`,
      });
    }
    const size = readSize(d.sizeCell, errors, mappings);
    if (d.statusCell !== '' && STATUS_WORD[status.status] !== d.statusCell) {
      mappings.push({
        column: 'status',
        from: d.statusCell,
        to: STATUS_WORD[status.status] + (status.known ? '' : ' (not a status Rungs knows)'),
      });
    }
    // Parent.
    const p = kind === 'story' ? parents.get(d)! : null;
    let parentRef: string | null = null;
    let parentId: number | null = null;
    let parentText = '';
    if (p && 'draft' in p) {
      if (p.draft.kind !== 'initiative') {
        errors.push({ column: 'parent', message: `The parent "${p.draft.title}" is not an initiative (epic or project) in this file.` });
      } else if (readStatus(p.draft.statusCell).status === 'skipped') {
        mappings.push({ column: 'parent', from: p.draft.title, to: 'no initiative (it is cancelled, so not imported)' });
      } else {
        parentRef = p.draft.ref;
        parentText = p.draft.title;
      }
    } else if (p && 'existing' in p) {
      if (p.existing.kind !== 'initiative')
        errors.push({
          column: 'parent',
          message: `The parent "${p.existing.title}" is a story in ${context.quarterName}, not an initiative.`,
        });
      else {
        parentId = p.existing.id;
        parentText = p.existing.title;
      }
    } else if (p && 'missing' in p) {
      // An export filtered to some stories still imports; the story waits in the backlog for a parent.
      mappings.push({ column: 'parent', from: p.missing, to: `no initiative (not in this file or in ${context.quarterName})` });
      // Any of its cells may be the slip (Jira gives a key, an id and a summary): each is offered a fix.
      for (const cell of new Set(d.parentCells)) missingParents.set(cell, (missingParents.get(cell) ?? 0) + 1);
    }
    const fixed = fixedFrom.get(d);
    if (fixed !== undefined && parentText !== '') mappings.push({ column: 'parent', from: fixed, to: parentText });
    // Owner.
    let assigneeId: number | null = null;
    let assigneeText = '';
    for (const name of d.assignees) {
      const k = personKey(name);
      const m = matchPerson(name, roster);
      const entry = people.get(k) ?? { name, engineer: m.ok ? m.person.name : null, why: m.ok ? '' : m.why, rows: 0 };
      entry.rows++;
      people.set(k, entry);
      if (m.ok && assigneeId === null) {
        assigneeId = m.person.id;
        assigneeText = m.person.name;
        if (m.person.name !== name.replace(/\s+/g, ' ')) mappings.push({ column: 'assignee', from: name, to: m.person.name });
      }
    }
    if (assigneeText === '' && d.assignees.length > 0)
      mappings.push({ column: 'assignee', from: d.assignees.join(', '), to: 'no one (not matched)' });

    // Re-import: the key finds what the last import made.
    const existing = d.key !== '' ? existingByKey.get(d.key.toLowerCase()) : undefined;
    if (!existing && d.key === '' && kind === 'initiative' && existingInitiatives.has(title.toLowerCase())) {
      errors.push({
        column: 'title',
        message: `Duplicate initiative: "${title}" is already in ${context.quarterName}; give the file a key column to update it.`,
      });
    }
    if (existing && existing.kind !== kind) {
      errors.push({
        column: 'kind',
        message: `${d.key} is a${existing.kind === 'initiative' ? 'n initiative' : ' story'} in ${context.quarterName}; a re-import does not change an item's kind.`,
      });
    }
    const differences: Difference[] = [];
    if (existing) {
      if (existing.title !== title) differences.push({ field: 'title', from: existing.title, to: title });
      if (existing.size !== size)
        differences.push({
          field: 'size',
          from: existing.size === null ? 'none' : String(existing.size),
          to: size === null ? 'none' : String(size),
        });
      if (existing.status !== status.status)
        differences.push({ field: 'status', from: STATUS_LABEL[existing.status], to: STATUS_LABEL[status.status as Status] });
      const before = existing.parent?.title ?? 'none';
      const after = parentText === '' ? 'none' : parentText;
      const sameParent =
        existing.parent === null
          ? parentText === ''
          : p && 'draft' in p
            ? existing.parent.key?.toLowerCase() === p.draft.key.toLowerCase()
            : before === after;
      if (!sameParent) differences.push({ field: 'parent', from: before, to: after });
    }
    const change = existing ? (differences.length > 0 ? 'update' : 'unchanged') : 'new';
    if (assigneeId !== null && change === 'new') {
      const who = engineerById.get(assigneeId)!;
      if (fit(rung, who.level).kind === 'overreach') {
        source.warnings.push({
          line: d.line,
          title,
          message: `Overreach: '${title}' (${name(rung)}) is more than one rung past ${who.name} (${name(who.level)}).`,
        });
      }
    }
    // A cell shows what the file says; where Rungs read it as something else, the mapping says what.
    const read: Record<(typeof TRACKER_COLUMNS)[number], string> = {
      key: d.key,
      kind,
      title,
      parent: parentText,
      rung: name(rung),
      size: size === null ? '' : String(size),
      status: STATUS_LABEL[status.status as Status],
      assignee: assigneeText || d.assignees.join(', '),
    };
    const shownMappings = mappings.filter((m) => m.from.toLowerCase() !== m.to.toLowerCase());
    const cells = TRACKER_COLUMNS.map((c) => shownMappings.find((m) => m.column === c)?.from ?? read[c]);
    rows.push({
      line: d.line,
      cells,
      errors,
      mappings: shownMappings,
      change: errors.length > 0 ? null : change,
      differences: errors.length > 0 ? [] : differences,
    });
    values.push(
      errors.length > 0
        ? null
        : {
            line: d.line,
            ref: d.ref,
            kind,
            title,
            externalKey: d.key === '' ? null : d.key,
            parent: parentRef,
            parentId,
            rung,
            size,
            status: status.status as Status,
            assigneeId,
            change,
            existingId: existing?.id ?? null,
          },
    );
  }
  source.statuses = [...statusCounts.values()];
  source.assignees = [...people.values()];
  // Skipped rows and unmatched names are the preview's own lists (TrackerSource), said once, there.
  const notes: string[] = [];
  // By line, not by a search per row: a 3,000-row export would make that 9 million comparisons.
  const assigneeAt = new Map<number, number | null>();
  for (const v of values) if (v && !assigneeAt.has(v.line)) assigneeAt.set(v.line, v.assigneeId);
  const preview: ImportPreview = {
    kind: 'backlog',
    ...summarized(rows, []),
    columns: [...TRACKER_COLUMNS],
    fileErrors: [],
    reading: reading(input, parsed.delimiter),
    notes,
    rows,
    // The matched engineers are in the cells: a roster edited after the preview changes it.
    fingerprint: fingerprint(
      rows.map((r) => [r.line, r.change, r.differences, r.mappings, r.cells, assigneeAt.get(r.line) ?? null]),
      source.warnings,
    ),
    source,
    // A parent that names no initiative may be a slip of one a title would find: "did you mean …?".
    suggestions: suggestions(
      'parent',
      missingParents,
      [...drafts.filter((d) => d.kind === 'initiative').map((d) => d.title), ...[...existingInitiatives.values()].map((x) => x.title)],
      false,
    ),
  };
  return { preview, values: preview.summary.invalid === 0 ? (values as TrackerValue[]) : [], mapping, header: fp };
}

/** A tracker estimate: points, read up to a whole number (Jira writes "3.0"; half points round up). */
function readSize(cell: string, errors: Issue[], mappings: Mapped[]): number | null {
  if (cell === '') return null;
  const n = Number(cell.replace(',', '.'));
  if (!/^\s*\d+([.,]\d+)?\s*$/.test(cell) || !Number.isFinite(n)) {
    errors.push({ column: 'size', message: `Bad number: "${cell}" is not a number of points.` });
    return null;
  }
  const whole = Math.ceil(n);
  const r = Points.safeParse(whole);
  if (!r.success) {
    errors.push({ column: 'size', message: `Bad number: "${cell}": at most ${LIMITS.points} points.` });
    return null;
  }
  if (String(whole) !== cell.trim()) mappings.push({ column: 'size', from: cell, to: String(whole) });
  return whole;
}

/** "https://github.com/acme/pay/issues/12" and "acme/pay#12" name the same issue. */
function githubRef(ref: string): string {
  const m = /^([\w.-]+)\/([\w.-]+)#(\d+)$/.exec(ref);
  return m ? `https://github.com/${m[1]}/${m[2]}/issues/${m[3]}` : ref;
}

/** Each tracker's own rules on top of its mapping. */
function presetRules(
  preset: PresetId | null,
  drafts: Draft[],
  records: { line: number; values: Map<string, string[]> }[],
  column: (name: string) => (r: { values: Map<string, string[]> }) => string,
) {
  if (preset === 'linear') {
    // A project becomes one initiative; its issues are its stories. A sub-issue is part of its
    // parent issue, whose estimate already counts it.
    const projects = new Map<string, Draft>();
    const parentIssue = column('Parent issue');
    drafts.forEach((d, i) => {
      if (parentIssue(records[i]!) !== '') d.kind = 'skip';
      else d.kind = 'story';
      const project = d.parentCells[0];
      if (project && !projects.has(project.toLowerCase())) {
        const key = `Linear project: ${project}`;
        projects.set(project.toLowerCase(), {
          line: d.line,
          ref: `key:${key}`,
          key,
          title: project,
          kind: 'initiative',
          kindCell: '',
          parentCells: [],
          rungCell: '',
          sizeCell: '',
          statusCell: '',
          assignees: [],
          labels: [],
          derived: true,
        });
      }
      d.parentCells = project ? [`Linear project: ${project}`] : [];
    });
    drafts.unshift(...projects.values());
  }
  // Jira's types (Epic, Story, Task, Bug, Sub-task) and GitHub's parent links are read by the
  // common rules: readKind, and the parent inference for files without a type column.
}
