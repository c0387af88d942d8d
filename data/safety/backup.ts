import { closeSync, fsyncSync, openSync, readdirSync, renameSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Database from 'better-sqlite3';
import { RungsError } from '../../shared/errors.ts';
import type { Db } from '../store/db.ts';
import { type Shape, copyProblem, shapeOf } from './backup-check.ts';
import {
  BACKUPS_KEPT,
  LAUNCH_BACKUP_AGE_MS,
  type BackupInfo,
  type BackupReason,
  describe,
  inFlight,
  nextBackupPath,
  removeLeftovers,
  removeTemp,
  tempFile,
} from './backup-files.ts';
import { listBackups, pruneBackups } from './backup-list.ts';

// Backups of the roster, next to it in <dataDir>/backups/<stem>-<timestamp>-<reason>.sqlite.
// Taken at launch (when the newest is older than a day, with the online backup API), before every
// migration, import and restore, and on request (synchronously, with VACUUM INTO, because those
// callers are synchronous). Only the newest BACKUPS_KEPT are kept.
//
// A backup counts only once it is known to be whole. It is written under a temporary name that no
// listing matches, checked (SQLite's quick_check, the same migrations and tables as the roster it
// copies), flushed to disk, and only then renamed into place: a full disk or a killed process leaves
// no file that looks like a backup. Names and temporary files: backup-files.ts; the checks:
// backup-check.ts; listing and pruning: backup-list.ts; putting one back: restore.ts.

const WRITE_REFUSED = ['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'EACCES', 'EPERM', 'EROFS'];

function writeFailed(error: unknown): RungsError {
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  const why =
    code === 'SQLITE_FULL' || code === 'ENOSPC' || /disk is full|no space left/i.test(message)
      ? 'the disk is full; free some space and try again'
      : WRITE_REFUSED.some((c) => code.startsWith(c))
        ? `the backups folder cannot be written (${message})`
        : message;
  return new RungsError(
    'database',
    `Rungs could not write a backup: ${why}. No backup was kept from this attempt, and the roster was not changed.`,
  );
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Windows cannot open or flush a folder; there the rename is as durable as the system makes it. */
const NO_FOLDER_SYNC = ['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'EBADF'];
function fsyncFolder(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch (error) {
    if (NO_FOLDER_SYNC.includes((error as NodeJS.ErrnoException).code ?? '')) return;
    throw error;
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    if (!NO_FOLDER_SYNC.includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    closeSync(fd);
  }
}

type Pending = { dbPath: string; reason: BackupReason; file: string; partial: string };

function begin(dbPath: string, reason: BackupReason): Pending {
  try {
    const file = nextBackupPath(dbPath, reason);
    removeLeftovers(dirname(file), readdirSync(dirname(file)));
    return { dbPath, reason, file, partial: tempFile(dirname(file), 'partial') };
  } catch (error) {
    throw writeFailed(error);
  }
}

/** Check the written copy against the roster, make it durable, and only then give it its name. */
function finish(p: Pending, want: Shape, spare?: string): BackupInfo {
  try {
    const problem = copyProblem(p.partial, want);
    if (problem) throw new Error(`the copy did not hold the roster (${problem})`);
    fsyncFile(p.partial);
    renameSync(p.partial, p.file);
    inFlight.delete(basename(p.partial));
    fsyncFolder(dirname(p.file));
  } catch (error) {
    removeTemp(p.partial);
    throw writeFailed(error);
  }
  pruneBackups(p.dbPath, BACKUPS_KEPT, spare);
  return describe(p.file, p.reason);
}

function abandon(p: Pending, error: unknown): never {
  removeTemp(p.partial);
  throw writeFailed(error);
}

/** What the roster opener hands the store to run before an existing roster's schema changes. */
export const backupBeforeMigrating = (db: Db): void => {
  backupNow(db, db.name, 'migration');
};

/**
 * A consistent copy taken now, synchronously (VACUUM INTO). Not inside a transaction. `spare`: a
 * backup that pruning must not delete now (the one a restore is putting back).
 */
export function backupNow(db: Db, dbPath: string, reason: BackupReason, spare?: string): BackupInfo {
  const p = begin(dbPath, reason);
  let want: Shape;
  try {
    want = shapeOf(db);
    db.prepare('VACUUM INTO ?').run(p.partial);
  } catch (error) {
    abandon(p, error);
  }
  return finish(p, want, spare);
}

/**
 * A copy of what is committed, taken through a second, read-only connection. Unlike backupNow it
 * works inside a write transaction: that connection cannot see the transaction's uncommitted rows,
 * so an import can check its file, back up, and write, all in the one transaction the dispatcher
 * opened, and the backup holds the roster exactly as it was before the import.
 */
export function backupCommitted(dbPath: string, reason: BackupReason): BackupInfo {
  const p = begin(dbPath, reason);
  let reader: Database.Database | null = null;
  let want: Shape;
  try {
    reader = new Database(dbPath, { readonly: true, fileMustExist: true });
    want = shapeOf(reader);
    reader.prepare('VACUUM INTO ?').run(p.partial);
  } catch (error) {
    abandon(p, error);
  } finally {
    reader?.close();
  }
  return finish(p, want);
}

/** The same, with SQLite's online backup API: pages are copied in steps, so the app stays responsive. */
export async function backupOnline(db: Db, dbPath: string, reason: BackupReason): Promise<BackupInfo> {
  const p = begin(dbPath, reason);
  let want: Shape;
  try {
    want = shapeOf(db);
    await db.backup(p.partial);
  } catch (error) {
    abandon(p, error);
  }
  return finish(p, want);
}

/** At launch: back up when there is no good backup yet or the newest is older than a day. */
export async function backupAtLaunchIfDue(db: Db, dbPath: string, now = Date.now()): Promise<BackupInfo | null> {
  const newest = listBackups(dbPath)[0];
  if (newest && now - Date.parse(newest.createdAt) < LAUNCH_BACKUP_AGE_MS) return null;
  return backupOnline(db, dbPath, 'launch');
}
