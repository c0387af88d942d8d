import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultUserDataDir, launchOptions } from '../data/open/location.ts';
import { RECENT_FILE_NAME } from '../data/open/recent-rosters.ts';
import { createRosterSwitch } from '../data/remote/roster-switch.ts';
import { ROSTER_THREAD, hostRoster, openForHost } from './open-cli.ts';
import { missingHostFlags } from './node-flags.ts';
import { startHost } from './server.ts';

// `npm run web`: serve the built renderer and the roster on 127.0.0.1, for browsers and end-to-end tests.
// Usage: node host/main.mjs [--db PATH] [--port N] [--empty] [--salvage | --restore-latest-backup | --fresh] [--accept-loss]
// (main.mjs turns on the compile cache, then loads this).

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
if (missingHostFlags().length > 0) {
  console.warn(
    `[rungs host] Started without ${missingHostFlags().join(' ')}: the window may wait on the roster's helpers during an import. \`npm run web\` passes it.`,
  );
}
const staticDir = `${root}dist/renderer`;
if (!existsSync(`${staticDir}/index.html`) || !existsSync(ROSTER_THREAD)) {
  console.error('The renderer or the roster thread is not built yet. Run `npm run web` (it builds first) or `npm run build`.');
  process.exit(1);
}
const { dbPath, startEmpty } = launchOptions(argv, process.env, defaultUserDataDir());
const portArg = argv.indexOf('--port');
const port = portArg >= 0 ? Number(argv[portArg + 1]) : Number(process.env.RUNGS_PORT ?? 0);

// The roster runs on its own thread (data/remote/): this thread only checks the transport (token,
// origin, size, JSON) and forwards, so no database call ever holds it. The thread starts opening
// the file while this one starts listening; the address is printed only once the roster is open.
const rosterFor = (path: string, empty: boolean) =>
  hostRoster(
    path,
    { startEmpty: empty, mapFile: `${root}data/competency-map.md` },
    {
      // The daily backup copies pages in steps on the roster's thread, so the host answers while it runs.
      launchBackup: true,
      onRestart: (why) => console.error(`[rungs] The roster thread stopped (${why}); restarted it.`),
      onGiveUp: (error) => {
        console.error(`[rungs] ${error.message} The roster thread could not be restarted; the host stops.`);
        process.exit(5);
      },
    },
  );
const roster = rosterFor(dbPath, startEmpty);
// A new token every launch; it is only ever printed to the terminal that started the host.
const token = randomBytes(32).toString('base64url');
// Every call goes to the roster open now: the lead can switch to another file of the data folder
// (the roster-file channels) without a restart.
const folder = dirname(resolve(dbPath));
let answer = (channel: unknown, request: unknown): Promise<string | Uint8Array> => roster.dispatchBytes(channel, request);
let forward = (channel: string, body: Buffer): Promise<Uint8Array | null> => roster.dispatchBody(channel, body);
const [opened, host] = await Promise.all([
  openForHost(roster, argv),
  startHost({
    dispatch: (channel, request) => answer(channel, request),
    forward: (channel, body) => forward(channel, body),
    staticDir,
    token,
    port,
  }),
]);
if (!opened.ok) {
  await host.close();
  console.error(opened.message);
  process.exit(opened.exitCode);
}
const rosters = createRosterSwitch({
  first: { remote: roster, path: dbPath },
  remoteFor: rosterFor,
  recentFile: join(folder, RECENT_FILE_NAME),
});
// The roster-file channels are checked against their schemas here, and loading those (zod) before
// listening cost the host ~190 ms of every start: they load once it listens, as the page loads.
const rosterFiles = Promise.all([import('../data/remote/roster-files.ts'), import('../shared/contract/roster-files.ts')]).then(
  ([{ rosterFilesAnswers }, { isRosterFilesChannel }]) => ({ answers: rosterFilesAnswers(rosters, folder), isRosterFilesChannel }),
);
answer = async (channel, request) => {
  const files = await rosterFiles;
  return files.isRosterFilesChannel(channel)
    ? JSON.stringify(await files.answers(channel, request))
    : rosters.dispatchBytes(channel, request);
};
// The roster-file channels are answered here (switching rosters is this thread's work): parsed here.
forward = async (channel, body) => ((await rosterFiles).isRosterFilesChannel(channel) ? null : rosters.dispatchBody(channel, body));
for (const note of opened.notes) console.log(note);
console.log(`Rungs is running at ${host.url}`);
console.log(`Roster: ${dbPath}`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  // Stop taking requests, then let the roster thread finish its backup and close the file cleanly.
  void host
    .close()
    .then(() => rosters.close())
    .then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
