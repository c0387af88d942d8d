import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ROSTER_EXTENSION, type RosterFile, RosterFileName } from '../../shared/contract/roster-files.ts';
import { RungsError } from '../../shared/errors.ts';

// The roster files of a data folder, by name. File system only, no SQLite: the side that forwards to
// the roster (the HTTP thread, Electron's main process) uses it.

/** The file of the roster `name` in `folder`; the name is checked again here, whoever called. */
export function rosterPath(folder: string, name: string): string {
  const parsed = RosterFileName.safeParse(name);
  const path = parsed.success ? resolve(folder, `${parsed.data}${ROSTER_EXTENSION}`) : null;
  if (!path || dirname(path) !== resolve(folder)) throw new RungsError('invalid_input', `"${name}" is not a roster name.`);
  return path;
}

/** The roster's name if its file sits directly in `folder` under a name Rungs would give, else null. */
export function rosterNameIn(folder: string, path: string): string | null {
  if (dirname(resolve(path)) !== resolve(folder) || !path.endsWith(ROSTER_EXTENSION)) return null;
  const name = basename(path, ROSTER_EXTENSION);
  return RosterFileName.safeParse(name).success ? name : null;
}

/** The *.sqlite rosters directly in the folder, by name (backups live in a folder of their own). */
export function listRosterFiles(folder: string): RosterFile[] {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return [];
  }
  const files: RosterFile[] = [];
  for (const entry of entries) {
    const name = rosterNameIn(folder, join(folder, entry));
    if (name === null) continue;
    try {
      const info = statSync(join(folder, entry));
      if (info.isFile()) files.push({ name, modifiedAt: info.mtime.toISOString(), bytes: info.size });
    } catch {
      // Gone between the listing and the look: not there.
    }
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}
