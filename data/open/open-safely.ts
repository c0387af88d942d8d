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
import { RungsError } from '../../shared/errors.ts';
import { type BackupInfo, backupDirFor } from '../safety/backup-files.ts';
import { listBackups } from '../safety/backup-list.ts';
import { appliedMigrations, migrate } from '../store/db.ts';
import { MIGRATIONS } from '../store/migrations/index.ts';
import {
  type Contents,
  type RecoveryChoice,
  type RecoveryOption,
  contentsOf,
  recoveryOptions,
  salvageSummary,
} from '../safety/recovery.ts';
import { type Roster, openRoster } from './roster.ts';
import { type SalvageReport, salvageRoster } from '../safety/salvage.ts';

// Opening the roster without ever making a bad file worse. Before SQLite writes anything (WAL mode,
// migrations), the file is examined read-only, or through a copy when it has a WAL to replay. If it
// is not a sound roster of this version, the app gets a plain description and the ways on (what
// still reads in a damaged file, the newest good backup, a fresh roster), each saying what it loses;
// the file itself is left untouched. Recovery first renames the bad file aside, with a timestamp.
// Used by both the Electron shell and the browser host.

export type ProblemKind = 'not_sqlite' | 'truncated' | 'corrupt' | 'read_only' | 'newer_version' | 'unreadable';
export type RosterProblem = {
  kind: ProblemKind;
  path: string;
  message: string;
  backups: BackupInfo[];
  /** The ways on, best first, each saying what it keeps and loses: both shells offer exactly these. */
  choices: RecoveryOption[];
};
export type SafeOpen = { ok: true; roster: Roster } | { ok: false; problem: RosterProblem };
export type OpenRosterOptions = { startEmpty?: boolean; version?: string; mapFile?: string };
export type { RecoveryChoice, RecoveryOption };

/** A file SQLite opens but cannot read whole: what still reads in it is worth salvaging. */
const DAMAGED: readonly ProblemKind[] = ['corrupt', 'truncated'];

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

const KIND_WORDS: Record<ProblemKind, string> = {
  not_sqlite: 'is not a Rungs roster: it is not a SQLite database at all',
  truncated: 'is cut short: part of the file is missing (an interrupted copy or a full disk can do this)',
  corrupt: 'is damaged: SQLite found errors inside it',
  read_only: 'cannot be written: the file or its folder is read-only',
  newer_version: 'was written by a newer version of Rungs',
  unreadable: 'cannot be read',
};

type Verdict = { kind: ProblemKind; detail?: string };

function problem({ kind, detail }: Verdict, path: string): RosterProblem {
  const message = `The roster at ${path} ${KIND_WORDS[kind]}${detail ? ` (${detail})` : ''}. Rungs has not changed it.`;
  const backups = goodBackups(path);
  const backupFile = backups[0] ? join(backupDirFor(path), backups[0].name) : null;
  return { kind, path, message, backups, choices: recoveryOptions(backups, backupFile, DAMAGED.includes(kind) ? trySalvage(path) : null) };
}

/** Salvage into a scratch file only to see what it would hold; the real salvage is made if chosen. */
function trySalvage(path: string): { report: SalvageReport; contents: Contents } | null {
  let scratch: string | null = null;
  try {
    scratch = mkdtempSync(join(tmpdir(), 'rungs-salvage-'));
    const file = join(scratch, 'salvaged.sqlite');
    const report = salvageRoster(path, file);
    return { report, contents: contentsOf(file) };
  } catch {
    // Not even a partial copy could be made: the backup and a fresh roster remain.
    return null;
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
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
function rosterTables(): string[] {
  if (knownTables) return knownTables;
  const db = new Database(':memory:');
  try {
    migrate(db, MIGRATIONS);
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
function judge(db: Database.Database): Verdict | null {
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') return { kind: 'corrupt', detail: String(check).slice(0, 200) };
  const unknown = unknownMigrations(db);
  if (unknown !== null) {
    return { kind: 'newer_version', detail: unknown.length > 0 ? `it has ${unknown.join(', ')}; update Rungs to open it` : undefined };
  }
  if (appliedMigrations(db).length === MIGRATIONS.length) {
    const present = new Set(
      db
        .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table'`)
        .all()
        .map((t) => t.name),
    );
    const missing = rosterTables().filter((t) => !present.has(t));
    if (missing.length > 0) return { kind: 'corrupt', detail: `it has no ${missing.join(', ')} table` };
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
function judgeCopy(path: string): Verdict | null {
  let scratch: string;
  try {
    scratch = mkdtempSync(join(tmpdir(), 'rungs-check-'));
  } catch (error) {
    return { kind: 'unreadable', detail: `no room to check a copy: ${(error as Error).message}` };
  }
  try {
    const copy = join(scratch, 'roster.sqlite');
    copyFileSync(path, copy);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    return judgeFile(copy, false);
  } catch (error) {
    return { kind: 'unreadable', detail: (error as Error).message };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function judgeFile(file: string, readonly: boolean): Verdict | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly, fileMustExist: true });
    return judge(db);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return { kind: 'corrupt', detail: (error as Error).message };
    return { kind: 'unreadable', detail: (error as Error).message };
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
    if (size === 0) return writable(path) ? null : problem({ kind: 'read_only' }, path);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, header, 0, 100, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return problem({ kind: 'unreadable', detail: (error as Error).message }, path);
  }
  if (size < 100 || !header.subarray(0, 16).equals(SQLITE_HEADER)) return problem({ kind: 'not_sqlite' }, path);
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return problem({ kind: 'corrupt', detail: 'its header is invalid' }, path);
  // The page count in the header is meaningful only when it was written with the current change counter.
  const countValid = pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
  const short = size % pageSize !== 0 || (countValid && size < pages * pageSize);
  // With a WAL (or a size that disagrees with the header) only SQLite's own recovery, on a copy, can judge.
  const found = short || walBytes(path) > 0 ? judgeCopy(path) : judgeFile(path, true);
  if (found) {
    // Still bad once SQLite has had its say, and the end of the file is missing: say that, in those words.
    if (short && found.kind === 'corrupt')
      return problem({ kind: 'truncated', detail: `${size} bytes where ${pages * pageSize} were expected` }, path);
    return problem(found, path);
  }
  if (!writable(path)) return problem({ kind: 'read_only' }, path);
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
      return { ok: false, problem: problem({ kind: 'read_only', detail: (error as Error).message }, path) };
    }
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
      return { ok: false, problem: problem({ kind: 'corrupt', detail: (error as Error).message }, path) };
    }
    if (error instanceof RungsError) return { ok: false, problem: { ...problem({ kind: 'unreadable' }, path), message: error.message } };
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
 * Replace a bad roster by what was salvaged from it, its newest good backup, or a fresh roster. The
 * bad file is kept, renamed with a timestamp, next to where it was.
 */
export function recoverRoster(
  found: RosterProblem,
  choice: RecoveryChoice,
  options: OpenRosterOptions = {},
): { roster: Roster; setAside: string; restored: string | null; salvaged: string | null } {
  const backup = choice === 'latest-backup' ? found.backups[0] : undefined;
  if (choice === 'latest-backup' && !backup) throw new RungsError('not_found', 'There is no good backup of this roster to restore.');
  if (choice === 'salvage') {
    if (!DAMAGED.includes(found.kind)) throw new RungsError('invalid_input', 'Only a damaged roster can be salvaged.');
    // Made next to the roster, so it takes the roster's place by a rename once the bad file is aside.
    const into = `${found.path}.salvaging-${stamp()}`;
    let report: SalvageReport;
    try {
      report = salvageRoster(found.path, into);
    } catch (error) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(into + suffix, { force: true });
      throw new RungsError('database', `Rungs could not salvage the roster (${(error as Error).message}). It was not changed.`);
    }
    const aside = setAside(found.path, found.kind);
    renameSync(into, found.path);
    // A salvage with no quarter gets an empty one, never the demo team mixed into the lead's rows.
    const roster = openRoster(found.path, { ...options, startEmpty: true });
    return { roster, setAside: basename(aside), restored: null, salvaged: salvageSummary(report) };
  }
  const aside = setAside(found.path, found.kind);
  if (backup) copyFileSync(join(backupDirFor(found.path), backup.name), found.path);
  return { roster: openRoster(found.path, options), setAside: basename(aside), restored: backup?.name ?? null, salvaged: null };
}
