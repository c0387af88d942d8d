import { readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { BrowserWindow, type IpcMainInvokeEvent, app, dialog, ipcMain, protocol, session, utilityProcess } from 'electron';
import { launchOptions } from '../data/open/location.ts';
import { type RemoteRoster, createRemoteRoster } from '../data/remote/client.ts';
import { CHANNELS } from '../shared/contract/index.ts';
import { RungsError } from '../shared/errors.ts';
import { RESPONSE_HEADERS } from '../shared/security.ts';
import { forkRosterProcess } from './roster-process.ts';
import { createMainWindow } from './window-options.ts';
import { APP_ENTRY, APP_SCHEME, appUrlToRelativePath, isAppUrl, isTrustedFrame } from './trusted-url.ts';

// The Electron shell: one window, the app:// protocol, the security rules, and IPC registration.
// Everything else (rules, data, handlers) lives in shared/ and data/, shared with the browser host.
// The roster itself runs in a utility process (electron/db-process.ts): this process forwards the
// roster channels to it and never waits on SQLite, so no database call can freeze the window.

const RENDERER_DIR = join(__dirname, '..', 'dist', 'renderer');
const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

// Must run before `ready`: app:// behaves like a secure, standard origin (fetch, CSP 'self').
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// One instance per roster: a second launch focuses the first window instead of opening the file twice.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void main();
}

let window: BrowserWindow | null = null;
/** Set once the roster process has closed the file: quitting may then go ahead. */
let rosterClosed = false;

async function main(): Promise<void> {
  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  // Deny by default, everywhere, including any webContents we did not create.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  await app.whenReady();

  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  protocol.handle(APP_SCHEME, async (request) => {
    const relative = appUrlToRelativePath(request.url);
    if (!relative) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(join(RENDERER_DIR, relative));
      return new Response(body, {
        headers: { ...RESPONSE_HEADERS, 'content-type': MIME[extname(relative)] ?? 'application/octet-stream' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });

  const { dbPath, startEmpty } = launchOptions(process.argv, process.env, app.getPath('userData'));
  const remote = createRemoteRoster({
    spawn: () => forkRosterProcess(utilityProcess.fork, join(__dirname, 'db-process.cjs')),
    open: {
      path: dbPath,
      options: { startEmpty, mapFile: join(__dirname, '..', 'data', 'competency-map.md') },
      launchBackup: true,
    },
    onRestart: (why) => console.error(`[rungs] The roster process stopped (${why}); restarted it.`),
    onGiveUp: (error) => {
      dialog.showErrorBox('Rungs stopped', `${error.message}\n\nRungs could not restart its roster process and will close now.`);
      rosterClosed = true;
      app.exit(2);
    },
  });
  // Quitting waits for the roster process to finish its backup and close the file cleanly.
  app.on('before-quit', (event) => {
    if (rosterClosed) return;
    event.preventDefault();
    void remote.close().finally(() => {
      rosterClosed = true;
      app.quit();
    });
  });
  let opened: boolean;
  try {
    opened = await openWithRecovery(remote);
  } catch (error) {
    await remote.close();
    rosterClosed = true;
    const message = error instanceof RungsError ? error.message : `Rungs could not open the roster at ${dbPath}.\n\n${String(error)}`;
    dialog.showErrorBox('Rungs could not open the roster', message);
    app.exit(2);
    return;
  }
  if (!opened) {
    await remote.close();
    rosterClosed = true;
    app.exit(0);
    return;
  }
  registerIpc(remote);
  createWindow();

  app.on('window-all-closed', () => app.quit());
}

/**
 * Open the roster the safe way (data/open/open-safely.ts, in the roster process). A bad file is described
 * in plain words, and the lead chooses among the problem's choices (what still reads in a damaged
 * file, the newest good backup, a fresh roster: each says what it keeps and loses, in the words the
 * browser host prints; either way the bad file is kept aside, renamed), or quits and leaves
 * everything as it is. False: they quit.
 * Another Rungs on the same file (the writer lock, taken by the roster process) rejects with its words.
 */
async function openWithRecovery(remote: RemoteRoster): Promise<boolean> {
  const opened = await remote.open();
  if (opened.ok) return true;
  const { problem } = opened;
  const buttons = [...problem.choices.map((o) => (o.recommended ? `${o.label} (recommended)` : o.label)), 'Quit'];
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: 'Rungs could not open your roster',
    message: problem.message,
    detail: [
      ...problem.choices.map((o) => `${o.label}: ${o.outcome}`),
      "Whatever you choose, the current file is kept, renamed with today's date.",
    ].join('\n\n'),
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
    noLink: true,
  });
  const chosen = problem.choices[response];
  if (!chosen) return false;
  await remote.recover(chosen.choice);
  return true;
}

/** Only the app's own top frame may call the roster; anything else gets a typed refusal. */
const fromTrustedSender = (event: IpcMainInvokeEvent): boolean => isTrustedFrame(event.senderFrame);

function registerIpc(r: RemoteRoster): void {
  // The shell channels (native dialogs, the report as PDF) are answered here; the rest by the roster.
  // Loaded at the first request, not before the window opens: validating them loads zod, ~45 ms of
  // the ~50 ms this process spent evaluating its code before it could open the window (npm run bench
  // can't run Electron here; measured by loading the bundle in Node with Electron stubbed).
  let shellDispatch: Promise<(channel: unknown, request: unknown) => Promise<unknown>> | null = null;
  const dispatch = (channel: unknown, request: unknown) => {
    shellDispatch ??= import('./shell.ts').then(({ createShellDispatch, createShellHandlers }) =>
      createShellDispatch(
        createShellHandlers<BrowserWindow>({
          dialog,
          window: () => (window && !window.isDestroyed() ? window : null),
          defaultDir: () => app.getPath('documents'),
          files: { writeFile, readFile, stat },
        }),
        r.dispatch,
      ),
    );
    return shellDispatch.then((d) => d(channel, request));
  };
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, request: unknown) => {
      if (!fromTrustedSender(event)) {
        return { ok: false, error: { code: 'invalid_input', message: 'Refused: the request did not come from the Rungs window.' } };
      }
      return dispatch(channel, request);
    });
  }
}

function createWindow(): void {
  window = createMainWindow(BrowserWindow, join(__dirname, 'preload.cjs'));
  window.once('ready-to-show', () => window?.show());
  void window.loadURL(APP_ENTRY);
}
