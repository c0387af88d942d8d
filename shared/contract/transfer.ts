import { z } from 'zod';
import { ImportKindSchema, ImportPreview } from '../import.ts';
import { Engineer, Id, LevelChange, Mutation, Quarter, Team, WorkItem } from '../schemas.ts';
import { channel } from './channel.ts';

// Data in and out: CSV imports with a preview, CSV exports, and the whole database as JSON.
// Files are read and written by the renderer (File API, Blob), so Electron and the browser host
// share the same code; these channels only ever see and return text or plain data.

const MAX_LINE = 10_000;
const longestLine = (text: string): number => {
  let longest = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      longest = Math.max(longest, i - start);
      start = i + 1;
    }
  }
  return longest;
};

/** A CSV file's text. No real roster or backlog row is 10,000 characters wide; a binary file is. */
export const CsvText = z
  .string()
  .max(8_000_000, 'The file is larger than 8 MB; split it.')
  .refine((t) => longestLine(t) <= MAX_LINE, `A line is longer than ${MAX_LINE} characters; this does not look like a CSV file.`);

const CsvImport = z.strictObject({
  kind: ImportKindSchema,
  /** The quarter a backlog lands in; null for a roster, which every quarter shares. */
  quarterId: Id.nullable(),
  text: CsvText,
});

export const DOCUMENT_FORMAT = 'rungs';
export const DOCUMENT_VERSION = 1;

/** The whole database as one versioned document. The change log stays behind: history is per file. */
export const RungsDocument = z.strictObject({
  format: z.literal(DOCUMENT_FORMAT),
  version: z.literal(DOCUMENT_VERSION),
  exportedAt: z.iso.datetime(),
  teams: z.array(Team),
  engineers: z.array(Engineer),
  levelChanges: z.array(LevelChange),
  quarters: z.array(Quarter),
  workItems: z.array(WorkItem),
});
export type RungsDocument = z.infer<typeof RungsDocument>;

const FileText = z.object({ filename: z.string(), mediaType: z.string(), text: z.string() });

export const transferContract = {
  /** Every row with its errors; changes nothing. */
  'import.previewCsv': channel({ request: CsvImport, response: ImportPreview, mutates: false }),
  /**
   * Checks again and writes all rows in one logged change, or refuses unless the preview is clean.
   * With the preview's fingerprint, it also refuses when the roster changed since that preview.
   */
  'import.commitCsv': channel({
    request: CsvImport.extend({ fingerprint: z.string().max(100).optional() }),
    response: Mutation.extend({ rows: z.int(), newTeams: z.array(z.string()) }),
    mutates: true,
  }),
  'export.rosterCsv': channel({ request: z.strictObject({}), response: FileText, mutates: false }),
  'export.planCsv': channel({ request: z.strictObject({ quarterId: Id }), response: FileText, mutates: false }),
  'export.json': channel({ request: z.strictObject({}), response: FileText, mutates: false }),
  /** Into an empty database only: reproduces the exported one exactly, as one undoable change. */
  'import.json': channel({ request: z.strictObject({ document: RungsDocument }), response: Mutation, mutates: true }),
};
