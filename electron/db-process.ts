import type { ToServer } from '../data/remote/protocol.ts';
import { serveRoster } from '../data/remote/server.ts';

// The roster's own process under Electron (bundled as dist-electron/db-process.cjs, started by
// electron/roster-process.ts with utilityProcess.fork). It holds the writer lock, opens the roster
// the safe way and answers the main process's calls with the one dispatcher (data/remote/server.ts).

const parent = process.parentPort;
if (!parent) throw new Error('db-process runs as an Electron utility process.');
serveRoster({
  post: (message) => parent.postMessage(message),
  onMessage: (listener) => parent.on('message', (event) => listener(event.data as ToServer)),
});
