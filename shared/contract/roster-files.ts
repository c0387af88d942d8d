import { z } from 'zod';
import { channel } from './channel.ts';

// Roster files: which .sqlite file Rungs has open, the others in its data folder, and switching to
// another (a new one, or one already there) without a restart. Like the shell channels these belong
// to the transport, which owns the roster's thread or process: the browser host and Electron's main
// process answer them (data/remote/roster-files.ts); the dispatcher behind them answers 'unsupported'.

/** The file's extension; names in requests and answers go without it. */
export const ROSTER_EXTENSION = '.sqlite';

/**
 * A roster's name in the data folder: one plain file name, so no name can reach outside the folder
 * ('../x', 'a/b', a leading dot, a drive, a control character are all refused), and none that
 * Windows cannot hold (a trailing dot or space, a reserved device name).
 */
export const RosterFileName = z
  .string()
  .trim()
  .min(1, 'Name the roster')
  .max(64, 'At most 64 characters')
  .regex(
    /^[\p{L}\p{N}](?:[\p{L}\p{N} _.-]*[\p{L}\p{N}])?$/u,
    'Letters, digits, spaces, dots, dashes and underscores only, starting and ending with a letter or digit',
  )
  .refine((name) => !name.includes('..'), 'Two dots in a row are not allowed in a name')
  .refine((name) => !/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(name), 'That name is reserved by Windows');

export const RosterFileSchema = z.strictObject({
  name: z.string(),
  modifiedAt: z.string(),
  bytes: z.int().nonnegative(),
});
export type RosterFile = z.infer<typeof RosterFileSchema>;

/** What a switch answers: the roster now open, and lines for the lead (a recovery's notes). */
const Switched = z.strictObject({ current: z.string(), notes: z.array(z.string()) });

export const rosterFilesContract = {
  /**
   * The roster open now, the rosters in the data folder (by name), and the recently opened ones in
   * it, most recent first. Recent rosters whose file is gone are dropped from the list and named in
   * `dropped`, so the lead is told once.
   */
  'rosterFiles.list': channel({
    request: z.strictObject({}),
    response: z.strictObject({
      current: z.string(),
      folder: z.string(),
      rosters: z.array(RosterFileSchema),
      recent: z.array(z.string()),
      dropped: z.array(z.string()),
    }),
    mutates: false,
  }),
  /** A new, empty roster file in the data folder, opened in place of the current one (refused if the name is taken). */
  'rosterFiles.create': channel({ request: z.strictObject({ name: RosterFileName }), response: Switched, mutates: false }),
  /** Open a roster of the data folder in place of the current one. Another Rungs holding it: refused, the current stays open. */
  'rosterFiles.open': channel({ request: z.strictObject({ name: RosterFileName }), response: Switched, mutates: false }),
};

export type RosterFilesChannel = keyof typeof rosterFilesContract;
export const isRosterFilesChannel = (name: unknown): name is RosterFilesChannel =>
  typeof name === 'string' && Object.hasOwn(rosterFilesContract, name);

export const ROSTER_FILES_UNSUPPORTED = 'Roster files are opened by the app around the roster, not by the roster itself.';
