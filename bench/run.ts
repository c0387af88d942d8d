import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { dataFigures } from './data.ts';
import { importFigures } from './import.ts';
import { mainThreadFigures } from './main-thread.ts';
import { SCALES, type ScaleName, generateOrg } from './generate.ts';
import { type Row, table } from './report.ts';
import { NoDragMarks, dragFigures, keyboardDragFigures, rendererFigures } from './renderer.ts';
import { startupFigures } from './startup.ts';
import { machineSpeed } from './machine-speed.ts';
import { missingHostFlags } from '../host/node-flags.ts';

// `npm run bench`: every performance figure Rungs has a target for, at three org sizes, as a table
// and as JSON under bench/results/. `--smoke` runs the same code on a tiny org with 3 samples
// (npm test uses it so the benchmark cannot rot) and never fails on time.
// Flags: --scales small,org,ladder7,large  --only data,main,import,startup,renderer,drag  --no-browser.

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
if (missingHostFlags().length > 0) {
  // The roster work timed here stands for the host's roster thread: it runs under the host's flags.
  const again = spawnSync(process.execPath, [...missingHostFlags(), ...process.execArgv, fileURLToPath(import.meta.url), ...argv], {
    stdio: 'inherit',
  });
  process.exit(again.status ?? 1);
}
const smoke = argv.includes('--smoke');
const flag = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const scaleNames = (smoke ? ['tiny'] : (flag('--scales')?.split(',') ?? ['small', 'org', 'ladder7', 'large'])) as ScaleName[];
for (const n of scaleNames) if (!Object.hasOwn(SCALES, n)) throw new Error(`Unknown scale ${n}; use ${Object.keys(SCALES).join(', ')}`);
const parts = new Set(flag('--only')?.split(',') ?? ['data', 'main', 'import', 'startup', 'renderer', 'drag']);
const browserToo = !argv.includes('--no-browser') && (parts.has('startup') || parts.has('renderer') || parts.has('drag'));

if (browserToo && !existsSync(join(root, 'dist/renderer/index.html'))) {
  console.log('Building the renderer first…');
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--renderer-only'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  speed: machineSpeed(),
};
console.log(
  `Rungs benchmarks${smoke ? ' (smoke run: timings mean nothing)' : ''} on ${machine.cpus} × ${machine.cpu}, Node ${machine.node}; ` +
    `machine speed: the fixed JavaScript workload ${machine.speed.jsWorkloadMs.toFixed(1)} ms, an fsync ${machine.speed.fsyncMs.toFixed(2)} ms (medians; bench/machine-speed.ts)`,
);

const browser = browserToo
  ? await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true })
  : null;
const rows: Row[] = [];
try {
  for (const name of scaleNames) {
    const scale = SCALES[name];
    const dir = mkdtempSync(join(tmpdir(), `rungs-bench-${name}-`));
    try {
      const t0 = performance.now();
      const org = generateOrg(dir, scale);
      console.log(
        `${scale.name}: generated ${org.counts.items} items (${org.counts.assigned} assigned) in ${(performance.now() - t0).toFixed(0)} ms`,
      );
      const big = name === 'large';
      if (parts.has('data'))
        rows.push(
          ...dataFigures(org, scale, dir, {
            warmup: smoke ? 1 : 10,
            samples: smoke ? 3 : big ? 50 : 200,
            batch: smoke ? 5 : 100,
            bulk: smoke ? org.storyIds.length : 3000,
            bulkSamples: smoke ? 2 : 20,
          }),
        );
      org.db.close();
      if (parts.has('main')) rows.push(...(await mainThreadFigures(org, scale, smoke ? 2 : 10)));
      // A tracker's export of 3,000 rows at every scale: a quarter's backlog, whatever the org's size.
      if (parts.has('import'))
        rows.push(...(await importFigures(org, scale, { rows: smoke ? 30 : 3000, warmup: smoke ? 1 : 3, samples: smoke ? 2 : 20 })));
      if (browser) {
        // The data figures re-planned that org; the browser sees a fresh one (same seed, same rows).
        const fresh = generateOrg(mkdtempSync(join(dir, 'fresh-')), scale);
        fresh.db.close();
        if (parts.has('startup')) rows.push(...(await startupFigures(browser, fresh.file, scale, smoke ? 1 : 5)));
        if (parts.has('renderer')) rows.push(...(await rendererFigures(browser, fresh.file, scale, smoke ? 1 : 5)));
        if (parts.has('drag')) {
          try {
            rows.push(...(await dragFigures(browser, fresh.file, scale, smoke ? 2 : 20)));
            rows.push(...(await keyboardDragFigures(browser, fresh.file, scale, smoke ? 2 : 20)));
          } catch (error) {
            // Before the drag-and-drop board sets its marks there is nothing to time; say so, do not fail.
            if (!(error instanceof NoDragMarks)) throw error;
            console.log(`${scale.name}: drag figures skipped: ${error.message}`);
          }
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  await browser?.close();
}

console.log(`\n${table(rows)}\n`);
const failed = rows.filter((r) => r.pass === false);
console.log(
  failed.length === 0
    ? 'Every target met.'
    : `${failed.length} figure(s) missed their target: ${failed.map((r) => `${r.figure} (${r.scale})`).join('; ')}`,
);

const at = new Date().toISOString();
const outDir = smoke ? mkdtempSync(join(tmpdir(), 'rungs-bench-smoke-')) : join(root, 'bench/results');
mkdirSync(outDir, { recursive: true });
const out = join(outDir, `${at.replace(/[:.]/g, '-')}.json`);
writeFileSync(out, JSON.stringify({ at, smoke, machine, rows }, null, 2));
console.log(`Wrote ${smoke ? 'the smoke results to ' : ''}${out}`);
if (smoke) rmSync(outDir, { recursive: true, force: true });
