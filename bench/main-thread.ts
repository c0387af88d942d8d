import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase } from '../data/store/db.ts';
import { createDispatcher } from '../data/handlers/dispatch.ts';
import { createRemoteRoster } from '../data/remote/client.ts';
import { spawnRosterWorker } from '../data/remote/worker-thread.ts';
import type { GeneratedOrg, Scale } from './generate.ts';
import { stats } from './harness.ts';
import { type Row, row } from './report.ts';

// The target: "the main process never blocks for more than one frame (16 ms) on a database call".
// The thread that serves the window (the browser host's HTTP thread here; Electron's main process
// has the same shape) is watched with monitorEventLoopDelay while it answers a 3,000-item
// plan.assignMany and a full board snapshot: once with the dispatcher in the same thread (before),
// once through the roster thread (data/remote/, after), alternating sample by sample in one run.

type Op = { figure: string; call: (k: number) => [channel: string, request: unknown] };

const watch = monitorEventLoopDelay({ resolution: 1 });

/** The longest stall of this thread while `work` runs (and a little after, so a late timer is seen). */
async function longestStall(work: () => unknown): Promise<number> {
  watch.reset();
  // A few ticks first: a block that starts in the same tick as the reset can go unrecorded.
  await sleep(2);
  await work();
  await sleep(15);
  return watch.max / 1e6;
}

export async function mainThreadFigures(
  org: Pick<GeneratedOrg, 'file' | 'quarterId' | 'engineerIds' | 'storyIds'>,
  scale: Scale,
  samples: number,
): Promise<Row[]> {
  const local = openDatabase(org.file);
  const { dispatchUnknown } = createDispatcher(local, { databasePath: org.file });
  const remote = createRemoteRoster({
    spawn: spawnRosterWorker,
    open: { path: org.file, options: {}, launchBackup: false },
  });
  const rows: Row[] = [];
  watch.enable();
  try {
    const opened = await remote.open();
    if (!opened.ok) throw new Error(`The bench roster did not open: ${opened.problem.message}`);
    const items = org.storyIds.slice(0, 3000);
    const n = org.engineerIds.length;
    const ops: Op[] = [
      {
        figure: `plan.assignMany, ${items.length.toLocaleString('en-US')} items`,
        // Every sample sends each story to another engineer than the sample before.
        call: (k) => ['plan.assignMany', { moves: items.map((itemId, j) => ({ itemId, engineerId: org.engineerIds[(j + k) % n]! })) }],
      },
      { figure: 'board.snapshot', call: () => ['board.snapshot', { quarterId: org.quarterId }] },
    ];
    let k = 0;
    for (const op of ops) {
      const before: number[] = [];
      const after: number[] = [];
      const ratio: number[] = [];
      for (let i = 0; i < samples + 1; i++) {
        const [c1, r1] = op.call(k++);
        const inThread = await longestStall(() => {
          const r = dispatchUnknown(c1, r1);
          if (!r.ok) throw new Error(`${c1} failed in the benchmark: ${r.error.message}`);
        });
        const [c2, r2] = op.call(k++);
        const viaWorker = await longestStall(async () => {
          // As the host sends it on: JSON made on the roster thread, a string copied to this one.
          const json = await remote.dispatchJson(c2, r2);
          if (!json.startsWith('{"ok":true')) throw new Error(`${c2} failed in the benchmark: ${json.slice(0, 300)}`);
        });
        if (i === 0) continue; // warm-up
        before.push(inThread);
        after.push(viaWorker);
        ratio.push(viaWorker / inThread);
      }
      const what = `host thread's longest stall: ${op.figure}`;
      rows.push(row(scale.name, `${what}, database in thread (before)`, 'ms', stats(before), null, 'info'));
      rows.push(row(scale.name, `${what}, roster thread (after)`, 'ms', stats(after), { op: '<=', value: 16, stat: 'p95' }));
      rows.push(row(scale.name, `${what}, after ÷ before`, 'x', stats(ratio), null, 'info'));
    }
  } finally {
    watch.disable();
    await remote.close();
    local.close();
  }
  return rows;
}
