import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultUserDataDir, launchOptions } from '../data/location.ts';
import { openRoster } from '../data/roster.ts';
import { RungsError } from '../shared/errors.ts';
import { startHost } from './server.ts';

// `npm run web`: serve the built renderer and the roster on 127.0.0.1, for browsers and end-to-end tests.
// Usage: node host/main.ts [--db PATH] [--port N] [--empty]

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const staticDir = `${root}dist/renderer`;
if (!existsSync(`${staticDir}/index.html`)) {
  console.error('The renderer is not built yet. Run `npm run web` (it builds first) or `npm run build`.');
  process.exit(1);
}
const { dbPath, startEmpty } = launchOptions(argv, process.env, defaultUserDataDir());
const portArg = argv.indexOf('--port');
const port = portArg >= 0 ? Number(argv[portArg + 1]) : Number(process.env.RUNGS_PORT ?? 0);
const version = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string }).version;

let roster;
try {
  roster = openRoster(dbPath, { startEmpty, version, mapFile: `${root}data/competency-map.md` });
} catch (error) {
  console.error(error instanceof RungsError ? error.message : `Could not open the roster at ${dbPath}: ${String(error)}`);
  process.exit(2);
}
// A new token every launch; it is only ever printed to the terminal that started the host.
const token = randomBytes(32).toString('base64url');
const host = await startHost({ dispatch: roster.dispatchUnknown, staticDir, token, port });
console.log(`Rungs is running at ${host.url}`);
console.log(`Roster: ${dbPath}`);

const stop = () => {
  void host.close().then(() => {
    roster.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
