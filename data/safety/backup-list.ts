import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS, type Migration } from '../store/migrations/index.ts';
import { backupProblem } from './backup-check.ts';
import {
  BACKUP_NAME,
  BACKUPS_KEPT,
  type BackupInfo,
  type BackupReason,
  type BackupScan,
  type DamagedBackup,
  backupDirFor,
  removeLeftovers,
  stemOf,
  unstamp,
} from './backup-files.ts';

// Listing checks every file again, cheapest test first, because a file can be damaged after it was
// written or copied in by hand. A file that fails is reported with the reason, and is never offered
// for restore nor counted among the newest BACKUPS_KEPT.

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
