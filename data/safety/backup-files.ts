import { mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

// Where a roster's backups live and what they are called: <dataDir>/backups/<stem>-<timestamp>-<reason>.sqlite,
// and the temporary files that become them. Only a file whose name matches BACKUP_NAME is a backup.

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
export const stemOf = (dbPath: string): string =>
  basename(dbPath, extname(dbPath))
    .replace(/[^A-Za-z0-9_.-]/g, '_')
    .slice(0, 80) || 'rungs';

/** ISO time with the colons and dot replaced: valid in file names on every platform. */
export const stamp = (date: Date): string => date.toISOString().replace(/[:.]/g, '-');
export const unstamp = (s: string): string => s.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3}Z)$/, '$1:$2:$3.$4');

export function nextBackupPath(dbPath: string, reason: BackupReason, now = new Date()): string {
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
export const inFlight = new Set<string>();
let tempCount = 0;

export function tempFile(dir: string, kind: 'partial' | 'restore'): string {
  const name = `.${kind}-${process.pid}-${Date.now()}-${tempCount++}`;
  inFlight.add(name);
  return join(dir, name);
}

export function removeTemp(file: string): void {
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
export function removeLeftovers(dir: string, names: readonly string[]): void {
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const pid = Number(m[2]);
    const base = name.slice(0, name.length - (m[3]?.length ?? 0));
    const abandoned = pid === process.pid ? !inFlight.has(base) : !running(pid);
    if (abandoned) rmSync(join(dir, name), { force: true });
  }
}

/** A backup just written, as the listing would describe it. */
export function describe(file: string, reason: BackupReason): BackupInfo {
  const m = BACKUP_NAME.exec(basename(file));
  return { name: basename(file), createdAt: m ? unstamp(m[1]!) : new Date().toISOString(), reason, bytes: statSync(file).size };
}
