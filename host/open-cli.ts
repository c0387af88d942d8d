import type { BackupInfo } from '../data/backup.ts';
import { type OpenRosterOptions, type RecoveryChoice, openRosterSafely, recoverRoster } from '../data/open-safely.ts';
import type { Roster } from '../data/roster.ts';
import { type WriterLock, acquireWriterLock } from '../data/writer-lock.ts';
import { RungsError } from '../shared/errors.ts';

// How the browser host opens its roster: one writer per file, and a bad file answered in words on
// the terminal with the two ways on (a backup or a fresh roster), chosen by re-running with a flag.

export const RESTORE_FLAG = '--restore-latest-backup';
export const FRESH_FLAG = '--fresh';

export type HostOpen = { ok: true; roster: Roster; lock: WriterLock; notes: string[] } | { ok: false; exitCode: number; message: string };

const when = (b: BackupInfo) => new Date(b.createdAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

export function openForHost(dbPath: string, argv: readonly string[], options: OpenRosterOptions): HostOpen {
  let lock: WriterLock;
  try {
    lock = acquireWriterLock(dbPath);
  } catch (error) {
    return { ok: false, exitCode: 4, message: error instanceof Error ? error.message : String(error) };
  }
  try {
    const opened = openRosterSafely(dbPath, options);
    if (opened.ok) return { ok: true, roster: opened.roster, lock, notes: [] };
    const { problem } = opened;
    const choice: RecoveryChoice | null = argv.includes(RESTORE_FLAG) ? 'latest-backup' : argv.includes(FRESH_FLAG) ? 'fresh' : null;
    if (choice === null || (choice === 'latest-backup' && problem.backups.length === 0)) {
      lock.release();
      const newest = problem.backups[0];
      const ways = [
        newest ? `  ${RESTORE_FLAG}   put back the newest good backup, from ${when(newest)} (${newest.name})` : null,
        `  ${FRESH_FLAG}                    start a new roster`,
      ].filter(Boolean);
      return {
        ok: false,
        exitCode: 3,
        message: [
          problem.message,
          choice === 'latest-backup' ? 'There is no good backup to restore.' : null,
          '',
          'To go on, start the host again with one of these (the bad file is kept, renamed with the date):',
          ...ways,
        ]
          .filter((l) => l !== null)
          .join('\n'),
      };
    }
    const recovered = recoverRoster(problem, choice, options);
    return {
      ok: true,
      roster: recovered.roster,
      lock,
      notes: [
        problem.message,
        recovered.restored ? `Restored the backup ${recovered.restored}.` : 'Started a new roster.',
        `The old file is kept as ${recovered.setAside}.`,
      ],
    };
  } catch (error) {
    lock.release();
    if (error instanceof RungsError) return { ok: false, exitCode: 3, message: error.message };
    throw error;
  }
}
