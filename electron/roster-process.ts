import type { ForkOptions, UtilityProcess } from 'electron';
import type { ClientPort, FromServer } from '../data/remote/protocol.ts';

// The remote roster over Electron's utility process: the database runs in dist-electron/db-process.cjs
// (electron/db-process.ts), so the main process, which draws every window, never waits on SQLite.
// `fork` comes in as an argument (Electron's utilityProcess.fork), so tests drive it with a fake.

export const ROSTER_SERVICE_NAME = 'Rungs roster';

type Fork = (modulePath: string, args?: string[], options?: ForkOptions) => UtilityProcess;

export function utilityPort(child: UtilityProcess): ClientPort {
  let exited = false;
  child.once('exit', () => (exited = true));
  return {
    post: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (message: FromServer) => listener(message)),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => {
      if (!exited) child.kill();
    },
  };
}

/** Start the roster process: the module at `modulePath`, named in the OS's process list and app metrics. */
export function forkRosterProcess(fork: Fork, modulePath: string): ClientPort {
  // stdout/stderr inherited: the roster's log lines land where the main process's do.
  return utilityPort(fork(modulePath, [], { serviceName: ROSTER_SERVICE_NAME, stdio: 'inherit' }));
}
