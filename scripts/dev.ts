import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { HOST_NODE_FLAGS } from '../host/node-flags.ts';

// `npm run dev [-- host flags]`: the renderer with Vite's hot reload, against a real browser host.
// The host (host/main.mjs, its own process) opens the roster and makes the per-launch token; Vite
// forwards the API path to it (vite.config.ts, RUNGS_HOST_URL) and the page sends the token from its
// address, as it does on the host itself. Edits under renderer/ reload in place; data/ and shared/
// run in the host's roster thread, a bundle (scripts/build.mjs) this command rebuilds on every
// start, so a change there needs a restart of this command.

const root = fileURLToPath(new URL('..', import.meta.url));

// The host refuses to start without a built renderer; Vite serves the live one, so any build will do.
if (!existsSync(`${root}dist/renderer/index.html`)) {
  const build = spawnSync(process.execPath, [`${root}scripts/build.mjs`, '--renderer-only'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// The roster thread runs the host's data/ and shared/ code from its bundle: built afresh each start.
const thread = spawnSync(process.execPath, [`${root}scripts/build.mjs`, '--roster-thread-only'], { stdio: 'inherit' });
if (thread.status !== 0) process.exit(thread.status ?? 1);

const host = spawn(process.execPath, [...HOST_NODE_FLAGS, `${root}host/main.mjs`, ...process.argv.slice(2)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const ready = new Promise<URL>((resolve, reject) => {
  createInterface({ input: host.stdout }).on('line', (line) => {
    const running = /^Rungs is running at (\S+)/.exec(line);
    if (running) resolve(new URL(running[1]!));
    else console.log(line);
  });
  host.once('exit', (code) => reject(new Error(`The browser host stopped before it was ready (exit code ${code}).`)));
});

let hostUrl: URL;
try {
  hostUrl = await ready;
} catch (error) {
  console.error((error as Error).message);
  process.exit(host.exitCode || 1);
}
const token = hostUrl.searchParams.get('token') ?? '';

process.env.RUNGS_HOST_URL = hostUrl.origin;
// Another Vite may hold 5173 (a second checkout): take the next free port and print it.
const vite = await createServer({ configFile: `${root}vite.config.ts`, server: { strictPort: false } });
await vite.listen();
const page = new URL(vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/');
page.searchParams.set('token', token);
console.log(`Rungs (hot reload) is running at ${page.href}`);
console.log(`API forwarded to the browser host at ${hostUrl.origin}`);

let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  await vite.close();
  // The host closes the roster cleanly on SIGTERM (its launch backup finishes first).
  if (host.exitCode === null && host.signalCode === null) {
    const exited = new Promise((resolve) => host.once('exit', resolve));
    host.kill('SIGTERM');
    await exited;
  }
  process.exit(code);
};
// Vite ends this process on SIGTERM by itself (its own listener): the host must not outlive it.
process.on('exit', () => {
  if (host.exitCode === null && host.signalCode === null) host.kill('SIGTERM');
});
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
host.on('exit', (code) => {
  if (!stopping) console.error(`The browser host stopped (exit code ${code}); stopping Vite too.`);
  void stop(code ?? 1);
});
