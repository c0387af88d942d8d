// Build what the app runs: the renderer (Vite) and, unless --renderer-only, the Electron main
// process and preload (esbuild, CommonJS, because sandboxed preloads cannot be ES modules).
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';

const rendererOnly = process.argv.includes('--renderer-only');

await vite({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });

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
  await esbuild({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' });
  await esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' });
}
console.log(rendererOnly ? 'Built the renderer.' : 'Built the renderer, main process and preload.');
