// Build what the app runs: the renderer (Vite), the browser host's roster thread and, unless
// --renderer-only, the Electron main process, preload and roster process (esbuild, CommonJS, because
// sandboxed preloads cannot be ES modules). --roster-thread-only builds the host's roster thread
// alone, in about a second: what `npm run dev` rebuilds on every start, so data/ and shared/ are current.
import { writeFileSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import { channelNamesOnly } from './channel-names.mjs';

const rosterThreadOnly = process.argv.includes('--roster-thread-only');
const rendererOnly = rosterThreadOnly || process.argv.includes('--renderer-only');

if (!rosterThreadOnly) await vite({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });

// The browser host's roster thread (data/remote/worker.ts) as one file, as Electron's roster process
// is: loaded from source it is ~180 modules, and the thread took ~450 ms to open a roster against
// ~290 ms bundled (docs/benchmarks.md). ESM, for the thread's top-level await; `require` is made for
// the bundled CommonJS dependencies that call it.
await esbuild({
  entryPoints: ['data/remote/worker.ts'],
  outfile: 'dist-host/roster.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external: ['better-sqlite3'],
  banner: { js: "import { createRequire as __rungsRequire } from 'node:module'; const require = __rungsRequire(import.meta.url);" },
  logLevel: 'warning',
});
// The thread's entry turns Node's compile cache on before the bundle loads: the bundle's own
// enableCompileCache() call runs only after the whole file is compiled, too late to cache it. A
// roster thread is ready ~25 ms sooner (122 against 146 ms median, spawned alone, 12 each).
writeFileSync(
  'dist-host/roster-thread.mjs',
  "import { enableCompileCache } from 'node:module';\nenableCompileCache();\nawait import('./roster.mjs');\n",
);

if (!rendererOnly) {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron', 'better-sqlite3'],
    logLevel: 'warning',
    sourcemap: false,
  };
  // The window's process and its preload carry channel names, not the schemas (channel-names.mjs).
  const namesOnly = { ...common, plugins: [await channelNamesOnly()] };
  await esbuild({ ...namesOnly, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' });
  await esbuild({ ...namesOnly, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' });
  // The roster's utility process (electron/db-process.ts): the only bundle that loads SQLite.
  await esbuild({ ...common, entryPoints: ['electron/db-process.ts'], outfile: 'dist-electron/db-process.cjs' });
}
console.log(
  rosterThreadOnly
    ? "Built the host's roster thread."
    : rendererOnly
      ? "Built the renderer and the host's roster thread."
      : "Built the renderer, the host's roster thread, main process, preload and roster process.",
);
