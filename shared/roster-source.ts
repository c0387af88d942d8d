import { z } from 'zod';
import { Points } from './schemas.ts';

// A roster from an HR system's people export (Workday, BambooHR, HiBob, or any sheet) rather than
// Rungs' own columns: each Rungs field takes the column its header suggests ("Employee Name",
// "Job Title", "Department", "FTE", "Status"), the lead may change any of them in the preview,
// and the mapping is remembered per header like a tracker's.

export const ROSTER_FIELDS = ['name', 'level', 'team', 'capacity', 'active', 'key'] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];
export const ROSTER_FIELD_LABEL: Record<RosterField, string> = {
  name: 'Name',
  level: 'Level',
  team: 'Team',
  capacity: 'Capacity',
  active: 'Status',
  key: 'Employee ID',
};
/** Fields read from up to two columns joined with a space: a name from "First Name" and "Last Name". */
export const JOINED_FIELDS: readonly RosterField[] = ['name'];

/**
 * Field → the columns it reads (one or none; a name one or two, joined): the same shape as a
 * tracker's mapping, so one table edits both. A mapping saved before the employee id was a field
 * has no `key`, and reads as none.
 */
export type RosterMapping = Record<RosterField, string[]>;
const Columns = (max: number) => z.array(z.string().max(300)).max(max);
export const RosterMappingSchema = z.strictObject({
  name: Columns(2),
  level: Columns(1),
  team: Columns(1),
  capacity: Columns(1),
  active: Columns(1),
  key: Columns(1).default([]),
});

/** Headers compare by their letters and digits alone: "Employee  Name", "employee_name" and "EmployeeName" are one. */
export const headerWord = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}%]+/gu, '');

/** Names HR exports give each field, best first: a file with both "Level" and "Job Title" reads "Level". */
const HR_HEADERS: Record<RosterField, string[]> = {
  name: ['name', 'preferredname', 'displayname', 'fullname', 'employeename', 'employee', 'worker', 'workername', 'legalname', 'person'],
  level: ['level', 'joblevel', 'careerlevel', 'grade', 'jobgrade', 'jobtitle', 'title', 'businesstitle', 'jobprofile', 'position', 'role'],
  team: ['team', 'squad', 'department', 'dept', 'supervisoryorganization', 'organization', 'org', 'group', 'unit', 'division'],
  capacity: ['capacity', 'points', 'fte', 'fulltimeequivalent', 'allocation', 'allocation%', 'workingtime', 'worktime%', 'fte%'],
  active: ['active', 'status', 'employmentstatus', 'employeestatus', 'workerstatus', 'activestatus', 'lifecyclestatus'],
  key: ['key', 'employeeid', 'employeenumber', 'employeeno', 'workerid', 'personid', 'personnelnumber', 'staffid', 'empid', 'hrid'],
};
/** A name in two columns: the given name (first found) and the family name. */
const FIRST_NAME_HEADERS = ['firstname', 'givenname', 'preferredname', 'forename', 'legalfirstname', 'preferredfirstname'];
const LAST_NAME_HEADERS = ['lastname', 'surname', 'familyname', 'legallastname', 'preferredlastname'];
/** Headers that hold a whole name, which wins over two halves. */
const WHOLE_NAME_HEADERS = ['name', 'displayname', 'fullname', 'employeename', 'employee', 'worker', 'workername', 'legalname', 'person'];

/**
 * A header is Rungs' own when it names its required columns as its export writes them, or names
 * nothing else (then a missing column is the file's mistake, said as for Rungs' own file). An
 * employee id under an HR name ("Employee ID") makes it an HR export's, so the mapping reads the id.
 */
export const isRungsRosterHeader = (header: readonly string[]): boolean => {
  const has = new Set(header.map((h) => h.trim().toLowerCase()).filter((h) => h !== ''));
  if ([...has].some((h) => h !== 'key' && HR_HEADERS.key.includes(headerWord(h)))) return false;
  return (
    (has.has('name') && has.has('level') && has.has('team')) || [...has].every((h) => (ROSTER_FIELDS as readonly string[]).includes(h))
  );
};

/** The first mapping for an HR header: each field takes the best column its name suggests, no column twice. */
export function guessRosterMapping(header: readonly string[]): RosterMapping {
  const byWord = new Map<string, string>();
  for (const h of header) if (h.trim() !== '' && !byWord.has(headerWord(h))) byWord.set(headerWord(h), h.trim());
  const used = new Set<string>();
  const out = Object.fromEntries(ROSTER_FIELDS.map((f) => [f, []])) as unknown as RosterMapping;
  // No whole-name column but a given and a family name: the name is both, in that order.
  const first = FIRST_NAME_HEADERS.find((w) => byWord.has(w));
  const last = LAST_NAME_HEADERS.find((w) => byWord.has(w));
  if (!WHOLE_NAME_HEADERS.some((w) => byWord.has(w)) && first !== undefined && last !== undefined) {
    out.name = [byWord.get(first)!, byWord.get(last)!];
    used.add(first).add(last);
  }
  for (const f of ROSTER_FIELDS) {
    if (out[f].length > 0) continue;
    const hit = HR_HEADERS[f].find((w) => byWord.has(w) && !used.has(w));
    if (hit !== undefined) {
      used.add(hit);
      out[f] = [byWord.get(hit)!];
    }
  }
  return out;
}

/** A mapping kept only where it names columns this header has (a saved one may be older than the file). */
export function fitRosterMapping(m: Partial<RosterMapping>, header: readonly string[]): RosterMapping {
  const has = new Set(header.map((h) => h.trim().toLowerCase()));
  return Object.fromEntries(ROSTER_FIELDS.map((f) => [f, (m[f] ?? []).filter((c) => has.has(c.trim().toLowerCase()))])) as RosterMapping;
}

/**
 * How a capacity column counts: in points (Rungs' own) or as a share of full time (an HR sheet's
 * FTE, 0.8 or 80%). A share column is named so (FTE, Allocation, a %), or holds only shares.
 */
export type CapacityUnit = 'points' | 'share';
const SHARE_HEADERS = /fte|fulltimeequivalent|allocation|workingtime|worktime|percent|%/;
export function capacityUnit(header: string, values: readonly string[]): CapacityUnit {
  if (SHARE_HEADERS.test(headerWord(header))) return 'share';
  const filled = values.map((v) => v.trim()).filter((v) => v !== '');
  const share = (v: string) => /%$/.test(v) || (/^\d*[.,]\d+$|^[01]$/.test(v) && Number(v.replace(',', '.')) <= 1);
  // Every value a share, and at least one a fraction or a percentage: "1" alone could be a point.
  return filled.length > 0 && filled.every(share) && filled.some((v) => v !== '1' && v !== '0') ? 'share' : 'points';
}

/** A share of full time: 0.8, 0,8, 80% or 80 (a percentage without its sign) → 0.8; null when it is not one. */
export function readShare(cell: string): number | null {
  const t = cell.trim().replace(',', '.');
  const m = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(t);
  if (!m) return null;
  const n = Number(m[1]);
  const share = m[2] === '%' || n > 1.5 ? n / 100 : n;
  return share >= 0 && share <= 1.5 ? share : null;
}

/** A full-time engineer's points: the most common capacity on the roster, or 10 for an empty one. */
export function usualCapacity(capacities: readonly (number | null)[]): number {
  const counts = new Map<number, number>();
  for (const c of capacities) if (c !== null && c > 0) counts.set(c, (counts.get(c) ?? 0) + 1);
  let best = 10;
  let most = 0;
  for (const [c, n] of counts) if (n > most || (n === most && c > best)) [best, most] = [c, n];
  return best;
}

/**
 * What an HR status means for the roster: someone working (active), someone away but still on the
 * team (on leave: imported, not active, so nothing new is assigned to them), or someone who left
 * (not added; if already on the roster, made inactive). A status Rungs does not know reads as
 * working, and the preview says so.
 */
export type Employment = 'active' | 'away' | 'left';
const EMPLOYMENT_WORDS: Record<string, Employment> = {
  active: 'active',
  yes: 'active',
  true: 'active',
  1: 'active',
  y: 'active',
  employed: 'active',
  current: 'active',
  regular: 'active',
  fulltime: 'active',
  parttime: 'active',
  probation: 'active',
  leave: 'away',
  onleave: 'away',
  leaveofabsence: 'away',
  loa: 'away',
  parentalleave: 'away',
  maternityleave: 'away',
  paternityleave: 'away',
  sabbatical: 'away',
  inactive: 'left',
  no: 'left',
  false: 'left',
  0: 'left',
  n: 'left',
  terminated: 'left',
  former: 'left',
  left: 'left',
  departed: 'left',
  resigned: 'left',
  retired: 'left',
  withdrawn: 'left',
  offboarded: 'left',
  separated: 'left',
  exited: 'left',
};
export function readEmployment(cell: string): { employment: Employment; known: boolean } {
  const k = cell.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (k === '') return { employment: 'active', known: true };
  const e = EMPLOYMENT_WORDS[k];
  return e === undefined ? { employment: 'active', known: false } : { employment: e, known: true };
}

const EmploymentSchema = z.enum(['active', 'away', 'left']);

/** How an HR export was read, for the preview; absent for Rungs' own columns. */
export const RosterSourceSchema = z.object({
  /** The header's fingerprint: the mapping is remembered under it. */
  header: z.string(),
  /** True when the mapping came from an earlier import of a file with this header. */
  remembered: z.boolean(),
  mapping: RosterMappingSchema,
  columns: z.array(z.object({ name: z.string(), samples: z.array(z.string()) })),
  /** How the capacity column counts, and a full-time engineer's points when it counts shares. */
  capacity: z.object({ unit: z.enum(['points', 'share']).nullable(), fullTime: Points }),
  statuses: z.array(z.object({ from: z.string(), to: EmploymentSchema, known: z.boolean(), rows: z.int() })),
  /** Rows not imported: people who left and are not on the roster. */
  skipped: z.array(z.object({ line: z.int(), name: z.string(), why: z.string() })),
});
export type RosterSource = z.infer<typeof RosterSourceSchema>;

/** What the lead may change in a roster preview; the commit sends the same, so it checks what was shown. */
export const RosterOptionsSchema = z.strictObject({
  mapping: RosterMappingSchema.optional(),
  fullTime: Points.refine((n) => n > 0, 'A full-time engineer has more than 0 points').optional(),
});
export type RosterOptions = z.infer<typeof RosterOptionsSchema>;

export const rosterMappingSettingKey = (fingerprint: string) => `import.roster-mapping.${fingerprint}`;
