import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

// The short list of rosters opened lately, most recent first, kept as a JSON list of paths (in the
// data folder). File system only, and no zod: Electron's main process reads it before its window opens.

export const RECENT_FILE_NAME = 'recent-rosters.json';
/** How many rosters "Open recent" remembers. */
export const RECENT_MAX = 8;

/** The list after opening `path`: it first, no repeats, at most RECENT_MAX. */
export const remember = (recent: readonly string[], path: string, max = RECENT_MAX): string[] =>
  [path, ...recent.filter((p) => p !== path)].slice(0, max);

/** The remembered list; a missing, malformed or hand-edited file reads as an empty list (it is only a convenience). */
export function readRecent(file: string): string[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!Array.isArray(parsed) || !parsed.every((p) => typeof p === 'string' && p.length > 0 && p.length <= 4096)) return [];
    return [...new Set(parsed as string[])].slice(0, RECENT_MAX);
  } catch {
    return [];
  }
}

/** Written whole under a temporary name, then renamed, so a crash never leaves half a list. */
export function writeRecent(file: string, recent: readonly string[]): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(recent, null, 2));
    renameSync(`${file}.tmp`, file);
  } catch (error) {
    console.error('[rungs] Could not remember the recent rosters:', error);
  }
}

/** The remembered rosters whose file is still there, and those dropped because it is not (saved without them). */
export function recentRosters(file: string): { recent: string[]; dropped: string[] } {
  const all = readRecent(file);
  const recent = all.filter((p) => existsSync(p));
  const dropped = all.filter((p) => !recent.includes(p));
  if (dropped.length > 0) writeRecent(file, recent);
  return { recent, dropped };
}
