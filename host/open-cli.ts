import { fileURLToPath } from 'node:url';
import type { RosterProblem } from '../data/open/diagnose.ts';
import type { OpenRosterOptions } from '../data/open/open-safely.ts';
import type { RecoveryChoice, RecoveryOption } from '../data/safety/recovery.ts';
import { type RemoteRoster, type RemoteRosterOptions, createRemoteRoster } from '../data/remote/client.ts';
import { RosterProcessError } from '../data/remote/refusals.ts';
import { spawnRosterWorker } from '../data/remote/worker-thread.ts';
import { RungsError } from '../shared/errors.ts';

// How the browser host opens its roster: in its own thread (data/remote/), one writer per file, and
// a bad file answered in words on the terminal with the ways on (what still reads in it, a backup,
// or a fresh roster), each saying what it loses, chosen by re-running with a flag.

export const SALVAGE_FLAG = '--salvage';
export const RESTORE_FLAG = '--restore-latest-backup';
export const FRESH_FLAG = '--fresh';
/** A choice that loses changes or rows another choice keeps is taken only with this as well. */
export const ACCEPT_LOSS_FLAG = '--accept-loss';

const FLAGS: Record<RecoveryChoice, string> = { salvage: SALVAGE_FLAG, 'latest-backup': RESTORE_FLAG, fresh: FRESH_FLAG };

export type HostOpen = { ok: true; notes: string[] } | { ok: false; exitCode: number; message: string };

/** One line per choice, best first, in the words the desktop dialog shows. */
function ways(choices: RecoveryOption[]): string[] {
  const width = Math.max(...choices.map((o) => FLAGS[o.choice].length));
  return choices.map((o) => `  ${FLAGS[o.choice].padEnd(width)}   ${o.recommended ? '(recommended) ' : ''}${o.outcome}`);
}

/** Why the host stopped, and how to go on. */
function advice(problem: RosterProblem, asked: RecoveryChoice | null, option: RecoveryOption | undefined): string {
  const unavailable =
    asked && !option
      ? asked === 'latest-backup'
        ? 'There is no good backup to restore.'
        : `${FLAGS[asked]} is not a way on for this file.`
      : null;
  const lossy = option && option.loses ? option : null;
  const lines = [problem.message, unavailable];
  if (lossy) {
    lines.push(
      '',
      `${FLAGS[lossy.choice]} was not taken: it loses what another choice keeps. ${lossy.outcome}`,
      `To take it anyway, start the host again with ${FLAGS[lossy.choice]} ${ACCEPT_LOSS_FLAG}.`,
    );
  }
  lines.push(
    '',
    'To go on, start the host again with one of these (the bad file is kept, renamed with the date):',
    ...ways(problem.choices),
  );
  if (!lossy && problem.choices.some((o) => o.loses)) lines.push(`A choice that loses what another keeps also needs ${ACCEPT_LOSS_FLAG}.`);
  return lines.filter((l) => l !== null).join('\n');
}

/** The roster thread the build makes (scripts/build.mjs): one file, as Electron's roster process is. */
export const ROSTER_THREAD = fileURLToPath(new URL('../dist-host/roster-thread.mjs', import.meta.url));

/** The host's roster: a worker_thread, from the built bundle, serving the file at `path`. */
export function hostRoster(
  path: string,
  options: OpenRosterOptions,
  more: Partial<Omit<RemoteRosterOptions, 'open' | 'spawn'>> & { launchBackup?: boolean } = {},
): RemoteRoster {
  const { launchBackup = false, ...rest } = more;
  return createRemoteRoster({ spawn: () => spawnRosterWorker(ROSTER_THREAD), open: { path, options, launchBackup }, ...rest });
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
    const asked = (Object.keys(FLAGS) as RecoveryChoice[]).find((c) => argv.includes(FLAGS[c])) ?? null;
    const option = problem.choices.find((o) => o.choice === asked);
    if (!asked || !option || (option.loses && !argv.includes(ACCEPT_LOSS_FLAG))) return await refuse(3, advice(problem, asked, option));
    const info = await remote.recover(asked);
    return { ok: true, notes: info.notes };
  } catch (error) {
    // Another Rungs holds the file: exit code 4, apart from a bad roster's 3, so a script can tell them apart.
    if (error instanceof RosterProcessError && error.stage === 'lock') return await refuse(4, error.message);
    if (error instanceof RungsError) return await refuse(3, error.message);
    await remote.close();
    throw error;
  }
}
