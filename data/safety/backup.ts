import { closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import Database from 'better-sqlite3';
import { RungsError } from '../../shared/errors.ts';
import type { Db } from '../store/db.ts';
import { MIGRATIONS, type Migration } from '../store/migrations/index.ts';

// Backups of the roster, next to it in <dataDir>/backups/<stem>-<timestamp>-<reason>.sqlite.
// Taken at launch (when the newest is older than a day, with the online backup API), before every
// migration, import and restore, and on request (synchronously, with VACUUM INTO, because those
// callers are synchronous). Only the newest BACKUPS_KEPT are kept.
//
// A backup counts only once it is known to be whole. It is written under a temporary name that no
// listing matches, checked (SQLite's quick_check, the same migrations and tables as the roster it
// copies), flushed to disk, and only then renamed into place: a full disk or a killed process leaves
// no file that looks like a backup. Listing checks every file again, cheapest test first, because a
// file can be damaged after it was written or copied in by hand. A file that fails is reported with
// the reason, and is never offered for restore nor counted among the newest BACKUPS_KEPT.

export const BACKUPS_KEPT = 10;
export const LAUNCH_BACKUP_AGE_MS = 24 * 60 * 60 * 1000;
export const BACKUP_REASONS = ['launch', 'migration', 'import', 'restore', 'manual'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];
export type BackupInfo = { name: string; createdAt: string; reason: BackupReason; bytes: number };
/** A file named like a backup that this version cannot restore, and why, in words for the lead. */
export type DamagedBackup = BackupInfo & { problem: string };
export type BackupScan = { backups: BackupInfo[]; damaged: DamagedBackup[] };

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

// Temporary files: a backup being written (.partial-) and a restore's scratch copy (.restore-). They
// carry the writer's process id and never end in .sqlite, so BACKUP_NAME cannot match them.
const TEMP_NAME = /^\.(partial|restore)-(\d+)-\d+-\d+(-journal|-wal|-shm)?$/;
const SIDE_FILES = ['', '-journal', '-wal', '-shm'];
/** This process's temporary files still being written: not leftovers, whatever their age. */
const inFlight = new Set<string>();
let tempCount = 0;

function tempFile(dir: string, kind: 'partial' | 'restore'): string {
  const name = `.${kind}-${process.pid}-${Date.now()}-${tempCount++}`;
  inFlight.add(name);
  return join(dir, name);
}

function removeTemp(file: string): void {
  for (const suffix of SIDE_FILES) rmSync(file + suffix, { force: true });
  inFlight.delete(basename(file));
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove what a killed or crashed writer left behind. A file of a process that still runs is left
 * alone: that process (the launch backup in the roster's worker, say) may still be writing it.
 */
function removeLeftovers(dir: string, names: readonly string[]): void {
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const pid = Number(m[2]);
    const base = name.slice(0, name.length - (m[3]?.length ?? 0));
    const abandoned = pid === process.pid ? !inFlight.has(base) : !running(pid);
    if (abandoned) rmSync(join(dir, name), { force: true });
  }
}

// ---- Checking a file ----

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Checks that need no SQLite: size, header, and a write left unfinished beside the file. */
function fileProblem(file: string, size: number): string | null {
  if (size === 0) return 'damaged: 0 bytes (an interrupted backup)';
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || !header.subarray(0, 16).equals(SQLITE_HEADER)) return 'damaged: it is not a SQLite database';
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return 'damaged: its header is invalid';
  const pages = header.readUInt32BE(28);
  // The page count in the header is meaningful only when it was written with the current change counter.
  const countValid = pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
  if (size % pageSize !== 0 || (countValid && size < pages * pageSize)) {
    return `damaged: cut short, ${size} bytes where ${countValid ? pages * pageSize : 'whole pages'} were expected`;
  }
  // Every finished backup is in rollback-journal mode, so a journal or WAL with content beside one is
  // a write that never completed: what the file says on its own is not the whole story.
  for (const suffix of ['-journal', '-wal']) {
    try {
      if (statSync(file + suffix).size > 0) return `damaged: an unfinished write beside it (${basename(file)}${suffix})`;
    } catch {
      // None: the usual case.
    }
  }
  return null;
}

const tablesIn = (db: Database.Database): string[] =>
  db
    .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all()
    .map((t) => t.name);

/**
 * The migrations applied to a file. db.ts has the same question as appliedMigrations; it imports this
 * module (to back up before migrating), so asking here keeps the import one-way.
 */
function migrationsIn(db: Database.Database): string[] {
  if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get()) return [];
  return db
    .prepare<[], { name: string }>('SELECT name FROM schema_migrations ORDER BY version')
    .all()
    .map((r) => r.name);
}

/** The tables a roster has after the first `count` migrations, worked out once per list in an empty database. */
const expected = new WeakMap<readonly Migration[], Map<number, string[]>>();
function tablesAfter(migrations: readonly Migration[], count: number): string[] {
  let byCount = expected.get(migrations);
  if (!byCount) expected.set(migrations, (byCount = new Map()));
  let tables = byCount.get(count);
  if (!tables) {
    const scratch = new Database(':memory:');
    try {
      for (const m of migrations.slice(0, count)) scratch.exec(m.sql);
      tables = tablesIn(scratch);
    } finally {
      scratch.close();
    }
    byCount.set(count, tables);
  }
  return tables;
}

function historyProblem(applied: readonly string[], known: readonly string[]): string | null {
  if (applied.length === 0) return 'empty: it holds no roster';
  const unknown = applied.filter((n) => !known.includes(n));
  if (unknown.length > 0) return `written by a newer version of Rungs (it has ${unknown.join(', ')})`;
  if (applied.length > known.length || applied.some((n, i) => n !== known[i])) return 'its migrations do not match this version of Rungs';
  return null;
}

const missingTables = (want: readonly string[], have: readonly string[]): string | null => {
  const missing = want.filter((t) => !have.includes(t));
  return missing.length > 0 ? `damaged: it lacks the tables ${missing.join(', ')}` : null;
};

/** Why this file cannot be restored by a Rungs that knows `migrations`, or null when it can. Opens it read-only. */
export function backupProblem(file: string, migrations: readonly Migration[] = MIGRATIONS): string | null {
  let db: Database.Database | null = null;
  try {
    const cheap = fileProblem(file, statSync(file).size);
    if (cheap) return cheap;
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return `damaged: SQLite found errors inside it (${String(check).slice(0, 200)})`;
    const applied = migrationsIn(db);
    return (
      historyProblem(
        applied,
        migrations.map((m) => m.name),
      ) ?? missingTables(tablesAfter(migrations, applied.length), tablesIn(db))
    );
  } catch (error) {
    return `damaged: it cannot be read (${(error as Error).message})`;
  } finally {
    db?.close();
  }
}

type Shape = { applied: string[]; tables: string[] };
const shapeOf = (db: Database.Database): Shape => ({ applied: migrationsIn(db), tables: tablesIn(db) });

/**
 * Why a copy does not hold the roster it copied (the same migrations and tables, sound), or null.
 * Opened for writing: it is also switched to rollback-journal mode, which the online backup API
 * does not do, so that nothing is ever written beside a finished backup.
 */
function copyProblem(file: string, want: Shape): string | null {
  const cheap = fileProblem(file, statSync(file).size);
  if (cheap) return cheap;
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return `damaged: SQLite found errors inside it (${String(check).slice(0, 200)})`;
    const have = shapeOf(db);
    if (have.applied.length === 0) return 'empty: it holds no roster';
    if (have.applied.join('\n') !== want.applied.join('\n')) {
      return `its schema is not the roster's (it has ${have.applied.join(', ')}; the roster has ${want.applied.join(', ') || 'none'})`;
    }
    return missingTables(want.tables, have.tables);
  } finally {
    db.close();
  }
}

// ---- Listing ----

/** Backups of this roster, newest first: those that can be restored, and those that cannot, with why. */
export function scanBackups(dbPath: string, migrations: readonly Migration[] = MIGRATIONS): BackupScan {
  const dir = backupDirFor(dbPath);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return { backups: [], damaged: [] };
  }
  removeLeftovers(dir, names);
  const stem = stemOf(dbPath);
  const backups: BackupInfo[] = [];
  const damaged: DamagedBackup[] = [];
  for (const name of names) {
    const m = BACKUP_NAME.exec(name);
    if (!m || !name.startsWith(`${stem}-`) || name.slice(stem.length + 1, stem.length + 25) !== m[1]) continue;
    let bytes: number;
    try {
      bytes = statSync(join(dir, name)).size;
    } catch {
      continue; // Deleted while we listed: not a backup any more.
    }
    const info: BackupInfo = { name, createdAt: unstamp(m[1]!), reason: m[2] as BackupReason, bytes };
    const problem = backupProblem(join(dir, name), migrations);
    if (problem) damaged.push({ ...info, problem });
    else backups.push(info);
  }
  return { backups: backups.sort(newestFirst), damaged: damaged.sort(newestFirst) };
}

const newestFirst = (a: BackupInfo, b: BackupInfo): number =>
  a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1;

/** The backups this version can restore, newest first. */
export const listBackups = (dbPath: string, migrations: readonly Migration[] = MIGRATIONS): BackupInfo[] =>
  scanBackups(dbPath, migrations).backups;

/**
 * Keep the newest `keep` good backups (and `spare`, the one a restore is reading). Damaged files are
 * never deleted: one from a newer Rungs is good to that version, a damaged one may still be worth
 * salvaging by hand, and since backups are written whole Rungs never makes a damaged one itself,
 * so they do not pile up. The Backups screen shows them, so the lead decides.
 */
export function pruneBackups(dbPath: string, keep = BACKUPS_KEPT, spare?: string): void {
  for (const old of listBackups(dbPath)
    .filter((b) => b.name !== spare)
    .slice(keep))
    rmSync(join(backupDirFor(dbPath), old.name), { force: true });
}

// ---- Writing ----

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

/**
 * A consistent copy taken now, synchronously (VACUUM INTO). Not inside a transaction. `spare`: a
 * backup that pruning must not delete now (the one a restore is putting back).
 */
/** What the roster opener hands the store to run before an existing roster's schema changes. */
export const backupBeforeMigrating = (db: Db): void => {
  backupNow(db, db.name, 'migration');
};

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

function describe(file: string, reason: BackupReason): BackupInfo {
  const m = BACKUP_NAME.exec(basename(file));
  return { name: basename(file), createdAt: m ? unstamp(m[1]!) : new Date().toISOString(), reason, bytes: statSync(file).size };
}

/** At launch: back up when there is no good backup yet or the newest is older than a day. */
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

// ---- Restoring ----

/**
 * Put a backup's content into the open roster, keeping the current content as a 'restore' backup
 * first so a restore can itself be undone by restoring that one. The backup is copied to a scratch
 * file and brought up to the roster's schema there by `prepare` (the backup itself is never
 * changed); unless the scratch copy then has exactly the roster's migrations and tables, nothing is
 * changed. Every table is replaced in one transaction.
 */
export function restoreBackup(
  db: Db,
  dbPath: string,
  name: string,
  prepare: (scratchFile: string) => void,
  migrations: readonly Migration[] = MIGRATIONS,
): { restored: string; setAside: string } {
  const scan = scanBackups(dbPath, migrations);
  const bad = BACKUP_NAME.test(name) ? scan.damaged.find((b) => b.name === name) : undefined;
  if (bad)
    throw new RungsError('database', `The backup ${name} cannot be restored: ${bad.problem}. Choose another one; nothing was changed.`);
  if (!BACKUP_NAME.test(name) || !scan.backups.some((b) => b.name === name)) {
    throw new RungsError('not_found', `There is no backup called ${name.slice(0, 100)}.`);
  }
  const source = join(backupDirFor(dbPath), name);
  const scratch = tempFile(backupDirFor(dbPath), 'restore');
  try {
    try {
      copyFileSync(source, scratch);
      prepare(scratch);
    } catch (error) {
      if (error instanceof RungsError) throw error;
      const code = (error as { code?: string }).code;
      if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
        throw new RungsError(
          'database',
          `Rungs could not restore the backup ${name}: the disk is full; free some space and try again. Nothing was changed.`,
        );
      }
      throw new RungsError(
        'database',
        `The backup ${name} could not be brought up to this version of Rungs (${(error as Error).message}). Nothing was changed.`,
      );
    }
    const problem = copyProblem(scratch, shapeOf(db));
    if (problem)
      throw new RungsError('database', `The backup ${name} cannot be restored into this roster: ${problem}. Nothing was changed.`);
    // The backup being restored may be the oldest kept: the set-aside copy must not prune it away.
    const aside = backupNow(db, dbPath, 'restore', name);
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
    removeTemp(scratch);
  }
}
