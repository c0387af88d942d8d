import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { backupBeforeMigrating } from '../safety/backup.ts';
import { type Db, openDatabase } from '../store/db.ts';
import { ensureStarted } from '../seed/demo-team.ts';
import { type Dispatch, createDispatcher } from '../handlers/dispatch.ts';
import type { Result } from '../../shared/errors.ts';

export type Roster = {
  db: Db;
  path: string;
  dispatch: Dispatch;
  dispatchUnknown: (channel: unknown, request: unknown) => Result<unknown>;
  close: () => void;
};

/** Open (or create) the roster file, start it with the demo team if new, and wire the dispatcher. */
export function openRoster(path: string, { startEmpty = false, mapFile }: { startEmpty?: boolean; mapFile?: string } = {}): Roster {
  mkdirSync(dirname(path), { recursive: true });
  const db = openDatabase(path, { beforeMigrating: backupBeforeMigrating });
  ensureStarted(db, { demo: !startEmpty });
  const dispatcher = createDispatcher(db, { databasePath: path, mapFile });
  return { db, path, ...dispatcher, close: () => db.close() };
}
