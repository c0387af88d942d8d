import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import type { Scale } from './generate.ts';
import { stats } from './harness.ts';
import { type Row, row } from './report.ts';
import { spawnHost, stopHost } from './startup.ts';

// Renderer figures read from the page itself (performance entries, observers installed before the
// app's first script), through the browser host, in Chromium.

const PROBE = fileURLToPath(new URL('./page-probe.js', import.meta.url));

type FirstRender = {
  dataAt: number;
  boardAt: number;
  paintedAt: number;
  longTasks: { start: number; duration: number }[];
  mark: number | null;
};

/** The probe page-probe.js installs. Functions passed to the page are serialized: they close over nothing. */
type Probe = { paintedAt: number | null; firstRender: () => FirstRender; startFrames: () => void; stopFrames: () => number[] };
type InPage = { __rungsBench: Probe };

async function firstRender(page: Page): Promise<FirstRender> {
  // Functions, not strings: the app's CSP (script-src 'self') refuses eval of a string in the page.
  await page.waitForFunction(() => (globalThis as unknown as InPage).__rungsBench.paintedAt !== null, null, { timeout: 30_000 });
  return page.evaluate(() => (globalThis as unknown as InPage).__rungsBench.firstRender());
}

export async function rendererFigures(browser: Browser, dbFile: string, scale: Scale, samples: number): Promise<Row[]> {
  const render: number[] = [];
  const painted: number[] = [];
  const loadLongest: number[] = [];
  const heap: number[] = [];
  for (let i = 0; i < samples + 1; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript({ path: PROBE });
    const host = await spawnHost(dbFile);
    try {
      await page.goto(host.url);
      const r = await firstRender(page);
      if (i === 0) continue; // warm-up
      // Prefer the app's own mark when it sets one; otherwise the commit the observer saw.
      render.push((r.mark ?? r.boardAt) - r.dataAt);
      painted.push(r.paintedAt - r.dataAt);
      loadLongest.push(Math.max(0, ...r.longTasks.filter((t) => t.start >= r.dataAt).map((t) => t.duration)));
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      heap.push(usedSize / 2 ** 20);
    } finally {
      await context.close();
      await stopHost(host.child);
    }
  }
  const s = scale.name;
  return [
    row(s, 'first board render after data arrives', 'ms', stats(render), { op: '<=', value: 200, stat: 'p95' }),
    row(s, 'first board render, painted', 'ms', stats(painted), null, 'info'),
    row(s, 'longest task while rendering the board', 'ms', stats(loadLongest), null, 'info'),
    row(s, 'JS heap with the board shown (after GC)', 'MB', stats(heap), { op: '<=', value: 150, stat: 'p95' }),
  ];
}
