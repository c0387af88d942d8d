import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { backupBeforeMigrating } from '../safety/backup.ts';
import { type Db, openDatabase } from '../store/db.ts';
import { ensureStarted } from '../seed/demo-team.ts';

/**
 * A roster file open for writing. What answers calls on it (handlers/dispatch.ts, with the contract's
 * schemas) is made by whoever serves it: kept out of here, so a roster opens without loading them.
 */
export type Roster = { db: Db; path: string; close: () => void };

/** Open (or create) the roster file, and start it with the demo team if new. */
export function openRoster(path: string, { startEmpty = false }: { startEmpty?: boolean } = {}): Roster {
  mkdirSync(dirname(path), { recursive: true });
  const db = openDatabase(path, { beforeMigrating: backupBeforeMigrating });
  ensureStarted(db, { demo: !startEmpty });
  return { db, path, close: () => db.close() };
}
