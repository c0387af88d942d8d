import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultUserDataDir, launchOptions } from '../data/location.ts';
import { backupAtLaunchIfDue } from '../data/backup.ts';
import { openForHost } from './open-cli.ts';
import { startHost } from './server.ts';

// `npm run web`: serve the built renderer and the roster on 127.0.0.1, for browsers and end-to-end tests.
// Usage: node host/main.ts [--db PATH] [--port N] [--empty] [--restore-latest-backup | --fresh]
// (main.ts turns on the compile cache, then loads this).

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

const opened = openForHost(dbPath, argv, { startEmpty, version, mapFile: `${root}data/competency-map.md` });
if (!opened.ok) {
  console.error(opened.message);
  process.exit(opened.exitCode);
}
const { roster, lock } = opened;
for (const note of opened.notes) console.log(note);
process.on('exit', () => lock.release());
// The daily backup copies pages in steps, so the host answers while it runs.
backupAtLaunchIfDue(roster.db, roster.path).catch((error: unknown) => console.error('[rungs] The launch backup failed:', error));
// A new token every launch; it is only ever printed to the terminal that started the host.
const token = randomBytes(32).toString('base64url');
const host = await startHost({ dispatch: roster.dispatchUnknown, staticDir, token, port });
console.log(`Rungs is running at ${host.url}`);
console.log(`Roster: ${dbPath}`);

const stop = () => {
  void host.close().then(() => {
    roster.close();
    lock.release();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
