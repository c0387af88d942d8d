import { z } from 'zod';
import { Ladder } from '../ladder.ts';
import { DEFAULT_LADDER } from '../default-ladder.ts';
import { type CsvFile, IMPORT_LIMITS, ImportKindSchema, ImportPreview } from '../import.ts';
import { Assignment, Engineer, Id, LevelChange, Mutation, Quarter, Team, WorkItem } from '../schemas.ts';
import { channel } from './channel.ts';
import { TrackerOptionsSchema } from '../tracker/preview.ts';
import { RosterOptionsSchema } from '../roster-source.ts';
import { CorrectionsSchema } from '../import-fixes.ts';
import { longestLine, looksBinary } from '../text-file.ts';
import { NOT_TEXT, decodeText, fromBase64 } from '../decode.ts';
import { csvLonger, looksLikeWorkbook, readWorkbook, rowsToCsv } from '../xlsx.ts';
import { parseRows } from '../csv.ts';
import { noun } from '../words.ts';

// Data in and out: CSV imports with a preview, CSV exports, and the whole database as JSON.
// These channels see and return bytes, text or plain data; where a file goes or comes from (a
// native dialog in Electron, a download or file input in the browser) is renderer/files.ts's
// business, through the shell channels (shell.ts).

const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

/**
 * A CSV file's bytes, as base64: the file as it is on disk, so its encoding is decided here, by
 * shared/decode.ts, on the same bytes for the preview and the commit, whichever transport sent them.
 * Parsed into its text and how it was read; an Excel workbook's bytes are kept as they are, to be
 * read with the sheet the request names (CsvImport below).
 */
export const CsvBytes = z
  .string()
  .max(
    base64Length(IMPORT_LIMITS.csvBytes),
    `The file is larger than 10 MB (${IMPORT_LIMITS.csvBytes.toLocaleString('en')} bytes); split it into smaller files.`,
  )
  .transform((base64, ctx) => {
    const refuse = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    const bytes = fromBase64(base64);
    if (!bytes) return refuse('The file did not arrive whole: its bytes are not base64. Pick it again.');
    if (looksLikeWorkbook(bytes)) return { workbook: bytes };
    const decoded = decodeText(bytes);
    if (!decoded.ok) return refuse(decoded.error);
    const { text, encoding, note } = decoded;
    if (text.length > IMPORT_LIMITS.csvChars) {
      return refuse(
        `The file is larger than 5 MB (${IMPORT_LIMITS.csvChars.toLocaleString('en')} characters); split it into smaller files.`,
      );
    }
    if (longestLine(text) > IMPORT_LIMITS.lineChars) {
      return refuse(
        `A line is longer than ${IMPORT_LIMITS.lineChars.toLocaleString('en')} characters; this does not look like a CSV file.`,
      );
    }
    return { text, encoding, note };
  });

const csvImportFields = {
  kind: ImportKindSchema,
  /** The quarter a backlog lands in; null for a roster, which every quarter shares. */
  quarterId: Id.nullable(),
  bytes: CsvBytes,
  /** A tracker export's mapping and rungs as the lead set them in the preview. */
  tracker: TrackerOptionsSchema.optional(),
  /** An HR export's mapping and full-time points as the lead set them in the preview. */
  roster: RosterOptionsSchema.optional(),
  /** Misspelt teams or parents the lead fixed, and levels picked for unknown titles, in the preview. */
  corrections: CorrectionsSchema.optional(),
  /** For a workbook: the file's name, for the preview to say where the rows came from. */
  fileName: z.string().max(260).optional(),
  /** For a workbook: the sheet the lead picked; the first sheet when absent. */
  sheet: z.string().max(200).optional(),
};

/**
 * A workbook read into the rows of its sheet, split into records as a CSV file's would be, so
 * everything after this (mapping, presets, the preview, the commit) is the CSV path. Read here, in
 * the roster's process, with shared/xlsx.ts's limits; a refusal is an invalid_input like a CSV
 * file's. The sheet is held to the CSV text limit as if written as CSV, without writing it.
 */
const readSheet = <T extends { bytes: z.output<typeof CsvBytes>; fileName?: string | undefined; sheet?: string | undefined }>(
  request: T,
  ctx: z.RefinementCtx,
) => {
  const { bytes, fileName, sheet, ...rest } = request;
  if (!('workbook' in bytes) || !bytes.workbook) return { ...rest, bytes: bytes as CsvFile };
  const book = readWorkbook(bytes.workbook, sheet);
  if (!book.ok) {
    ctx.addIssue({ code: 'custom', message: book.error, path: ['bytes'] });
    return z.NEVER;
  }
  if (csvLonger(book.rows, IMPORT_LIMITS.csvChars)) {
    ctx.addIssue({
      code: 'custom',
      message: `This sheet holds more than ${IMPORT_LIMITS.csvChars.toLocaleString('en')} characters; split it into smaller sheets.`,
      path: ['bytes'],
    });
    return z.NEVER;
  }
  const said = `Read from sheet '${book.sheet}'${fileName ? ` of ${fileName}` : ''}.`;
  let text: string | undefined;
  const file: CsvFile = {
    // Nothing on the import path reads a sheet's text (it reads `parsed`); written on demand for anything that does.
    get text() {
      return (text ??= rowsToCsv(book.rows));
    },
    encoding: 'utf-8',
    note: '',
    said,
    sheets: book.sheets,
    sheet: book.sheet,
    parsed: parseRows(book.rows),
  };
  return { ...rest, bytes: file };
};
const CsvImport = z.strictObject(csvImportFields).transform(readSheet);

export const DOCUMENT_FORMAT = 'rungs';
/**
 * Version 2 gave work items a team and the quarter they were carried over from; version 3 their
 * tracker's key. Version 1 and 2 documents still import: their work gets the team the migration
 * gives older rosters (see upgradeWork below) and no key.
 * Version 4 carries the roster's ladder; earlier ones import onto the competency map's: their
 * levels and rungs are positions on that one. Version 5 carries each engineer's employee id from
 * their HR system; earlier ones import without.
 */
export const DOCUMENT_VERSION = 5;
const READABLE_VERSIONS: readonly number[] = [1, 2, 3, 4, 5];

/** The whole database as one versioned document. The change log stays behind: history is per file. */
// Strict at every level: a field this version does not know (or a __proto__ key) is refused, not
// silently dropped, since it means the file is not what Rungs wrote.
const many = <T extends z.ZodType>(item: T, what: string) =>
  z
    .array(item)
    .max(IMPORT_LIMITS.rows, `More than ${IMPORT_LIMITS.rows.toLocaleString('en')} ${what}; Rungs does not import a document this large.`);
// The document names the employee id `externalKey`, as version 5 first wrote it (KeyedEngineer).
const PlainEngineer = z.strictObject(Engineer.omit({ employeeId: true }).shape);
const documentOf = <V extends number, W extends z.ZodType, X extends z.ZodRawShape = {}, E extends z.ZodType = typeof PlainEngineer>(
  version: V,
  workItem: W,
  extra?: X,
  engineer?: E,
) =>
  z.strictObject({
    ...(extra as X),
    format: z.literal(DOCUMENT_FORMAT, 'This is not a Rungs document: "format" must be "rungs".'),
    version: z.literal(version),
    exportedAt: z.iso.datetime(),
    teams: many(z.strictObject(Team.shape), 'teams'),
    engineers: many((engineer ?? PlainEngineer) as E, 'engineers'),
    levelChanges: many(z.strictObject(LevelChange.shape), 'level changes'),
    quarters: many(z.strictObject(Quarter.shape), 'quarters'),
    workItems: many(workItem, 'work items'),
  });
const DocumentAssignment = z.strictObject(Assignment.shape).nullable();
/** A tracker's key (a Jira issue key, a Linear ID): kept, so the restored plan's next re-import updates instead of duplicating. */
const ExternalKey = z.string().min(1).max(300).nullable();
const KeyedWork = z.strictObject({ ...WorkItem.shape, externalKey: ExternalKey, assignment: DocumentAssignment });
/** The HR system's id of each engineer, so the restored roster's next HR import matches by it. */
const KeyedEngineer = z.strictObject({ ...PlainEngineer.shape, externalKey: ExternalKey });
export const RungsDocument = documentOf(DOCUMENT_VERSION, KeyedWork, { ladder: Ladder }, KeyedEngineer);
const RungsDocumentV4 = documentOf(4, KeyedWork, { ladder: Ladder });
type RungsDocumentV4 = z.infer<typeof RungsDocumentV4>;
const RungsDocumentV3 = documentOf(3, z.strictObject({ ...WorkItem.shape, externalKey: ExternalKey, assignment: DocumentAssignment }));
type RungsDocumentV3 = z.infer<typeof RungsDocumentV3>;
export type RungsDocument = z.infer<typeof RungsDocument>;
const RungsDocumentV2 = documentOf(2, z.strictObject({ ...WorkItem.shape, assignment: DocumentAssignment }));
type RungsDocumentV2 = z.infer<typeof RungsDocumentV2>;
const { teamId: _t, carriedFromQuarterId: _c, carriedAckNote: _n, ...VERSION_1_WORK } = WorkItem.shape;
const RungsDocumentV1 = documentOf(1, z.strictObject({ ...VERSION_1_WORK, assignment: DocumentAssignment }));
type RungsDocumentV1 = z.infer<typeof RungsDocumentV1>;

/**
 * A version 1 document as version 2: an initiative is its DRI's team's work (none without a DRI),
 * a story its initiative's, a loose story no team's; nothing was carried over. The same rule as
 * the migration that gave older rosters their teams, so a roster reads the same either way.
 */
function upgradeWork(doc: RungsDocumentV1): RungsDocumentV2 {
  const teamOf = new Map(doc.engineers.map((e) => [e.id, e.teamId]));
  const initiativeTeam = new Map(
    doc.workItems
      .filter((w) => w.kind === 'initiative')
      .map((w) => [w.id, w.assignment ? (teamOf.get(w.assignment.engineerId) ?? null) : null]),
  );
  return {
    ...doc,
    version: 2,
    workItems: doc.workItems.map((w) => ({
      ...w,
      teamId: w.kind === 'initiative' ? initiativeTeam.get(w.id)! : w.parentId === null ? null : (initiativeTeam.get(w.parentId) ?? null),
      carriedFromQuarterId: null,
      carriedAckNote: null,
      externalKey: null,
    })),
  };
}

/** A version 2 document as version 3: nothing it holds came with a tracker's key. */
const upgradeKeys = (doc: RungsDocumentV2): RungsDocumentV3 => ({
  ...doc,
  version: 3,
  workItems: doc.workItems.map((w) => ({ ...w, externalKey: null })),
});

const withDefaultLadder = (doc: RungsDocumentV3): RungsDocumentV4 => ({ ...doc, version: 4, ladder: DEFAULT_LADDER });
/** A version 4 document as version 5: nobody in it came with an employee id. */
const withEngineerKeys = (doc: RungsDocumentV4): RungsDocument => ({
  ...doc,
  version: 5,
  engineers: doc.engineers.map((e) => ({ ...e, externalKey: null })),
});

class Refusal extends Error {}
const refuseDocument = (why: string): never => {
  throw new Refusal(`${why} Nothing was imported.`);
};

/** Where in the document an issue is, as a lead can find it: engineers[3].level. */
const where = (path: readonly PropertyKey[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');

/** The value at a path of parsed JSON, and whether the last key is there at all. */
function valueAt(data: unknown, path: readonly PropertyKey[]): { present: boolean; value?: unknown } {
  let here: unknown = data;
  for (const key of path) {
    if (typeof here !== 'object' || here === null || !Object.hasOwn(here, key)) return { present: false };
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return { present: true, value: here };
}

/**
 * Text that stops inside a string or with a bracket still open: what a cut-short file looks like,
 * whatever words the JSON parser used for it.
 */
function endsOpen(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return inString || depth > 0;
}

/**
 * Read a Rungs JSON file's text into a document, or refuse with the specific reason: binary data,
 * cut short, not JSON, not a Rungs export, another version, or a field that is wrong, missing or
 * unknown (which includes __proto__ and constructor keys: JSON.parse makes them plain own keys,
 * and the strict schema refuses them before anything copies them).
 */
export function readDocument(raw: string): { ok: true; document: RungsDocument } | { ok: false; error: string } {
  try {
    return { ok: true, document: read(raw) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.message };
    throw error;
  }
}

function read(raw: string): RungsDocument {
  const text = raw.replace(/^\uFEFF/, '');
  if (looksBinary(text)) refuseDocument(NOT_TEXT.replace('Save it as CSV and pick that file.', 'Pick the .json file Rungs exported.'));
  if (text.trim() === '') refuseDocument('The file is empty.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    if (endsOpen(text)) {
      refuseDocument('The file ends in the middle of the document: it was cut short (an interrupted copy or download). Export it again.');
    }
    refuseDocument(`The file is not valid JSON (${(error as Error).message.slice(0, 200)}).`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) refuseDocument('This JSON file is not a Rungs document.');
  const head = data as Record<string, unknown>;
  if (head.format !== DOCUMENT_FORMAT) refuseDocument('This JSON file is not a Rungs export: it has no "format": "rungs".');
  if (typeof head.version !== 'number' || !READABLE_VERSIONS.includes(head.version)) {
    const v = head.version;
    refuseDocument(
      typeof v === 'number' && v > DOCUMENT_VERSION
        ? `This document is version ${v}, written by a newer Rungs; this Rungs reads version ${DOCUMENT_VERSION}. Update Rungs to import it.`
        : `This document's version (${JSON.stringify(v)?.slice(0, 40) ?? 'none'}) is not one Rungs wrote; this Rungs reads versions ${READABLE_VERSIONS.join(' and ')}.`,
    );
  }
  const parsed = [RungsDocumentV1, RungsDocumentV2, RungsDocumentV3, RungsDocumentV4, RungsDocument][
    (head.version as number) - 1
  ]!.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = where(issue.path);
    const found = valueAt(data, issue.path);
    const detail =
      issue.code === 'unrecognized_keys'
        ? `unknown ${noun(issue.keys.length, 'field')} ${issue.keys.map((k) => `"${k.slice(0, 40)}"`).join(', ')}`
        : !found.present
          ? 'this field is missing'
          : `${issue.message} (found ${(JSON.stringify(found.value) ?? String(found.value)).slice(0, 60)})`;
    refuseDocument(`The document does not match the Rungs format at ${at || 'its top level'}: ${detail}.`);
  }
  const doc = parsed.data!;
  if (doc.version === 5) return doc as RungsDocument;
  if (doc.version === 4) return withEngineerKeys(doc as RungsDocumentV4);
  return withEngineerKeys(
    withDefaultLadder(
      doc.version === 1
        ? upgradeKeys(upgradeWork(doc as RungsDocumentV1))
        : doc.version === 2
          ? upgradeKeys(doc as RungsDocumentV2)
          : (doc as RungsDocumentV3),
    ),
  );
}

/**
 * A Rungs JSON file's text, as read from disk; parsed and checked here, in the main process, so a
 * refusal is an invalid_input like any other and the handler receives a sound document.
 */
export const DocumentText = z
  .string()
  .max(
    IMPORT_LIMITS.jsonChars,
    `The file is larger than 10 MB (${IMPORT_LIMITS.jsonChars.toLocaleString('en')} characters); Rungs does not import a document this large.`,
  )
  .transform((text, ctx) => {
    const r = readDocument(text);
    if (r.ok) return r.document;
    ctx.addIssue({ code: 'custom', message: r.error });
    return z.NEVER;
  });

const FileText = z.object({ filename: z.string(), mediaType: z.string(), text: z.string() });

export const transferContract = {
  /** Every row with its errors; changes nothing. */
  'import.previewCsv': channel({ request: CsvImport, response: ImportPreview, mutates: false }),
  /**
   * Checks again and writes all rows in one logged change, or refuses unless the preview is clean.
   * With the preview's fingerprint, it also refuses when the roster changed since that preview.
   */
  'import.commitCsv': channel({
    request: z.strictObject({ ...csvImportFields, fingerprint: z.string().max(100).optional() }).transform(readSheet),
    response: Mutation.extend({ rows: z.int(), newTeams: z.array(z.string()) }),
    mutates: true,
  }),
  'export.rosterCsv': channel({ request: z.strictObject({}), response: FileText, mutates: false }),
  'export.planCsv': channel({ request: z.strictObject({ quarterId: Id }), response: FileText, mutates: false }),
  'export.json': channel({ request: z.strictObject({}), response: FileText, mutates: false }),
  /**
   * A file from export.json, as text. Into an empty database only: reproduces the exported one
   * exactly, as one undoable change. The text, not parsed JSON, so that a truncated or wrong file
   * gets the same specific message from Electron and the browser host.
   */
  'import.json': channel({ request: z.strictObject({ text: DocumentText }), response: Mutation, mutates: true }),
};
