import { statSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { appliedMigrations } from '../store/db.ts';
import { MIGRATIONS, type Migration } from '../store/migrations/index.ts';
import { readHeader, tablesAfter, tablesIn } from './sqlite-file.ts';

// Whether a file is a whole backup: the cheap checks on its bytes first, then SQLite's quick_check,
// then the same migrations and tables as the roster it copies (or as this version knows).

/** Checks that need no SQLite: size, header, and a write left unfinished beside the file. */
function fileProblem(file: string, size: number): string | null {
  if (size === 0) return 'damaged: 0 bytes (an interrupted backup)';
  const header = readHeader(file, size);
  if (!header.sqlite) return 'damaged: it is not a SQLite database';
  if (!header.valid) return 'damaged: its header is invalid';
  if (header.short) return `damaged: cut short, ${size} bytes where ${header.expectedBytes ?? 'whole pages'} were expected`;
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
    const applied = appliedMigrations(db);
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

export type Shape = { applied: string[]; tables: string[] };
export const shapeOf = (db: Database.Database): Shape => ({ applied: appliedMigrations(db), tables: tablesIn(db) });

/**
 * Why a copy does not hold the roster it copied (the same migrations and tables, sound), or null.
 * Opened for writing: it is also switched to rollback-journal mode, which the online backup API
 * does not do, so that nothing is ever written beside a finished backup.
 */
export function copyProblem(file: string, want: Shape): string | null {
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
