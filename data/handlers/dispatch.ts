import Database from 'better-sqlite3';
import { type ChannelName, type Contract, contract, isChannelName, type RequestOf, type ResponseOf } from '../../shared/contract/index.ts';
import { parseRequest } from '../../shared/contract/validate.ts';
import { type Result, RungsError } from '../../shared/errors.ts';
import type { Db } from '../store/db.ts';
import { type AppInfo, createHandlers } from './index.ts';
import type { Handlers } from './types.ts';

export type Dispatch = <K extends ChannelName>(channel: K, request: RequestOf<K>) => Result<ResponseOf<K>>;

/** A channel name for messages; a hostile value (no prototype, a throwing toString) must not throw here. */
function describeChannel(channel: unknown): string {
  return typeof channel === 'string' ? channel.slice(0, 80) : `(a ${channel === null ? 'null' : typeof channel}, not a channel name)`;
}

// What a lead reads when SQLite refuses a write the handlers did not see coming. Handlers check
// what they can first, with the values in the words ("There is already a team called Platform.");
// these are the net under them, worded without SQLite's text, which names tables and columns.
const NAMED_UNIQUE: Record<string, string> = {
  'teams.name': 'There is already a team with that name; pick another.',
  'quarters.name': 'There is already a quarter with that name; pick another.',
};

const CONSTRAINT_WORDS: Record<string, string> = {
  SQLITE_CONSTRAINT_FOREIGNKEY:
    'This change refers to something that is no longer there, or removes something still in use. Nothing was changed; reload and try again.',
  SQLITE_CONSTRAINT_CHECK: 'A value is outside what the plan allows (a level, a rung, a size or a status). Nothing was changed.',
  SQLITE_CONSTRAINT_NOTNULL: 'A required value is missing. Nothing was changed.',
  SQLITE_CONSTRAINT_UNIQUE: 'That already exists, and the plan keeps one of each. Nothing was changed.',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'That already exists, and the plan keeps one of each. Nothing was changed.',
};

const DATABASE_WORDS: Record<string, string> = {
  SQLITE_BUSY: 'The roster is busy (another window or a backup is using it). Nothing was changed; try again in a moment.',
  SQLITE_LOCKED: 'The roster is busy (another window or a backup is using it). Nothing was changed; try again in a moment.',
  SQLITE_FULL: 'The disk is full. Nothing was changed; free some space and try again.',
  SQLITE_READONLY: 'The roster file cannot be written (it is read-only). Nothing was changed.',
  SQLITE_CORRUPT: 'The roster file is damaged. Nothing was changed; restore a backup from the Backups screen.',
  SQLITE_NOTADB: 'The roster file is not a Rungs database. Nothing was changed.',
  SQLITE_IOERR: 'The roster file could not be read or written (a disk error). Nothing was changed.',
};

/** The words for a refusal by SQLite itself: by constraint, by column where we know it, never its own text. */
export function sqliteWords(error: { code: string; message: string }): RungsError {
  if (error.code.startsWith('SQLITE_CONSTRAINT')) {
    const column = /^UNIQUE constraint failed: ([a-z_]+\.[a-z_]+)$/.exec(error.message)?.[1];
    const words =
      (column && NAMED_UNIQUE[column]) ??
      CONSTRAINT_WORDS[error.code] ??
      'The plan refused this change: it breaks one of its rules. Nothing was changed.';
    return new RungsError('conflict', words);
  }
  const base = Object.keys(DATABASE_WORDS).find((code) => error.code === code || error.code.startsWith(`${code}_`));
  return new RungsError('database', (base && DATABASE_WORDS[base]) ?? 'The database could not make this change. Nothing was changed.');
}

function toError(error: unknown): RungsError {
  if (error instanceof RungsError) return error;
  if (error instanceof Database.SqliteError) return sqliteWords(error);
  return new RungsError('internal', error instanceof Error ? error.message : String(error));
}

/**
 * The one door into the data: validate against the contract, run the handler (mutations in a
 * single transaction), and turn every failure into a typed {code, message}. Both transports,
 * Electron IPC and the browser host, call this and nothing else.
 */
export function createDispatcher(
  db: Db,
  info: AppInfo,
  /** Only tests pass their own, to prove the dispatcher's promises whatever a handler does. */
  handlerMap: Handlers<Contract> = createHandlers(info),
): { dispatch: Dispatch; dispatchUnknown: (channel: unknown, request: unknown) => Result<unknown> } {
  const handlers = handlerMap as Record<ChannelName, (db: Db, input: unknown) => unknown>;

  function dispatchUnknown(channel: unknown, request: unknown): Result<unknown> {
    try {
      if (!isChannelName(channel)) throw new RungsError('unknown_channel', `Unknown channel: ${describeChannel(channel)}`);
      const input = parseRequest(channel, request);
      const handler = handlers[channel];
      const value = contract[channel].mutates ? db.transaction(() => handler(db, input))() : handler(db, input);
      return { ok: true, value };
    } catch (error) {
      const e = toError(error);
      // The lead reads words; SQLite's own text stays in the log for whoever diagnoses it.
      if (e.code === 'internal' || error instanceof Database.SqliteError)
        console.error(`[rungs] ${describeChannel(channel)} failed:`, error);
      return { ok: false, error: e.toData() };
    }
  }

  return { dispatch: dispatchUnknown as Dispatch, dispatchUnknown };
}
