import { enableCompileCache } from 'node:module';

// `npm run web` starts here. Node keeps the compiled code of our modules (and the TypeScript it
// stripped) on disk, so every start after the first skips most of loading zod and the handlers:
// about half of the host's time to listen (npm run bench, "start-up: process start → host listening").
// The cache must be on before those modules are loaded, hence the dynamic import. This one file is
// JavaScript: Node strips a .ts entry's types before any of our code runs, which loads its
// TypeScript stripper (a WebAssembly module) on every start; with the rest served stripped from the
// cache, a .js entry never loads it.
// Usage: node host/main.mjs [--db PATH] [--port N] [--empty] [--salvage | --restore-latest-backup | --fresh] [--accept-loss]
enableCompileCache();
await import('./serve.ts');
