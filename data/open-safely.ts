import { accessSync, closeSync, constants, copyFileSync, existsSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { RungsError } from '../shared/errors.ts';
import { type BackupInfo, backupDirFor, listBackups } from './backup.ts';
import { appliedMigrations } from './db.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { type Roster, openRoster } from './roster.ts';

// Opening the roster without ever making a bad file worse. Before SQLite writes anything (WAL mode,
// migrations), the file is examined read-only. If it is not a sound roster of this version, the app
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

/** Backups that pass SQLite's check and this version can open, newest first (listBackups checks each). */
export function goodBackups(path: string): BackupInfo[] {
  return listBackups(path);
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
  if (size % pageSize !== 0 || (countValid && size < pages * pageSize)) {
    return problem('truncated', path, `${size} bytes where ${pages * pageSize} were expected`);
  }
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return problem('corrupt', path, String(check).slice(0, 200));
    const unknown = unknownMigrations(db);
    if (unknown !== null) {
      return problem('newer_version', path, unknown.length > 0 ? `it has ${unknown.join(', ')}; update Rungs to open it` : undefined);
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return problem('corrupt', path, (error as Error).message);
    return problem('unreadable', path, (error as Error).message);
  } finally {
    db?.close();
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
