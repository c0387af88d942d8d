import Database from 'better-sqlite3';
import type { z } from 'zod';
import { type ChannelName, contract, isChannelName, type RequestOf, type ResponseOf } from '../shared/contract/index.ts';
import { type Result, RungsError } from '../shared/errors.ts';
import type { Db } from './db.ts';
import { type AppInfo, createHandlers } from './handlers/index.ts';

export type Dispatch = <K extends ChannelName>(channel: K, request: RequestOf<K>) => Result<ResponseOf<K>>;

const invalid = (channel: string, error: z.ZodError): RungsError => {
  const issues = error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const first = issues[0];
  return new RungsError(
    'invalid_input',
    `Invalid request for ${channel}${first ? `: ${first.path ? first.path + ': ' : ''}${first.message}` : ''}`,
    issues,
  );
};

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
): { dispatch: Dispatch; dispatchUnknown: (channel: unknown, request: unknown) => Result<unknown> } {
  const handlers = createHandlers(info) as Record<ChannelName, (db: Db, input: unknown) => unknown>;

  function dispatchUnknown(channel: unknown, request: unknown): Result<unknown> {
    try {
      if (!isChannelName(channel)) throw new RungsError('unknown_channel', `Unknown channel: ${String(channel).slice(0, 80)}`);
      const spec = contract[channel];
      const parsed = spec.request.safeParse(request ?? {});
      if (!parsed.success) throw invalid(channel, parsed.error);
      const handler = handlers[channel];
      const value = spec.mutates ? db.transaction(() => handler(db, parsed.data))() : handler(db, parsed.data);
      return { ok: true, value };
    } catch (error) {
      const e = toError(error);
      if (e.code === 'internal') console.error(`[rungs] ${String(channel)} failed:`, error);
      return { ok: false, error: e.toData() };
    }
  }

  return { dispatch: dispatchUnknown as Dispatch, dispatchUnknown };
}
