import { z } from 'zod';
import { type Ladder, type Rank, type Status, type WorkKind, parseLevel } from '../ladder.ts';

// Where a backlog comes from when it is not Rungs' own CSV: a tracker's export (Jira, Linear,
// GitHub Projects) or any sheet whose columns the lead maps. A preset is a mapping Rungs already
// knows plus the tracker's own way of saying what is an initiative, a story and a parent; a
// mapping the lead edits is remembered per header, so next quarter's export reads the same way.

/** The Rungs fields a column of the file can feed. */
export const MAP_FIELDS = ['key', 'title', 'kind', 'parent', 'rung', 'size', 'status', 'assignee', 'labels'] as const;
export type MapField = (typeof MAP_FIELDS)[number];
export const MAP_FIELD_LABEL: Record<MapField, string> = {
  key: 'External key',
  title: 'Title',
  kind: 'Kind',
  parent: 'Parent',
  rung: 'Rung',
  size: 'Size',
  status: 'Status',
  assignee: 'Assignee',
  labels: 'Labels',
};

/**
 * Field → the columns it reads, by header name, first non-empty value winning (Jira keeps story
 * points in either of two custom fields). A repeated column (Jira's Labels) gives every value.
 */
export type ColumnMapping = Record<MapField, string[]>;
export const ColumnMappingSchema = z.strictObject(
  Object.fromEntries(MAP_FIELDS.map((f) => [f, z.array(z.string().max(300)).max(8)])) as Record<MapField, z.ZodArray<z.ZodString>>,
);

export const PRESETS = ['jira', 'linear', 'github'] as const;
export type PresetId = (typeof PRESETS)[number];
export const PRESET_NAMES: Record<PresetId, string> = {
  jira: 'Jira Cloud CSV',
  linear: 'Linear CSV',
  github: 'GitHub Projects export',
};

/** Header names compare whatever their case and surrounding spaces, like every name in Rungs. */
export const columnKey = (s: string) => s.trim().toLowerCase();

const mapping = (m: Partial<ColumnMapping>): ColumnMapping => Object.fromEntries(MAP_FIELDS.map((f) => [f, m[f] ?? []])) as ColumnMapping;

/** Each preset's columns, as the tracker names them in its export. */
export const PRESET_MAPPINGS: Record<PresetId, ColumnMapping> = {
  jira: mapping({
    key: ['Issue key'],
    title: ['Summary'],
    kind: ['Issue Type'],
    // Newer exports name the parent by issue id (Parent) and key; older ones by id or Epic Link.
    parent: ['Parent key', 'Parent', 'Parent id', 'Custom field (Epic Link)', 'Parent summary'],
    size: ['Custom field (Story Points)', 'Custom field (Story point estimate)'],
    status: ['Status'],
    assignee: ['Assignee'],
    labels: ['Labels'],
  }),
  linear: mapping({
    key: ['ID'],
    title: ['Title'],
    parent: ['Project'],
    size: ['Estimate'],
    status: ['Status'],
    assignee: ['Assignee'],
    labels: ['Labels'],
  }),
  github: mapping({
    key: ['URL'],
    title: ['Title'],
    parent: ['Parent issue'],
    size: ['Estimate', 'Size', 'Story Points', 'Points'],
    status: ['Status'],
    assignee: ['Assignees'],
    labels: ['Labels'],
  }),
};

/** The column a preset cannot do without: the key that makes a re-import update, not duplicate. */
export const PRESET_KEY_HELP: Record<PresetId, string> = {
  jira: 'Export with "All fields" (or add the Issue key column to the view) and pick the file again.',
  linear: 'Export the issues again from Linear (the ID column is always in its CSV) and pick that file.',
  github: 'Show the URL field in the project view, use "Export view data" again and pick that file.',
};

/**
 * Which tracker wrote this header, if any. Recognised by columns only that tracker writes, so a
 * file missing its key column is still recognised, and refused with the column it lacks.
 */
export function recognisePreset(header: readonly string[]): PresetId | null {
  const has = new Set(header.map(columnKey));
  if (has.has('summary') && (has.has('issue type') || has.has('issue key') || has.has('issue id'))) return 'jira';
  if (has.has('title') && has.has('assignees') && (has.has('repository') || has.has('url') || has.has('parent issue'))) return 'github';
  if (has.has('title') && ['cycle number', 'cycle name', 'project', 'creator', 'priority'].some((c) => has.has(c))) return 'linear';
  return null;
}

/** Rungs' own backlog header: the columns its export and its template name. */
export const isRungsBacklogHeader = (header: readonly string[]): boolean => {
  const has = new Set(header.map(columnKey));
  return has.has('kind') && has.has('title');
};

/**
 * A header's fingerprint: the same export (whatever order its columns come in) maps the same way
 * next time. FNV-1a over the sorted names; enough to tell sources apart, not a security hash.
 */
export function headerFingerprint(header: readonly string[]): string {
  const text = [...new Set(header.map(columnKey).filter((c) => c !== ''))].sort().join('\u0000');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}-${h.toString(36)}`;
}
export const mappingSettingKey = (fingerprint: string) => `import.mapping.${fingerprint}`;

/** Names a sheet commonly gives each field, for a first guess the lead then corrects. */
const GUESSES: Record<MapField, string[]> = {
  key: ['key', 'id', 'issue key', 'issue', 'url', 'ticket', 'reference', 'ref'],
  title: ['title', 'summary', 'name', 'task', 'item'],
  kind: ['kind', 'type', 'issue type', 'work type'],
  parent: ['parent', 'epic', 'initiative', 'project', 'parent issue', 'epic link'],
  rung: ['rung'],
  size: ['size', 'points', 'story points', 'estimate', 'sp'],
  status: ['status', 'state'],
  assignee: ['assignee', 'assignees', 'owner', 'dri', 'assigned to'],
  labels: ['labels', 'label', 'tags'],
};

/** A first mapping for a header no preset knows: each field takes the column its name suggests. */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const byKey = new Map<string, string>();
  for (const h of header) if (h.trim() !== '' && !byKey.has(columnKey(h))) byKey.set(columnKey(h), h.trim());
  const used = new Set<string>();
  const out = mapping({});
  for (const f of MAP_FIELDS) {
    const hit = GUESSES[f].find((g) => byKey.has(g) && !used.has(g));
    if (hit !== undefined) {
      used.add(hit);
      out[f] = [byKey.get(hit)!];
    }
  }
  return out;
}

const SAMPLES = 3;
/** Rows looked at for samples: a column empty in its first rows is shown without, rather than read to the end. */
const SAMPLE_ROWS = 200;

/** Each column of the file (repeated ones once) with its first few different values, for picking a mapping. */
export function columnSamples(
  header: readonly string[],
  places: ReadonlyMap<string, readonly number[]>,
  records: readonly { values: ReadonlyMap<string, readonly string[]> }[],
): { name: string; samples: string[] }[] {
  return [...places.keys()]
    .filter((k) => k !== '')
    .map((k) => {
      const name = header[places.get(k)![0]!]!.trim();
      const samples: string[] = [];
      for (const r of records.slice(0, SAMPLE_ROWS)) {
        for (const v of r.values.get(k) ?? []) {
          const t = v.trim();
          if (t !== '' && !samples.includes(t) && samples.length < SAMPLES) samples.push(t.slice(0, 60));
        }
        if (samples.length >= SAMPLES) break;
      }
      return { name, samples };
    });
}

/** A mapping kept only where it names columns this header has (a saved one may be older than the file). */
export function fitMapping(m: ColumnMapping, header: readonly string[]): ColumnMapping {
  const has = new Set(header.map(columnKey));
  return Object.fromEntries(MAP_FIELDS.map((f) => [f, (m[f] ?? []).filter((c) => has.has(columnKey(c)))])) as ColumnMapping;
}

/** What an imported status becomes: one of the plan's, or skipped (cancelled work is not planned). */
export type StatusReading = { status: Status | 'skipped'; known: boolean };
const STATUS_WORDS: Record<string, Status | 'skipped'> = {
  todo: 'planned',
  backlog: 'planned',
  open: 'planned',
  new: 'planned',
  triage: 'planned',
  planned: 'planned',
  ready: 'planned',
  unstarted: 'planned',
  selectedfordevelopment: 'planned',
  readyfordevelopment: 'planned',
  inprogress: 'in_progress',
  inreview: 'in_progress',
  started: 'in_progress',
  doing: 'in_progress',
  codereview: 'in_progress',
  review: 'in_progress',
  inqa: 'in_progress',
  qa: 'in_progress',
  testing: 'in_progress',
  blocked: 'in_progress',
  done: 'done',
  closed: 'done',
  resolved: 'done',
  complete: 'done',
  completed: 'done',
  shipped: 'done',
  released: 'done',
  merged: 'done',
  canceled: 'skipped',
  cancelled: 'skipped',
  wontdo: 'skipped',
  wontfix: 'skipped',
  duplicate: 'skipped',
  declined: 'skipped',
  rejected: 'skipped',
};
/**
 * To Do, Backlog, Todo → planned; In Progress, In Review → in progress; Done, Closed → done;
 * Canceled/Cancelled → skipped. A status Rungs does not know is read as planned and said so, so a
 * team's own workflow ("Ready for QA") never blocks an import.
 */
export function readStatus(cell: string): StatusReading {
  const k = cell.toLowerCase().replace(/[^a-z]/g, '');
  if (k === '') return { status: 'planned', known: true };
  const s = STATUS_WORDS[k];
  return s === undefined ? { status: 'planned', known: false } : { status: s, known: true };
}

/**
 * A person's name as the roster and a tracker might both spell it: "José  García" and "jose garcia"
 * are one person. Case, accents and spacing aside; nothing else (no nicknames, no initials).
 */
export const personKey = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s._-]+/g, ' ')
    .trim();

export type Person = { id: number; name: string; active: boolean };
export type PersonMatch = { ok: true; person: Person } | { ok: false; why: string };

/** The roster by personKey, made once per file: a 3,000-row export names the same few people again and again. */
export type PeopleIndex = ReadonlyMap<string, readonly Person[]>;
export function indexPeople(people: readonly Person[]): PeopleIndex {
  const index = new Map<string, Person[]>();
  for (const p of people) {
    const k = personKey(p.name);
    index.set(k, [...(index.get(k) ?? []), p]);
  }
  return index;
}

/** The active engineer a tracker's name means; an inactive one, or two of the same name, match no one. */
export function matchPerson(name: string, people: readonly Person[] | PeopleIndex): PersonMatch {
  const index: PeopleIndex = people instanceof Map ? people : indexPeople(people as readonly Person[]);
  const same = index.get(personKey(name)) ?? [];
  const active = same.filter((p) => p.active);
  if (active.length === 1) return { ok: true, person: active[0]! };
  if (active.length > 1) return { ok: false, why: `${active.length} engineers on the roster are called ${active[0]!.name}` };
  if (same.length > 0) return { ok: false, why: `${same[0]!.name} is inactive` };
  return { ok: false, why: 'not on the roster' };
}

/** A label that sets the rung: "rung:mid", "rung-senior", "Rung: Junior". */
export function rungFromLabels(ladder: Ladder, labels: readonly string[]): { rung: Rank; label: string } | null {
  for (const label of labels) {
    const m = /^rung\s*[:=_-]\s*(.+)$/i.exec(label.trim());
    const r = m ? parseLevel(ladder, m[1]!) : null;
    if (r !== null) return { rung: r, label: label.trim() };
  }
  return null;
}

/**
 * What kind of item a tracker's type names. Epics and projects are initiatives; sub-tasks are
 * parts of a story, already counted in it, so they are skipped; everything else is a story.
 */
export function readKind(cell: string): WorkKind | 'skip' | null {
  const k = cell.toLowerCase().replace(/[^a-z]/g, '');
  if (k === '') return null;
  if (['epic', 'initiative', 'initiatives', 'project', 'feature set'].includes(k)) return 'initiative';
  if (['subtask', 'subtasks', 'subissue', 'subbug'].includes(k)) return 'skip';
  return 'story';
}
