import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

// Where the roster lives. Electron passes its userData folder; the browser host computes the same
// folder Electron would, so both transports open the same roster by default.

export const DB_FILE_NAME = 'rungs.sqlite';
export const DB_ENV = 'RUNGS_DB';
export const EMPTY_ENV = 'RUNGS_EMPTY';

export function defaultUserDataDir(platform = process.platform, env = process.env): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Rungs');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Rungs');
  // The XDG spec: an empty or relative XDG_CONFIG_HOME is to be ignored (a relative one would put
  // the roster wherever the host was started from).
  const config = env.XDG_CONFIG_HOME;
  return join(config && isAbsolute(config) ? config : join(homedir(), '.config'), 'Rungs');
}

export type LaunchOptions = { dbPath: string; startEmpty: boolean };

/** `--db PATH` wins over RUNGS_DB, which wins over the userData folder. `--empty` skips the demo team. */
export function launchOptions(argv: readonly string[], env: NodeJS.ProcessEnv, userDataDir: string): LaunchOptions {
  const flag = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    if (i >= 0) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(`${name}=`));
    return eq?.slice(name.length + 1);
  };
  return {
    dbPath: flag('--db') ?? env[DB_ENV] ?? join(userDataDir, DB_FILE_NAME),
    startEmpty: argv.includes('--empty') || env[EMPTY_ENV] === '1',
  };
}
