import { z } from 'zod';
import { RankSchema, StatusSchema } from '../schemas.ts';
import { ColumnMappingSchema, PRESETS } from './source.ts';

// What the preview of a tracker export says besides its rows: which source it was read as, the
// mapping (editable), samples of each column, how statuses and names were read, and what was left out.

const StatusLine = z.object({ from: z.string(), to: z.union([StatusSchema, z.literal('skipped')]), known: z.boolean(), rows: z.int() });
const Skipped = z.object({ line: z.int(), title: z.string(), why: z.string() });
const Assignee = z.object({ name: z.string(), engineer: z.string().nullable(), why: z.string(), rows: z.int() });
const Warning = z.object({ line: z.int(), title: z.string(), message: z.string() });

export const TrackerSourceSchema = z.object({
  preset: z.enum(PRESETS).nullable(),
  /** "Jira Cloud CSV", or "Column mapping" for a sheet no preset knows. */
  name: z.string(),
  /** The header's fingerprint: the mapping is remembered under it. */
  header: z.string(),
  /** True when the mapping came from an earlier import of a file with this header. */
  remembered: z.boolean(),
  mapping: ColumnMappingSchema,
  /** The file's columns, each with a few of its values, for picking the mapping. */
  columns: z.array(z.object({ name: z.string(), samples: z.array(z.string()) })),
  /** The rung set for every row of a kind, when the lead chose one. */
  rungs: z.object({ initiative: RankSchema.nullable(), story: RankSchema.nullable() }),
  statuses: z.array(StatusLine),
  skipped: z.array(Skipped),
  assignees: z.array(Assignee),
  /** Overreaches the import would assign: warnings like any other on the board. */
  warnings: z.array(Warning),
});
export type TrackerSource = z.infer<typeof TrackerSourceSchema>;

/** What the lead may change in a tracker preview; the commit sends the same, so it checks what was shown. */
export const TrackerOptionsSchema = z.strictObject({
  mapping: ColumnMappingSchema.optional(),
  rungs: z.strictObject({ initiative: RankSchema.optional(), story: RankSchema.optional() }).optional(),
});
export type TrackerOptions = z.infer<typeof TrackerOptionsSchema>;
