import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { RungsError } from '../../shared/errors.ts';
import { backupDirFor, stamp } from '../safety/backup-files.ts';
import { type RecoveryChoice, salvageSummary } from '../safety/recovery.ts';
import { type SalvageReport, salvageRoster } from '../safety/salvage.ts';
import { DAMAGED, type ProblemKind, type RosterProblem, diagnoseRoster, problem } from './diagnose.ts';
import { type Roster, openRoster } from './roster.ts';

// Opening the roster without ever making a bad file worse: diagnose.ts judges the file first, and
// only a sound one is opened for writing. Recovery first renames the bad file aside, with a
// timestamp. Used by both the Electron shell and the browser host.

export type SafeOpen = { ok: true; roster: Roster } | { ok: false; problem: RosterProblem };
export type OpenRosterOptions = { startEmpty?: boolean; mapFile?: string };

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

/** Rename the bad file (and its WAL and shared-memory files) aside; returns the new name. */
export function setAside(path: string, kind: ProblemKind): string {
  const aside = `${path}.${kind.replace('_', '-')}-${stamp(new Date())}`;
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
    const into = `${found.path}.salvaging-${stamp(new Date())}`;
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
