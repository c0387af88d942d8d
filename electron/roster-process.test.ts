import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import type { ForkOptions, UtilityProcess } from 'electron';
import { describe, expect, it } from 'vitest';
import { createRemoteRoster } from '../data/remote/client.ts';
import type { FromServer, ToServer } from '../data/remote/protocol.ts';
import { serveRoster } from '../data/remote/server.ts';
import { MAP_FILE, tempRoster } from '../tests/helpers/temp-db.ts';
import { ROSTER_SERVICE_NAME, forkRosterProcess } from './roster-process.ts';

// Electron's side of the remote roster, without Electron: a fake UtilityProcess shaped like the
// real one (postMessage, 'message', 'exit', kill) whose "process" is data/remote/server.ts running
// in this thread on a real roster file. What this cannot show is Electron itself forking
// dist-electron/db-process.cjs; tests/e2e/electron.spec.ts does where the binary exists.

function fakeFork() {
  const forks: { modulePath: string; options: ForkOptions | undefined; child: EventEmitter }[] = [];
  const fork = (modulePath: string, _args?: string[], options?: ForkOptions): UtilityProcess => {
    const child = new EventEmitter() as EventEmitter & { postMessage: (m: unknown) => void; kill: () => boolean };
    let alive = true;
    let deliver: (m: ToServer) => void = () => {};
    // Both directions asynchronous, as across a real process boundary.
    serveRoster({
      post: (m: FromServer) => setImmediate(() => alive && child.emit('message', m)),
      onMessage: (fn) => (deliver = fn),
    });
    child.postMessage = (m) => setImmediate(() => alive && deliver(structuredClone(m) as ToServer));
    child.kill = () => {
      if (!alive) return false;
      alive = false;
      setImmediate(() => child.emit('exit', 0));
      return true;
    };
    forks.push({ modulePath, options, child });
    return child as unknown as UtilityProcess;
  };
  return { fork, forks };
}

describe('the roster as an Electron utility process', () => {
  it('is forked under its service name and serves the same contract, then closes the file and ends', async () => {
    const { db, file, dispatchUnknown } = tempRoster();
    const local = dispatchUnknown('board.snapshot', {});
    db.close();
    const { fork, forks } = fakeFork();
    const remote = createRemoteRoster({
      spawn: () => forkRosterProcess(fork, '/app/dist-electron/db-process.cjs'),
      open: { path: file, options: { mapFile: MAP_FILE }, launchBackup: false },
    });
    expect(await remote.open()).toMatchObject({ ok: true });
    expect(forks).toHaveLength(1);
    expect(forks[0]).toMatchObject({ modulePath: '/app/dist-electron/db-process.cjs', options: { serviceName: ROSTER_SERVICE_NAME } });
    expect(ROSTER_SERVICE_NAME).toBe('Rungs roster');
    expect(await remote.dispatch('board.snapshot', {})).toEqual(local);
    expect(await remote.dispatch('plan.assign', { itemId: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await remote.close();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('a crashed utility process is forked again and answers the next call', async () => {
    const { db, file } = tempRoster();
    db.close();
    const { fork, forks } = fakeFork();
    const remote = createRemoteRoster({
      spawn: () => forkRosterProcess(fork, '/app/dist-electron/db-process.cjs'),
      open: { path: file, options: { mapFile: MAP_FILE }, launchBackup: false },
    });
    await remote.open();
    const pending = remote.dispatch('history.list', {});
    forks[0]!.child.emit('exit', 139); // as a segfault in the roster process would end it
    expect(await pending).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await remote.dispatch('history.list', {})).toMatchObject({ ok: true });
    expect(forks).toHaveLength(2);
    await remote.close();
  });
});
