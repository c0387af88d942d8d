import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { type BackupInfo, backupDirFor } from '../safety/backup-files.ts';
import { listBackups } from '../safety/backup-list.ts';
import { type Contents, type RecoveryOption, contentsOf, recoveryOptions } from '../safety/recovery.ts';
import { type SalvageReport, salvageRoster } from '../safety/salvage.ts';
import { type Header, readHeader, tablesAfter, tablesIn } from '../safety/sqlite-file.ts';
import { appliedMigrations } from '../store/db.ts';
import { MIGRATIONS } from '../store/migrations/index.ts';

// Judging a roster file before SQLite writes anything (WAL mode, migrations): read-only, or through a
// copy when it has a WAL to replay. A file that is not a sound roster of this version is described in
// plain words, with the ways on (what still reads in it, the newest good backup, a fresh roster),
// each saying what it keeps and what it loses.

export type ProblemKind = 'not_sqlite' | 'truncated' | 'corrupt' | 'read_only' | 'newer_version' | 'unreadable';

export type RosterProblem = {
  kind: ProblemKind;
  path: string;
  message: string;
  backups: BackupInfo[];
  /** The ways on, best first, each saying what it keeps and loses: both shells offer exactly these. */
  choices: RecoveryOption[];
};

/** A file SQLite opens but cannot read whole: what still reads in it is worth salvaging. */
export const DAMAGED: readonly ProblemKind[] = ['corrupt', 'truncated'];

const KIND_WORDS: Record<ProblemKind, string> = {
  not_sqlite: 'is not a Rungs roster: it is not a SQLite database at all',
  truncated: 'is cut short: part of the file is missing (an interrupted copy or a full disk can do this)',
  corrupt: 'is damaged: SQLite found errors inside it',
  read_only: 'cannot be written: the file or its folder is read-only',
  newer_version: 'was written by a newer version of Rungs',
  unreadable: 'cannot be read',
};

type Verdict = { kind: ProblemKind; detail?: string };

export function problem({ kind, detail }: Verdict, path: string): RosterProblem {
  const message = `The roster at ${path} ${KIND_WORDS[kind]}${detail ? ` (${detail})` : ''}. Rungs has not changed it.`;
  // Only backups that pass SQLite's check and this version can open, newest first.
  const backups = listBackups(path);
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

/** SQLite's verdict on an open database: its check, then whether this version of Rungs knows its schema. */
function judge(db: Database.Database): Verdict | null {
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') return { kind: 'corrupt', detail: String(check).slice(0, 200) };
  const unknown = unknownMigrations(db);
  if (unknown !== null) {
    return { kind: 'newer_version', detail: unknown.length > 0 ? `it has ${unknown.join(', ')}; update Rungs to open it` : undefined };
  }
  if (appliedMigrations(db).length === MIGRATIONS.length) {
    const present = new Set(tablesIn(db));
    const missing = tablesAfter(MIGRATIONS, MIGRATIONS.length).filter((t) => !present.has(t));
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
  let header: Header;
  try {
    size = statSync(path).size;
    if (size === 0) return writable(path) ? null : problem({ kind: 'read_only' }, path);
    header = readHeader(path, size);
  } catch (error) {
    return problem({ kind: 'unreadable', detail: (error as Error).message }, path);
  }
  if (!header.sqlite) return problem({ kind: 'not_sqlite' }, path);
  if (!header.valid) return problem({ kind: 'corrupt', detail: 'its header is invalid' }, path);
  const { short, expectedBytes } = header;
  // With a WAL (or a size that disagrees with the header) only SQLite's own recovery, on a copy, can judge.
  const found = short || walBytes(path) > 0 ? judgeCopy(path) : judgeFile(path, true);
  if (found) {
    // Still bad once SQLite has had its say, and the end of the file is missing: say that, in those words.
    if (short && found.kind === 'corrupt')
      return problem({ kind: 'truncated', detail: `${size} bytes where ${expectedBytes ?? 'whole pages'} were expected` }, path);
    return problem(found, path);
  }
  if (!writable(path)) return problem({ kind: 'read_only' }, path);
  return null;
}
