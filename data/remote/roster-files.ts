import { basename } from 'node:path';
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract/index.ts';
import { parseAgainst } from '../../shared/contract/parse.ts';
import { type RosterFilesChannel, rosterFilesContract } from '../../shared/contract/roster-files.ts';
import { type Result, RungsError } from '../../shared/errors.ts';
import { listRosterFiles, rosterNameIn, rosterPath } from '../open/roster-folder.ts';
import type { RosterSwitch } from './roster-switch.ts';

// The roster-file channels (shared/contract/roster-files.ts), answered by the shell around the roster
// on the rosters of one data folder: list them, create one, open one. Each request is checked against
// the contract's schema first, and every name is turned into a path inside the folder or refused.

type RosterFilesHandlers = { [K in RosterFilesChannel]: (input: ParsedRequestOf<K>) => Promise<ResponseOf<K>> };

export function rosterFilesAnswers(
  rosters: RosterSwitch,
  folder: string,
): (channel: RosterFilesChannel, request: unknown) => Promise<Result<unknown>> {
  const nameOf = (path: string) => rosterNameIn(folder, path) ?? basename(path);
  const switchTo = async (name: string, create: boolean) => {
    const { path, notes } = await rosters.switchTo(rosterPath(folder, name), { create });
    return { current: nameOf(path), notes };
  };
  const handlers: RosterFilesHandlers = {
    'rosterFiles.list': async () => {
      const { recent, dropped } = rosters.recent();
      const open = rosters.current().path;
      return {
        current: nameOf(open),
        folder,
        rosters: listRosterFiles(folder),
        // The ones this folder holds, without the roster open now (it cannot be opened again).
        recent: recent.filter((p) => p !== open).flatMap((p) => rosterNameIn(folder, p) ?? []),
        dropped: dropped.map(nameOf),
      };
    },
    'rosterFiles.create': async ({ name }) => switchTo(name, true),
    'rosterFiles.open': async ({ name }) => switchTo(name, false),
  };
  return async (channel, request) => {
    try {
      // Only these channels' schemas: the whole contract is the roster thread's to load.
      const input = parseAgainst(rosterFilesContract[channel].request, channel, request);
      const value = await (handlers[channel] as (input: unknown) => Promise<unknown>)(input);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof RungsError) return { ok: false, error: error.toData() };
      console.error(`[rungs] ${channel} failed:`, error);
      return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    }
  };
}
