import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { HOST_NODE_FLAGS } from '../host/node-flags.ts';

// `npm run screenshot`: the README's picture of the board, taken from the real browser host on a
// fresh roster holding the demo team, so it shows what a new user sees. It builds nothing: run
// `npm run build` (or `node scripts/build.mjs --renderer-only`) first. Uses Debian's Chromium, like
// the end-to-end tests (CHROMIUM_PATH to use another); it never downloads a browser.

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'docs', 'screenshot.png');

if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
  console.error('dist/renderer is missing: build the renderer first (`npm run build`), then run `npm run screenshot` again.');
  process.exit(1);
}

/** Start the browser host on `dbPath` and resolve with the address it prints. */
function startHost(dbPath: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...HOST_NODE_FLAGS, 'host/main.mjs', '--db', dbPath, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`The browser host did not start within 20 s:\n${said}`));
    }, 20_000);
    const onData = (chunk: Buffer) => {
      said += chunk.toString();
      const m = /Rungs is running at (\S+)/.exec(said);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The browser host stopped (exit code ${code}):\n${said}`));
    });
  });
}

/** SIGTERM lets the host finish its launch backup and close the roster before it exits. */
async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const dir = mkdtempSync(join(tmpdir(), 'rungs-screenshot-'));
let host: ChildProcess | null = null;
try {
  const started = await startHost(join(dir, 'rungs.sqlite'));
  host = started.child;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(started.url);
    // The board is up once the backlog shows and the lanes in view have mounted their cards (near.ts).
    await page.getByRole('region', { name: 'Backlog' }).waitFor({ state: 'visible', timeout: 15_000 });
    await page
      .getByRole('button', { name: /in reach/i })
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => document.fonts.ready);
    mkdirSync(join(root, 'docs'), { recursive: true });
    await page.screenshot({ path: out });
  } finally {
    await browser.close();
  }
  console.log(`Saved ${out}`);
} finally {
  if (host) await stopHost(host);
  rmSync(dir, { recursive: true, force: true });
}
