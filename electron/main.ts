import { readFileSync, writeFileSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import {
  BrowserWindow,
  type IpcMainInvokeEvent,
  Menu,
  app,
  dialog,
  ipcMain,
  nativeTheme,
  protocol,
  screen,
  session,
  utilityProcess,
} from 'electron';
import type { RosterProblem } from '../data/open/diagnose.ts';
import { launchOptions } from '../data/open/location.ts';
import { RECENT_FILE_NAME } from '../data/open/recent-rosters.ts';
import { type RemoteRoster, createRemoteRoster } from '../data/remote/client.ts';
import { type RosterSwitch, createRosterSwitch } from '../data/remote/roster-switch.ts';
import { CHANNELS } from '../shared/contract/index.ts';
import { RungsError } from '../shared/errors.ts';
import { RESPONSE_HEADERS } from '../shared/security.ts';
import { MENU_MESSAGE, type MenuMessage } from '../shared/menu.ts';
import { forkRosterProcess } from './roster-process.ts';
import { rosterMenu } from './roster-menu.ts';
import { createMainWindow, windowTitle } from './window-options.ts';
import { WINDOW_STATE_FILE, parseWindowState, serializeWindowState } from './window-state.ts';
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
  const remoteFor = (path: string, empty: boolean) =>
    createRemoteRoster({
      spawn: () => forkRosterProcess(utilityProcess.fork, join(__dirname, 'db-process.cjs')),
      open: {
        path,
        options: { startEmpty: empty, mapFile: join(__dirname, '..', 'data', 'competency-map.md') },
        launchBackup: true,
      },
      onRestart: (why) => console.error(`[rungs] The roster process stopped (${why}); restarted it.`),
      onGiveUp: (error) => {
        dialog.showErrorBox('Rungs stopped', `${error.message}\n\nRungs could not restart its roster process and will close now.`);
        rosterClosed = true;
        app.exit(2);
      },
    });
  const remote = remoteFor(dbPath, startEmpty);
  let rosters: RosterSwitch | null = null;
  // Quitting waits for the roster process to finish its backup and close the file cleanly.
  app.on('before-quit', (event) => {
    if (rosterClosed) return;
    event.preventDefault();
    void (rosters ?? remote).close().finally(() => {
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
  rosters = createRosterSwitch({
    first: { remote, path: dbPath },
    remoteFor,
    recentFile: join(app.getPath('userData'), RECENT_FILE_NAME),
    // A bad file chosen from the menu gets the same choices as at launch, or is left as it is.
    onProblem: (next, problem) => chooseRecovery(next, problem, 'Leave it closed'),
  });
  // The menu's roster actions (electron/roster-menu.ts), rebuilt after a roster opens from the window too.
  const refreshMenu = rosterMenu<BrowserWindow>({
    rosters,
    dialog,
    window: () => (window && !window.isDestroyed() ? window : null),
    setMenu: (template) => {
      Menu.setApplicationMenu(Menu.buildFromTemplate(template));
      // The menu is rebuilt whenever a roster opens (from the menu or the window): the title follows.
      if (window && !window.isDestroyed() && rosters) window.setTitle(windowTitle(rosters.current().path));
    },
    tell,
    platform: process.platform,
  });
  registerIpc(rosters, refreshMenu);
  createWindow(windowTitle(rosters.current().path));

  app.on('window-all-closed', () => app.quit());
}

/** Tell the window a menu command; it acts as it does for the same key or button (renderer/shell-menu.ts). */
function tell(message: MenuMessage): void {
  if (window && !window.isDestroyed()) window.webContents.send(MENU_MESSAGE, message);
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
  return opened.ok || chooseRecovery(remote, opened.problem);
}

/** The bad file's choices in a dialog; true once the chosen replacement is open, false when the lead declined (`decline`). */
async function chooseRecovery(remote: RemoteRoster, problem: RosterProblem, decline = 'Quit'): Promise<boolean> {
  const buttons = [...problem.choices.map((o) => (o.recommended ? `${o.label} (recommended)` : o.label)), decline];
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

function registerIpc(r: RosterSwitch, refreshMenu: () => void): void {
  // The shell channels (native dialogs, the report as PDF) are answered here; the rest by the roster.
  // Loaded at the first request, not before the window opens: validating them loads zod, ~45 ms of
  // the ~50 ms this process spent evaluating its code before it could open the window (npm run bench
  // can't run Electron here; measured by loading the bundle in Node with Electron stubbed).
  let shellDispatch: Promise<(channel: unknown, request: unknown) => Promise<unknown>> | null = null;
  const dispatch = (channel: unknown, request: unknown) => {
    shellDispatch ??= Promise.all([
      import('./shell.ts'),
      import('../data/remote/roster-files.ts'),
      import('../shared/contract/roster-files.ts'),
    ]).then(([{ createShellDispatch, createShellHandlers }, { rosterFilesAnswers }, { isRosterFilesChannel }]) => {
      // The roster files of the userData folder, as the browser host offers those of its data folder.
      const rosterFiles = rosterFilesAnswers(r, app.getPath('userData'));
      const roster = async (c: unknown, request: unknown) => {
        if (!isRosterFilesChannel(c)) return r.dispatch(c, request);
        const result = await rosterFiles(c, request);
        if (result.ok && c !== 'rosterFiles.list') refreshMenu();
        return result;
      };
      return createShellDispatch(
        createShellHandlers<BrowserWindow>({
          dialog,
          window: () => (window && !window.isDestroyed() ? window : null),
          defaultDir: () => app.getPath('documents'),
          files: { writeFile, readFile, stat },
        }),
        roster,
      );
    });
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

function createWindow(title: string): void {
  const stateFile = join(app.getPath('userData'), WINDOW_STATE_FILE);
  let remembered: string | null = null;
  try {
    remembered = readFileSync(stateFile, 'utf8');
  } catch {
    // First launch: the default size.
  }
  const state = parseWindowState(
    remembered,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  window = createMainWindow(BrowserWindow, join(__dirname, 'preload.cjs'), state ?? undefined, nativeTheme.shouldUseDarkColors);
  if (state?.maximized) window.maximize();
  window.setTitle(title);
  // The title names the roster; the page's own <title> does not replace it.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.on('close', () => {
    if (!window || window.isDestroyed()) return;
    try {
      writeFileSync(stateFile, serializeWindowState(window.getNormalBounds(), window.isMaximized()));
    } catch (error) {
      console.error('[rungs] Could not remember the window:', error);
    }
  });
  window.once('ready-to-show', () => window?.show());
  void window.loadURL(APP_ENTRY);
}
