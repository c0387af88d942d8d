import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createDispatcher } from '../data/handlers/dispatch.ts';
import { openDatabase } from '../data/store/db.ts';
import { type Plan, delegation, gapSummary, teamGaps } from '../shared/gaps.ts';
import { backlog, teamLanes } from '../shared/plan.ts';
import type { Snapshot, WorkItem } from '../shared/schemas.ts';
import { type MeasureOptions, measure } from './harness.ts';
import { type Row, row } from './report.ts';

// The rules the renderer runs on the plan it holds (the lanes and the backlog, the delegation gaps),
// timed in a Node process of their own under V8's default garbage collector, as Chromium runs them.
// The bench's own process runs under the host's flags (host/node-flags.ts), which are the roster
// thread's: a single-threaded collector there raised these figures' p95 by ~5 ms at 300 engineers.

type Job = { file: string; quarterId: number; scale: string; opts: MeasureOptions };

export function rendererRuleFigures(job: Job): Row[] {
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), JSON.stringify(job)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`The renderer's rules were not timed (exit ${child.status}).`);
  return JSON.parse(child.stdout) as Row[];
}

/**
 * A full collection before a figure's samples. The bench makes the snapshot and a new list of its
 * items for every sample before timing (60 lists of 10,000 at 1,000 engineers); still young, they
 * were copied by the samples' young-generation collections, 20–38 ms each, which set the gaps'
 * p95 (10–44 ms). The app holds one plan, long since old, and makes one list per change.
 */
const settle = () => (globalThis as unknown as { gc: () => void }).gc();

function timeRules({ file, quarterId, scale, opts }: Job): Row[] {
  const db = openDatabase(file);
  const answer = createDispatcher(db, { databasePath: file }).dispatch('board.snapshot', { quarterId });
  db.close();
  if (!answer.ok) throw new Error(`board.snapshot failed in the benchmark: ${answer.error.message}`);
  const snap: Snapshot = answer.value;
  // Each sample reads a new list of the same items, as after a change: loads are worked out once
  // per list (shared/load.ts), and a sample must not find the one before it (or another figure) done.
  // A sample lets go of its list when done: loads and lane orders are remembered per list, and in the
  // app only the plan on screen is alive; kept, every earlier sample's work grew the heap the
  // garbage collector walks.
  const newLists = () => Array.from({ length: opts.warmup + opts.samples }, () => snap.items.slice());
  const changed: (WorkItem[] | null)[] = newLists();
  settle();
  const views = measure((i) => {
    const items = changed[i]!;
    changed[i] = null;
    teamLanes(snap.teams, snap.engineers, items);
    backlog(items);
  }, opts);
  const plans: (Plan | null)[] = newLists().map((items) => ({ engineers: snap.engineers, items, ladder: snap.ladder }));
  settle();
  const gaps = measure((i) => {
    const plan = plans[i]!;
    plans[i] = null;
    // As Insights works them out after a change: the warnings and each engineer's gaps, the summary, the team's.
    gapSummary(delegation(plan).perEngineer, plan.ladder);
    teamGaps(plan);
  }, opts);
  return [
    row(scale, 'plan views: lanes + backlog (shared/plan.ts)', 'ms', views, null, 'info'),
    row(scale, 'delegation gaps, whole org (shared/gaps.ts)', 'ms', gaps, { op: '<=', value: 10, stat: 'p95' }),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(JSON.stringify(timeRules(JSON.parse(process.argv[2]!) as Job)));
}
