import { Worker } from 'node:worker_threads';
import type { ClientPort, FromServer } from './protocol.ts';

// The remote roster over Node's worker_threads (the browser host, the tests and the bench): the
// roster runs in data/remote/worker.ts on its own thread, so the HTTP thread never waits on SQLite.

/** The thread's entry as source: what the tests and the bench's own roster threads run. */
const SOURCE = new URL('./worker.ts', import.meta.url);

export function workerPort(worker: Worker): ClientPort {
  let exited = false;
  return {
    post: (message, transfer) => worker.postMessage(message, transfer),
    onMessage: (listener) => worker.on('message', (m: FromServer) => listener(m)),
    onExit: (listener) =>
      worker.once('exit', (code) => {
        exited = true;
        listener(code);
      }),
    kill: () => {
      if (!exited) void worker.terminate();
    },
  };
}

/**
 * A new roster thread, from `entry` (the source by default; the browser host runs the built bundle,
 * scripts/build.mjs). Its errors end it; the client hears that as an exit.
 */
export function spawnRosterWorker(entry: URL | string = SOURCE): ClientPort {
  const worker = new Worker(entry);
  worker.on('error', (error) => console.error('[rungs] The roster thread failed:', error));
  return workerPort(worker);
}
