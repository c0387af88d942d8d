import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import builderConfigDefault, { E2E_BUILD_ENV, builderConfig, electronFuses } from '../../electron-builder.config.ts';
import { createMainWindow } from '../../electron/window-options.ts';
import { isTrustedFrame } from '../../electron/trusted-url.ts';
import { CHANNELS } from '../../shared/contract/index.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/security.ts';
import { MENU_MESSAGE, type MenuBridge } from '../../shared/menu.ts';

// Electron cannot start here (no binary), so these read what the shell hands to Electron: the window
// options, the preload's exposed surface, the main process's handlers, the CSP and the fuses.

const source = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

const exposed = vi.hoisted(() => ({
  worlds: [] as [string, unknown][],
  invoked: [] as unknown[][],
  listeners: new Map<string, (event: unknown, message: unknown) => void>(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.worlds.push([key, value]) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      exposed.invoked.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
    send: () => {},
    on: (channel: string, listener: (event: unknown, message: unknown) => void) => exposed.listeners.set(channel, listener),
  },
}));

describe('the window runs the renderer isolated, sandboxed and without Node', () => {
  class Recorder {
    options: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      this.options = options;
    }
  }
  const prefs = (createMainWindow(Recorder as never, '/app/preload.cjs') as unknown as Recorder).options.webPreferences as Record<
    string,
    unknown
  >;

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
    ['disableBlinkFeatures', 'Auxclick'],
  ])('%s is %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('loads the preload it is given and nothing else', () => {
    expect(prefs.preload).toBe('/app/preload.cjs');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('enableRemoteModule');
  });

  it('the main process builds its window only through createMainWindow', () => {
    const main = source('electron/main.ts');
    expect(main).toContain('createMainWindow(BrowserWindow,');
    expect(main).not.toMatch(/new BrowserWindow\s*\(/);
    expect(main).not.toMatch(/webPreferences/);
  });
});

describe('the main process denies navigation, new windows, permissions and file://', () => {
  const main = source('electron/main.ts');
  it.each([
    ['will-navigate refused off app://', /on\('will-navigate',[^]*?if \(!isAppUrl\(url\)\) event\.preventDefault\(\)/],
    ['will-redirect refused off app://', /on\('will-redirect',[^]*?if \(!isAppUrl\(url\)\) event\.preventDefault\(\)/],
    ['window.open denied', /setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/],
    ['webviews refused', /on\('will-attach-webview', \(event\) => event\.preventDefault\(\)\)/],
    ['permission requests denied', /setPermissionRequestHandler\(\([^)]*\) => callback\(false\)\)/],
    ['permission checks denied', /setPermissionCheckHandler\(\(\) => false\)/],
    ['app:// served by protocol.handle', /protocol\.handle\(APP_SCHEME,/],
    [
      'every IPC handler checks its sender',
      /ipcMain\.handle\(channel, \(event, request: unknown\) => \{\s*if \(!fromTrustedSender\(event\)\)/,
    ],
    ['one instance at a time', /app\.requestSingleInstanceLock\(\)/],
  ])('%s', (_what, pattern) => {
    expect(main).toMatch(pattern);
  });

  it('never loads file:// and never opens external links', () => {
    expect(main).not.toMatch(/loadFile\(|file:\/\//);
    expect(main).not.toMatch(/openExternal/);
    expect(source('electron/preload.ts')).not.toMatch(/openExternal/);
  });
});

describe('an IPC request is answered only for the app’s own top frame', () => {
  it.each([
    [{ parent: null, url: 'app://rungs/index.html' }, true],
    [{ parent: {}, url: 'app://rungs/index.html' }, false],
    [{ parent: null, url: 'https://evil.example/' }, false],
    [{ parent: null, url: 'file:///etc/passwd' }, false],
    [null, false],
  ])('%o → %s', (frame, trusted) => {
    expect(isTrustedFrame(frame)).toBe(trusted);
  });
});

describe('the preload exposes exactly the contract’s functions', () => {
  it('one function per channel under window.rungs, each invoking its own channel; no ipcRenderer', async () => {
    await import('../../electron/preload.ts');
    expect(exposed.worlds.map(([k]) => k)).toEqual(['rungs', 'rungsMenu']);
    const api = exposed.worlds[0]![1] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) {
      expect(typeof api[channel]).toBe('function');
      await (api[channel] as (r: unknown) => Promise<unknown>)({ probe: channel });
      expect(exposed.invoked.at(-1)).toEqual([channel, { probe: channel }]);
    }
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
  });

  it('beside it, the menu’s one listener: only commands from the list reach the page, and only the first listener hears them', async () => {
    await import('../../electron/preload.ts');
    const menu = exposed.worlds.find(([k]) => k === 'rungsMenu')![1] as MenuBridge;
    expect(Object.keys(menu)).toEqual(['onCommand']);
    const heard: unknown[] = [];
    const late: unknown[] = [];
    menu.onCommand((m) => heard.push(m));
    menu.onCommand((m) => late.push(m));
    const deliver = exposed.listeners.get(MENU_MESSAGE)!;
    deliver({}, { command: 'undo' });
    deliver({}, { command: 'roster-opened', detail: 'Platform' });
    for (const hostile of [
      { command: 'eval' },
      { command: 'undo', detail: 42 },
      'undo',
      null,
      { command: 'redo', detail: 'x'.repeat(1001) },
    ]) {
      deliver({}, hostile);
    }
    expect(heard).toEqual([
      { command: 'undo', detail: undefined },
      { command: 'roster-opened', detail: 'Platform' },
    ]);
    expect(late).toEqual([]);
  });
});

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );

describe('the Content-Security-Policy allows only the app’s own scripts', () => {
  const html = source('renderer/index.html');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  it.each([
    ['served with every response', CONTENT_SECURITY_POLICY],
    ['in index.html', meta],
  ])('%s', (_where, csp) => {
    const d = directives(csp);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|\*|https?:|data:[^;]*script/);
  });
  it('index.html has no inline script', () => {
    expect([...html.matchAll(/<script\b[^>]*>/g)].every(([tag]) => /\bsrc=/.test(tag))).toBe(true);
  });
});

describe('the packaged binary’s fuses', () => {
  it('turn off run-as-node, NODE_OPTIONS and --inspect, and turn on asar integrity and asar-only loading', () => {
    expect(electronFuses({})).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(builderConfig({}).electronFuses).toEqual(electronFuses({}));
    expect(builderConfig({}).asar).toBe(true);
  });
  it(`keep --inspect only in a ${E2E_BUILD_ENV}=1 build, for Playwright's _electron, and nothing else`, () => {
    const e2e = electronFuses({ [E2E_BUILD_ENV]: '1' });
    expect(e2e).toEqual({ ...electronFuses({}), enableNodeCliInspectArguments: true });
  });
  it('the default export is the shipping configuration unless the flag is set', () => {
    expect(builderConfigDefault.electronFuses.enableNodeCliInspectArguments).toBe(process.env[E2E_BUILD_ENV] === '1');
  });
});
