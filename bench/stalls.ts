import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { stats } from './harness.ts';
import { type Row, row } from './report.ts';

// The thread that serves the window (the browser host's HTTP thread; Electron's main process has the
// same shape) watched with monitorEventLoopDelay while a piece of work runs: once with the database in
// that thread (before), once through the roster thread (data/remote/, after), alternating sample by
// sample in one run so the ratio holds on a noisy machine.

const watch = monitorEventLoopDelay({ resolution: 1 });

// The "before" samples do the roster's work on this thread and leave its garbage here, which the
// host's thread never has. Collected before each watched sample: otherwise a full collection of
// it (one thread, under the host's --single-threaded-gc) lands in an "after" sample as a 50-90 ms stall.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** The longest stall of this thread while `work` runs (and a little after, so a late timer is seen). */
async function longestStall(work: () => unknown): Promise<number> {
  watch.reset();
  // A few ticks first: a block that starts in the same tick as the reset can go unrecorded.
  await sleep(2);
  await work();
  await sleep(15);
  return watch.max / 1e6;
}

const OK = new TextEncoder().encode('{"ok":true');
/** The roster thread's answer as the host writes it (UTF-8 JSON bytes): a failure stops the bench rather than timing the wrong path. */
export function expectOk(answer: Uint8Array, what: string): void {
  if (OK.some((b, i) => answer[i] !== b)) {
    throw new Error(`${what} failed in the benchmark: ${new TextDecoder().decode(answer.subarray(0, 300))}`);
  }
}

export type StallPair = {
  /** Names the work in the rows' figure ("plan.assignMany, 3,000 items"). */
  figure: string;
  /** The work with the database in this thread. */
  inThread: () => unknown;
  /** The same work sent to the roster thread. */
  viaRosterThread: () => Promise<unknown>;
  /** Put things back after each sample (an import's undo), unwatched. */
  reset?: () => Promise<unknown>;
};

/** Before, after (target: p95 ≤ 16 ms, one frame) and their ratio, for each pair; one warm-up sample each. */
export async function stallRows(scale: string, pairs: readonly StallPair[], samples: number): Promise<Row[]> {
  const rows: Row[] = [];
  watch.enable();
  try {
    for (const pair of pairs) {
      const before: number[] = [];
      const after: number[] = [];
      const ratio: number[] = [];
      for (let i = 0; i < samples + 1; i++) {
        const a = await longestStall(pair.inThread);
        await pair.reset?.();
        collectGarbage();
        const b = await longestStall(pair.viaRosterThread);
        await pair.reset?.();
        collectGarbage();
        if (i === 0) continue;
        before.push(a);
        after.push(b);
        ratio.push(b / a);
      }
      const what = `host thread's longest stall: ${pair.figure}`;
      rows.push(row(scale, `${what}, database in thread (before)`, 'ms', stats(before), null, 'info'));
      rows.push(row(scale, `${what}, roster thread (after)`, 'ms', stats(after), { op: '<=', value: 16, stat: 'p95' }));
      rows.push(row(scale, `${what}, after ÷ before`, 'x', stats(ratio), null, 'info'));
    }
  } finally {
    watch.disable();
  }
  return rows;
}
