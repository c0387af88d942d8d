import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import Database from 'better-sqlite3';
import { RungsError } from '../shared/errors.ts';
import type { Db } from './db.ts';

// Backups of the roster, next to it in <dataDir>/backups/<stem>-<timestamp>-<reason>.sqlite.
// Taken at launch (when the newest is older than a day, with the online backup API), before every
// migration, import and restore, and on request (synchronously, with VACUUM INTO, because those
// callers are synchronous). Only the newest BACKUPS_KEPT are kept.

export const BACKUPS_KEPT = 10;
export const LAUNCH_BACKUP_AGE_MS = 24 * 60 * 60 * 1000;
export const BACKUP_REASONS = ['launch', 'migration', 'import', 'restore', 'manual'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];
export type BackupInfo = { name: string; createdAt: string; reason: BackupReason; bytes: number };

/** The file name of a backup; also what a restore request must match, so no path can sneak in. */
export const BACKUP_NAME =
  /^[A-Za-z0-9_.-]{1,80}-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(launch|migration|import|restore|manual)\.sqlite$/;

export const backupDirFor = (dbPath: string): string => join(dirname(dbPath), 'backups');
const stemOf = (dbPath: string): string =>
  basename(dbPath, extname(dbPath))
    .replace(/[^A-Za-z0-9_.-]/g, '_')
    .slice(0, 80) || 'rungs';

/** ISO time with the colons and dot replaced: valid in file names on every platform. */
const stamp = (date: Date): string => date.toISOString().replace(/[:.]/g, '-');
const unstamp = (s: string): string => s.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3}Z)$/, '$1:$2:$3.$4');

function nextBackupPath(dbPath: string, reason: BackupReason, now = new Date()): string {
  const dir = backupDirFor(dbPath);
  mkdirSync(dir, { recursive: true });
  // Two backups in the same millisecond (a migration right after a restore): step the clock.
  let t = now.getTime();
  for (;;) {
    const file = join(dir, `${stemOf(dbPath)}-${stamp(new Date(t))}-${reason}.sqlite`);
    try {
      statSync(file);
      t += 1;
    } catch {
      return file;
    }
  }
}

/** Backups of this roster, newest first. */
export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupDirFor(dbPath);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const stem = stemOf(dbPath);
  const out: BackupInfo[] = [];
  for (const name of names) {
    const m = BACKUP_NAME.exec(name);
    if (!m || !name.startsWith(`${stem}-`) || name.slice(stem.length + 1, stem.length + 25) !== m[1]) continue;
    try {
      out.push({ name, createdAt: unstamp(m[1]!), reason: m[2] as BackupReason, bytes: statSync(join(dir, name)).size });
    } catch {
      // Deleted while we listed: not a backup any more.
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1));
}

export function pruneBackups(dbPath: string, keep = BACKUPS_KEPT): void {
  for (const old of listBackups(dbPath).slice(keep)) rmSync(join(backupDirFor(dbPath), old.name), { force: true });
}

/** A consistent copy taken now, synchronously (VACUUM INTO). Not inside a transaction. */
export function backupNow(db: Db, dbPath: string, reason: BackupReason): BackupInfo {
  const file = nextBackupPath(dbPath, reason);
  db.prepare('VACUUM INTO ?').run(file);
  pruneBackups(dbPath);
  return listBackups(dbPath).find((b) => b.name === basename(file)) ?? describe(file, reason);
}

/**
 * A copy of what is committed, taken through a second, read-only connection. Unlike backupNow it
 * works inside a write transaction: that connection cannot see the transaction's uncommitted rows,
 * so an import can check its file, back up, and write, all in the one transaction the dispatcher
 * opened, and the backup holds the roster exactly as it was before the import.
 */
export function backupCommitted(dbPath: string, reason: BackupReason): BackupInfo {
  const file = nextBackupPath(dbPath, reason);
  let reader: Database.Database | null = null;
  try {
    reader = new Database(dbPath, { readonly: true, fileMustExist: true });
    reader.prepare('VACUUM INTO ?').run(file);
  } catch (error) {
    rmSync(file, { force: true });
    throw new RungsError('database', `Rungs could not back up the roster first (${(error as Error).message}), so nothing was changed.`);
  } finally {
    reader?.close();
  }
  pruneBackups(dbPath);
  return describe(file, reason);
}

/** The same, with SQLite's online backup API: pages are copied in steps, so the app stays responsive. */
export async function backupOnline(db: Db, dbPath: string, reason: BackupReason): Promise<BackupInfo> {
  const file = nextBackupPath(dbPath, reason);
  await db.backup(file);
  pruneBackups(dbPath);
  return describe(file, reason);
}

function describe(file: string, reason: BackupReason): BackupInfo {
  const m = BACKUP_NAME.exec(basename(file));
  return { name: basename(file), createdAt: m ? unstamp(m[1]!) : new Date().toISOString(), reason, bytes: statSync(file).size };
}

/** At launch: back up when there is no backup yet or the newest is older than a day. */
export async function backupAtLaunchIfDue(db: Db, dbPath: string, now = Date.now()): Promise<BackupInfo | null> {
  const newest = listBackups(dbPath)[0];
  if (newest && now - Date.parse(newest.createdAt) < LAUNCH_BACKUP_AGE_MS) return null;
  return backupOnline(db, dbPath, 'launch');
}

export function backupPath(dbPath: string, name: string): string {
  if (!BACKUP_NAME.test(name) || !listBackups(dbPath).some((b) => b.name === name)) {
    throw new RungsError('not_found', `There is no backup called ${name.slice(0, 100)}.`);
  }
  return join(backupDirFor(dbPath), name);
}

/** Does this file hold a sound SQLite database? Opened read-only; nothing is written. */
export function isSoundDatabase(file: string): boolean {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return db.pragma('quick_check', { simple: true }) === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/**
 * Put a backup's content into the open roster, keeping the current content as a 'restore' backup
 * first so a restore can itself be undone by restoring that one. The backup is copied to a
 * scratch file and brought up to this version's schema there (the backup itself is never changed),
 * then every table is replaced in one transaction.
 */
export function restoreBackup(
  db: Db,
  dbPath: string,
  name: string,
  prepare: (scratchFile: string) => void,
): { restored: string; setAside: string } {
  const source = backupPath(dbPath, name);
  if (!isSoundDatabase(source)) throw new RungsError('database', `The backup ${name} is damaged; choose another one.`);
  const scratch = join(backupDirFor(dbPath), `.restore-${process.pid}-${Date.now()}.sqlite`);
  copyFileSync(source, scratch);
  try {
    prepare(scratch);
    const aside = backupNow(db, dbPath, 'restore');
    db.prepare('ATTACH DATABASE ? AS restore_src').run(scratch);
    try {
      const tables = db
        .prepare<[], { name: string }>(
          `SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
        )
        .all()
        .map((t) => t.name);
      db.transaction(() => {
        // Rows go in in any order; foreign keys are checked once, at commit.
        db.pragma('defer_foreign_keys = ON');
        for (const table of tables) {
          const cols = db
            .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}', 'main')`)
            .all()
            .map((c) => `"${c.name}"`)
            .join(', ');
          db.exec(`DELETE FROM main."${table}"; INSERT INTO main."${table}" (${cols}) SELECT ${cols} FROM restore_src."${table}";`);
        }
      })();
    } finally {
      db.exec('DETACH DATABASE restore_src');
    }
    return { restored: name, setAside: aside.name };
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(scratch + suffix, { force: true });
  }
}
