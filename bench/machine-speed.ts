import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { prng } from './generate.ts';
import { measure, stats } from './harness.ts';

// How fast this machine is, in two fixed workloads, so runs on different VMs can be compared: the
// machines share a CPU name ("AMD EPYC") and differ threefold in what the figures say.
// - JavaScript: 50,000 plan-like rows built, sorted as the board sorts, written and read as JSON;
// - fsync: a 4 KB write made durable, what every stored change waits for.

export type MachineSpeed = { jsWorkloadMs: number; fsyncMs: number };

function jsWorkload(): void {
  const rand = prng(11);
  const rows = Array.from({ length: 50_000 }, (_, id) => ({
    id,
    title: `Item ${id}`,
    rung: Math.floor(rand() * 4),
    size: Math.floor(rand() * 13),
  }));
  rows.sort((a, b) => b.rung - a.rung || a.size - b.size || a.title.localeCompare(b.title));
  if ((JSON.parse(JSON.stringify(rows)) as unknown[]).length !== rows.length) throw new Error('the workload lost rows');
}

/** Medians of 9 runs each, after 3 to warm up. */
export function machineSpeed(): MachineSpeed {
  const js = measure(jsWorkload, { warmup: 3, samples: 9 });
  const dir = mkdtempSync(join(tmpdir(), 'rungs-fsync-'));
  const fd = openSync(join(dir, 'probe'), 'w');
  const page = Buffer.alloc(4096, 1);
  const syncs: number[] = [];
  try {
    // The fsync alone is timed, not its write: measure() would time both.
    for (let i = 0; i < 12; i++) {
      writeSync(fd, page, 0, page.length, 0);
      const t0 = performance.now();
      fsyncSync(fd);
      if (i >= 3) syncs.push(performance.now() - t0);
    }
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
  return { jsWorkloadMs: js.median, fsyncMs: stats(syncs).median };
}
