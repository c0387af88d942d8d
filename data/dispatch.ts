import Database from 'better-sqlite3';
import { type ChannelName, type Contract, contract, isChannelName, type RequestOf, type ResponseOf } from '../shared/contract/index.ts';
import { parseRequest } from '../shared/contract/validate.ts';
import { type Result, RungsError } from '../shared/errors.ts';
import type { Db } from './db.ts';
import { type AppInfo, createHandlers } from './handlers/index.ts';
import type { Handlers } from './handlers/types.ts';

export type Dispatch = <K extends ChannelName>(channel: K, request: RequestOf<K>) => Result<ResponseOf<K>>;

/** A channel name for messages; a hostile value (no prototype, a throwing toString) must not throw here. */
function describeChannel(channel: unknown): string {
  return typeof channel === 'string' ? channel.slice(0, 80) : `(a ${channel === null ? 'null' : typeof channel}, not a channel name)`;
}

function toError(error: unknown): RungsError {
  if (error instanceof RungsError) return error;
  if (error instanceof Database.SqliteError) {
    if (error.code.startsWith('SQLITE_CONSTRAINT')) return new RungsError('conflict', `The plan refused this change (${error.message}).`);
    return new RungsError('database', `The database refused this change: ${error.message}`);
  }
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
      if (e.code === 'internal') console.error(`[rungs] ${describeChannel(channel)} failed:`, error);
      return { ok: false, error: e.toData() };
    }
  }

  return { dispatch: dispatchUnknown as Dispatch, dispatchUnknown };
}
