import {
  accessSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { RungsError } from '../shared/errors.ts';
import { type BackupInfo, backupDirFor, isSoundDatabase, listBackups } from './backup.ts';
import { appliedMigrations, migrate } from './db.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { type Roster, openRoster } from './roster.ts';

// Opening the roster without ever making a bad file worse. Before SQLite writes anything (WAL mode,
// migrations), the file is examined read-only, or, when it has a WAL to replay, through a copy. If it is not a sound roster of this version, the app
// gets a plain description and the backups it could use instead; the file itself is left untouched.
// Recovery (a backup or a fresh roster) first renames the bad file aside, with a timestamp.
// Used by both the Electron shell and the browser host.

export type ProblemKind = 'not_sqlite' | 'truncated' | 'corrupt' | 'read_only' | 'newer_version' | 'unreadable';
export type RosterProblem = { kind: ProblemKind; path: string; message: string; backups: BackupInfo[] };
export type SafeOpen = { ok: true; roster: Roster } | { ok: false; problem: RosterProblem };
export type OpenRosterOptions = { startEmpty?: boolean; version?: string; mapFile?: string };
export type RecoveryChoice = 'latest-backup' | 'fresh';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

const KIND_WORDS: Record<ProblemKind, string> = {
  not_sqlite: 'is not a Rungs roster: it is not a SQLite database at all',
  truncated: 'is cut short: part of the file is missing (an interrupted copy or a full disk can do this)',
  corrupt: 'is damaged: SQLite found errors inside it',
  read_only: 'cannot be written: the file or its folder is read-only',
  newer_version: 'was written by a newer version of Rungs',
  unreadable: 'cannot be read',
};

function problem(kind: ProblemKind, path: string, detail?: string): RosterProblem {
  const message = `The roster at ${path} ${KIND_WORDS[kind]}${detail ? ` (${detail})` : ''}. Rungs has not changed it.`;
  return { kind, path, message, backups: goodBackups(path) };
}

/** Migrations in the file that this version does not know: non-empty means a newer Rungs wrote it. */
function unknownMigrations(db: Database.Database): string[] | null {
  const applied = appliedMigrations(db);
  const known = MIGRATIONS.map((m) => m.name);
  if (applied.length <= known.length && applied.every((name, i) => name === known[i])) return null;
  return applied.filter((n) => !known.includes(n));
}

/** Backups that pass SQLite's check and this version can open, newest first. */
export function goodBackups(path: string): BackupInfo[] {
  return listBackups(path).filter((b) => {
    const file = join(backupDirFor(path), b.name);
    if (!isSoundDatabase(file)) return false;
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return unknownMigrations(db) === null;
    } finally {
      db.close();
    }
  });
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The size of the roster's WAL, 0 when there is none. */
function walBytes(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}

/** The tables a roster of this version holds, from the migrations themselves. */
let knownTables: string[] | null = null;
export function rosterTables(): string[] {
  if (knownTables) return knownTables;
  const db = new Database(':memory:');
  try {
    migrate(db, MIGRATIONS, false);
    knownTables = db
      .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all()
      .map((t) => t.name);
    return knownTables;
  } finally {
    db.close();
  }
}

/** SQLite's verdict on an open database: its check, then whether this version of Rungs knows its schema. */
function judge(db: Database.Database, path: string): RosterProblem | null {
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') return problem('corrupt', path, String(check).slice(0, 200));
  const unknown = unknownMigrations(db);
  if (unknown !== null) {
    return problem('newer_version', path, unknown.length > 0 ? `it has ${unknown.join(', ')}; update Rungs to open it` : undefined);
  }
  if (appliedMigrations(db).length === MIGRATIONS.length) {
    const present = new Set(
      db
        .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table'`)
        .all()
        .map((t) => t.name),
    );
    const missing = rosterTables().filter((t) => !present.has(t));
    if (missing.length > 0) return problem('corrupt', path, `it has no ${missing.join(', ')} table`);
  }
  return null;
}

/**
 * Judge a copy of the file and its WAL, opened read-write so SQLite replays the WAL as it would on
 * the roster itself. A WAL is the normal state of a roster whose process stopped, and it may hold
 * the pages that make the main file whole (a checkpoint writes page 1, with the new page count,
 * before the pages after it): only SQLite, replaying it, can tell an unfinished checkpoint from a
 * file that lost its end. The copy keeps the roster untouched until that verdict is known; the
 * -shm is not copied, so SQLite rebuilds the WAL index from the WAL alone.
 */
function judgeCopy(path: string): RosterProblem | null {
  let scratch: string;
  try {
    scratch = mkdtempSync(join(tmpdir(), 'rungs-check-'));
  } catch (error) {
    return problem('unreadable', path, `no room to check a copy: ${(error as Error).message}`);
  }
  try {
    const copy = join(scratch, 'roster.sqlite');
    copyFileSync(path, copy);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    return judgeFile(copy, path, false);
  } catch (error) {
    return problem('unreadable', path, (error as Error).message);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Open `file` and judge it; problems are reported against `path`, the roster the lead knows. */
function judgeFile(file: string, path: string, readonly: boolean): RosterProblem | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly, fileMustExist: true });
    return judge(db, path);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return problem('corrupt', path, (error as Error).message);
    return problem('unreadable', path, (error as Error).message);
  } finally {
    db?.close();
  }
}

/** Examine the file without writing to it. Null: sound (or absent, so a new roster will be made). */
export function diagnoseRoster(path: string): RosterProblem | null {
  if (!existsSync(path)) return null;
  let size: number;
  const header = Buffer.alloc(100);
  try {
    size = statSync(path).size;
    if (size === 0) return writable(path) ? null : problem('read_only', path);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, header, 0, 100, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return problem('unreadable', path, (error as Error).message);
  }
  if (size < 100 || !header.subarray(0, 16).equals(SQLITE_HEADER)) return problem('not_sqlite', path);
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return problem('corrupt', path, 'its header is invalid');
  // The page count in the header is meaningful only when it was written with the current change counter.
  const countValid = pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
  const short = size % pageSize !== 0 || (countValid && size < pages * pageSize);
  // With a WAL (or a size that disagrees with the header) only SQLite's own recovery, on a copy, can judge.
  const found = short || walBytes(path) > 0 ? judgeCopy(path) : judgeFile(path, path, true);
  if (found) {
    // Still bad once SQLite has had its say, and the end of the file is missing: say that, in those words.
    if (short && found.kind === 'corrupt') return problem('truncated', path, `${size} bytes where ${pages * pageSize} were expected`);
    return found;
  }
  if (!writable(path)) return problem('read_only', path);
  return null;
}

/** Open the roster if it is sound; otherwise describe what is wrong and what could replace it. */
export function openRosterSafely(path: string, options: OpenRosterOptions = {}): SafeOpen {
  const found = diagnoseRoster(path);
  if (found) return { ok: false, problem: found };
  try {
    return { ok: true, roster: openRoster(path, options) };
  } catch (error) {
    // What the read-only look could not see: a write refused by the system, damage met mid-migration.
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
      return { ok: false, problem: problem('read_only', path, (error as Error).message) };
    }
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
      return { ok: false, problem: problem('corrupt', path, (error as Error).message) };
    }
    if (error instanceof RungsError) return { ok: false, problem: { ...problem('unreadable', path), message: error.message } };
    throw error;
  }
}

const stamp = (date = new Date()) => date.toISOString().replace(/[:.]/g, '-');

/** Rename the bad file (and its WAL and shared-memory files) aside; returns the new name. */
export function setAside(path: string, kind: ProblemKind): string {
  const aside = `${path}.${kind.replace('_', '-')}-${stamp()}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    throw new RungsError(
      'database',
      `Rungs could not move the roster at ${path} aside (${(error as Error).message}). It was not changed; move or copy it yourself, or open another file with --db.`,
    );
  }
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  }
  return aside;
}

/**
 * Replace a bad roster by its newest good backup, or by a fresh roster. The bad file is kept,
 * renamed with a timestamp, next to where it was.
 */
export function recoverRoster(
  found: RosterProblem,
  choice: RecoveryChoice,
  options: OpenRosterOptions = {},
): { roster: Roster; setAside: string; restored: string | null } {
  const backup = choice === 'latest-backup' ? found.backups[0] : undefined;
  if (choice === 'latest-backup' && !backup) throw new RungsError('not_found', 'There is no good backup of this roster to restore.');
  const aside = setAside(found.path, found.kind);
  if (backup) copyFileSync(join(backupDirFor(found.path), backup.name), found.path);
  return { roster: openRoster(found.path, options), setAside: basename(aside), restored: backup?.name ?? null };
}
