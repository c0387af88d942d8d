import { type ChildProcess, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import type { Scale } from './generate.ts';
import { HOST_NODE_FLAGS } from '../host/node-flags.ts';
import { stats } from './harness.ts';
import { type Row, row } from './report.ts';

// Start-up as a lead meets it: from spawning the browser host on the roster file to the board
// being interactive in Chromium (lanes and backlog on screen). Chromium is launched once, before
// the clock starts: the figure is the app's start-up, not the browser's.

const root = fileURLToPath(new URL('..', import.meta.url));

/** The board's backlog, as the bench finds it (Backlog.tsx). */
export const BACKLOG = 'section[data-id="backlog"]';

export type HostRun = { child: ChildProcess; url: string; ready: number };

/** Spawn `node host/main.mjs --db file`; resolves when it prints its address. */
export function spawnHost(dbFile: string, entry = 'host/main.mjs'): Promise<HostRun> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...HOST_NODE_FLAGS, entry, '--db', dbFile], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`The browser host did not start:\n${out}`));
    }, 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, ready: performance.now() - t0 });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The browser host exited with ${code}:\n${out}`));
    });
  });
}

export async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

export async function startupFigures(browser: Browser, dbFile: string, scale: Scale, samples: number): Promise<Row[]> {
  const total: number[] = [];
  const hostReady: number[] = [];
  for (let i = 0; i < samples + 1; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const t0 = performance.now();
    const host = await spawnHost(dbFile);
    try {
      await page.goto(host.url);
      // Found by CSS, not by role: Playwright works out a role query's names in the page, and with
      // 1,000 lanes each labelled a region one query took 65–95 ms of the page's thread, polled
      // while the board was rendering (the figure then counted the bench's own work).
      await page.locator(BACKLOG).waitFor({ state: 'visible', timeout: 20_000 });
      await page.locator('[data-id^="lane-"]').first().waitFor({ state: 'visible', timeout: 20_000 });
      const t = performance.now() - t0;
      // The first run warms the OS file cache and Node's compile cache; it is not counted.
      if (i > 0) {
        total.push(t);
        hostReady.push(host.ready);
      }
    } finally {
      await context.close();
      await stopHost(host.child);
    }
  }
  return [
    row(scale.name, 'start-up: process start → interactive board', 'ms', stats(total), { op: '<=', value: 1500, stat: 'p95' }),
    row(scale.name, 'start-up: process start → host listening', 'ms', stats(hostReady), null, 'info'),
  ];
}
