import type { BackupInfo } from '../data/backup.ts';
import type { OpenRosterOptions, RecoveryChoice } from '../data/open-safely.ts';
import { type RemoteRoster, type RemoteRosterOptions, RosterProcessError, createRemoteRoster } from '../data/remote/client.ts';
import { spawnRosterWorker } from '../data/remote/worker-thread.ts';
import { RungsError } from '../shared/errors.ts';

// How the browser host opens its roster: in its own thread (data/remote/), one writer per file, and
// a bad file answered in words on the terminal with the two ways on (a backup or a fresh roster),
// chosen by re-running with a flag.

export const RESTORE_FLAG = '--restore-latest-backup';
export const FRESH_FLAG = '--fresh';

export type HostOpen = { ok: true; notes: string[] } | { ok: false; exitCode: number; message: string };

const when = (b: BackupInfo) => new Date(b.createdAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** The host's roster: a worker_thread serving the file at `path`. */
export function hostRoster(
  path: string,
  options: OpenRosterOptions,
  more: Partial<Omit<RemoteRosterOptions, 'open' | 'spawn'>> & { launchBackup?: boolean } = {},
): RemoteRoster {
  const { launchBackup = false, ...rest } = more;
  return createRemoteRoster({ spawn: spawnRosterWorker, open: { path, options, launchBackup }, ...rest });
}

/** Open it; on a refusal the roster thread is closed (and the lock released) before this answers. */
export async function openForHost(remote: RemoteRoster, argv: readonly string[]): Promise<HostOpen> {
  const refuse = async (exitCode: number, message: string): Promise<HostOpen> => {
    await remote.close();
    return { ok: false, exitCode, message };
  };
  try {
    const opened = await remote.open();
    if (opened.ok) return { ok: true, notes: opened.info.notes };
    const { problem } = opened;
    const choice: RecoveryChoice | null = argv.includes(RESTORE_FLAG) ? 'latest-backup' : argv.includes(FRESH_FLAG) ? 'fresh' : null;
    if (choice === null || (choice === 'latest-backup' && problem.backups.length === 0)) {
      const newest = problem.backups[0];
      const ways = [
        newest ? `  ${RESTORE_FLAG}   put back the newest good backup, from ${when(newest)} (${newest.name})` : null,
        `  ${FRESH_FLAG}                    start a new roster`,
      ].filter(Boolean);
      return await refuse(
        3,
        [
          problem.message,
          choice === 'latest-backup' ? 'There is no good backup to restore.' : null,
          '',
          'To go on, start the host again with one of these (the bad file is kept, renamed with the date):',
          ...ways,
        ]
          .filter((l) => l !== null)
          .join('\n'),
      );
    }
    const info = await remote.recover(choice);
    return { ok: true, notes: info.notes };
  } catch (error) {
    // Another Rungs holds the file: 4, as before the roster had its own thread.
    if (error instanceof RosterProcessError && error.stage === 'lock') return await refuse(4, error.message);
    if (error instanceof RungsError) return await refuse(3, error.message);
    await remote.close();
    throw error;
  }
}
