import { enableCompileCache } from 'node:module';

// `npm run web` starts here. Node keeps the compiled code of our modules (and the TypeScript it
// stripped) on disk, so every start after the first skips most of loading zod and the handlers:
// about half of the host's time to listen (npm run bench, "start-up: process start → host listening").
// The cache must be on before those modules are loaded, hence the dynamic import.
// Usage: node host/main.ts [--db PATH] [--port N] [--empty] [--salvage | --restore-latest-backup | --fresh] [--accept-loss]
enableCompileCache();
await import('./serve.ts');
