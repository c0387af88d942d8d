import { enableCompileCache } from 'node:module';
import { parentPort } from 'node:worker_threads';
import type { ServerPort, ToServer } from './protocol.ts';

// The roster thread's entry (data/remote/worker-thread.ts starts it). The compile cache is turned
// on before the data layer loads, as host/main.mjs does for the HTTP thread.
enableCompileCache();
const { serveRoster } = await import('./server.ts');

const parent = parentPort;
if (!parent) throw new Error('data/remote/worker.ts runs as a worker_thread.');
const port: ServerPort = {
  post: (message, transfer) => parent.postMessage(message, transfer),
  onMessage: (listener) => parent.on('message', (m: ToServer) => listener(m)),
};
serveRoster(port);
