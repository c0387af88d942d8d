import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { type Result, RungsError } from '../../shared/errors.ts';
import type { RosterProblem } from '../open/diagnose.ts';
import { readRecent, recentRosters, remember, writeRecent } from '../open/recent-rosters.ts';
import type { RemoteRoster } from './client.ts';
import { RosterProcessError } from './refusals.ts';

// Another roster file in place of the open one, without a restart. The next roster opens first, in
// a roster process of its own, the same safe way as at launch (writer lock, the file judged before
// anything writes to it); only once it is open does the current one close, as on quit (its launch
// backup finished, the file and its lock released). So a refusal (another Rungs holds the file, the
// file is bad) leaves the current roster open and says so. No zod and no SQLite here: Electron's main
// process and the browser host's HTTP thread hold this.

export type RosterSwitchOptions = {
  /** The roster opened at launch (already open) and its file. */
  first: { remote: RemoteRoster; path: string };
  /** A roster process for another file, not opened yet; `startEmpty` for a new roster (the first-run guide shows). */
  remoteFor: (path: string, startEmpty: boolean) => RemoteRoster;
  /** Where the recently opened rosters are remembered. */
  recentFile: string;
  /**
   * A bad file: the shell may offer the recovery choices (Electron's dialog) and answer true once
   * `remote` is recovered and open. Without it the switch is refused and the file left as it is.
   */
  onProblem?: (remote: RemoteRoster, problem: RosterProblem) => Promise<boolean>;
};

export type Switched = { path: string; notes: string[] };

export type RosterSwitch = {
  /** The roster open now. */
  current: () => { remote: RemoteRoster; path: string };
  /** Open `path` in place of the current roster. `create`: a new, empty roster that must not exist yet. */
  switchTo: (path: string, how: { create: boolean }) => Promise<Switched>;
  /** The remembered rosters still there, most recent first, and the ones just dropped because they are gone. */
  recent: () => { recent: string[]; dropped: string[] };
  dispatch: (channel: unknown, request: unknown, timeoutMs?: number) => Promise<Result<unknown>>;
  dispatchJson: (channel: unknown, request: unknown, timeoutMs?: number) => Promise<string>;
  dispatchBytes: (channel: unknown, request: unknown, timeoutMs?: number) => Promise<Uint8Array>;
  dispatchBody: (channel: string, body: Uint8Array, timeoutMs?: number) => Promise<Uint8Array>;
  /** Close the roster open now (quitting). */
  close: () => Promise<void>;
};

const fileName = (path: string) => basename(path);

export function createRosterSwitch(options: RosterSwitchOptions): RosterSwitch {
  let current = { remote: options.first.remote, path: resolve(options.first.path) };
  let switching = false;
  writeRecent(options.recentFile, remember(readRecent(options.recentFile), current.path));

  const refuse = (code: 'conflict' | 'not_found' | 'database', why: string): never => {
    throw new RungsError(code, `${why} ${fileName(current.path)} stays open.`);
  };

  /** Open `path` in its own roster process; it is closed again on any refusal. */
  const openNext = async (path: string, create: boolean): Promise<{ remote: RemoteRoster; notes: string[] }> => {
    const next = options.remoteFor(path, create);
    let problem: RosterProblem;
    try {
      const opened = await next.open();
      if (opened.ok) return { remote: next, notes: opened.info.notes };
      problem = opened.problem;
      if (options.onProblem && (await options.onProblem(next, problem))) return { remote: next, notes: next.info()?.notes ?? [] };
    } catch (error) {
      await next.close();
      if (error instanceof RosterProcessError && error.stage === 'lock') {
        return refuse('conflict', `Another Rungs is using ${fileName(path)}. Close it there first, then open it here.`);
      }
      return refuse('database', error instanceof Error ? error.message : String(error));
    }
    await next.close();
    return refuse('database', `${problem.message} The file was not changed.`);
  };

  return {
    current: () => current,
    switchTo: async (given, { create }) => {
      const path = resolve(given);
      if (switching) refuse('conflict', 'Another roster is being opened; wait for it.');
      if (path === current.path) refuse('conflict', `${fileName(path)} is the roster open now.`);
      const exists = existsSync(path);
      if (create && exists) refuse('conflict', `There is already a roster called ${fileName(path)}: open it, or choose another name.`);
      if (!create && !exists) {
        writeRecent(
          options.recentFile,
          readRecent(options.recentFile).filter((p) => p !== path),
        );
        refuse('not_found', `${fileName(path)} is no longer there (moved or deleted), so it was taken off the recent rosters.`);
      }
      switching = true;
      try {
        const next = await openNext(path, create);
        const previous = current;
        current = { remote: next.remote, path };
        writeRecent(options.recentFile, remember(readRecent(options.recentFile), path));
        // New calls already go to the new roster; the old one finishes its backup and closes as on quit.
        await previous.remote.close();
        return { path, notes: next.notes };
      } finally {
        switching = false;
      }
    },
    recent: () => recentRosters(options.recentFile),
    dispatch: (channel, request, timeoutMs) => current.remote.dispatch(channel, request, timeoutMs),
    dispatchJson: (channel, request, timeoutMs) => current.remote.dispatchJson(channel, request, timeoutMs),
    dispatchBytes: (channel, request, timeoutMs) => current.remote.dispatchBytes(channel, request, timeoutMs),
    dispatchBody: (channel, body, timeoutMs) => current.remote.dispatchBody(channel, body, timeoutMs),
    close: () => current.remote.close(),
  };
}
