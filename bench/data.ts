import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openDatabase } from '../data/store/db.ts';
import { createDispatcher } from '../data/handlers/dispatch.ts';
import { diagnoseRoster } from '../data/open/diagnose.ts';
import type { ChannelName, RequestOf, ResponseOf } from '../shared/contract/index.ts';
import type { GeneratedOrg, Scale } from './generate.ts';
import { type MeasureOptions, measure, measurePair, stats } from './harness.ts';
import { rendererRuleFigures } from './renderer-rules.ts';
import { type Row, row } from './report.ts';

// Data-layer figures on a generated org: the same dispatcher, handlers and file settings the app uses.

export type DataOptions = MeasureOptions & { batch: number; bulk: number; bulkSamples: number };

export function dataFigures(org: GeneratedOrg, scale: Scale, dir: string, opts: DataOptions): Row[] {
  const rows: Row[] = [];
  const s = scale.name;
  const { dispatch } = createDispatcher(org.db, { databasePath: org.file });
  const call = <K extends ChannelName>(channel: K, request: RequestOf<K>): ResponseOf<K> => {
    const r = dispatch(channel, request);
    // A benchmark of a refused request would measure the wrong thing.
    if (!r.ok) throw new Error(`${channel} failed in the benchmark: ${r.error.code}: ${r.error.message}`);
    return r.value;
  };

  // Reads first, on the org as generated.
  rows.push(
    row(
      s,
      'board snapshot (board.snapshot)',
      'ms',
      measure(() => call('board.snapshot', { quarterId: org.quarterId }), opts),
      { op: '<=', value: 20, stat: 'p95' },
    ),
  );
  rows.push(
    row(
      s,
      'board snapshot as JSON (host reply)',
      'ms',
      measure(() => JSON.stringify(call('board.snapshot', { quarterId: org.quarterId })), opts),
      null,
      'info',
    ),
  );
  // The lanes, the backlog and the delegation gaps are the renderer's work: timed in a process of
  // their own, under the garbage collector Chromium's V8 runs with (renderer-rules.ts).
  rows.push(...rendererRuleFigures({ file: org.file, quarterId: org.quarterId, scale: s, opts }));

  // quick_check as start-up runs it (data/open/diagnose.ts): a fresh read-only connection, before the
  // roster is opened for writing. Timed alone, then the whole start-up examination and the open.
  const opens: number[] = [];
  const checks: number[] = [];
  const diagnoses: number[] = [];
  for (let i = 0; i < opts.warmup + opts.samples; i++) {
    const ro = new Database(org.file, { readonly: true, fileMustExist: true });
    let t0 = performance.now();
    const result = ro.pragma('quick_check', { simple: true });
    const check = performance.now() - t0;
    ro.close();
    if (result !== 'ok') throw new Error(`quick_check: ${String(result)}`);
    t0 = performance.now();
    const problem = diagnoseRoster(org.file);
    const diagnosis = performance.now() - t0;
    if (problem) throw new Error(`diagnoseRoster: ${problem.message}`);
    t0 = performance.now();
    openDatabase(org.file).close();
    const open = performance.now() - t0;
    if (i >= opts.warmup) {
      opens.push(open);
      checks.push(check);
      diagnoses.push(diagnosis);
    }
  }
  rows.push(row(s, 'quick_check at start-up', 'ms', stats(checks), { op: '<=', value: 50, stat: 'p95' }));
  rows.push(row(s, 'start-up examination (diagnoseRoster)', 'ms', stats(diagnoses), null, 'info'));
  rows.push(row(s, 'open roster (pragmas, migration check)', 'ms', stats(opens), null, 'info'));

  // One assignment through the dispatcher against a bare single-row insert transaction on a file
  // with the same settings, sample by sample.
  const owners = new Map<number, number | null>(
    org.db
      .prepare<[], { id: number; engineer_id: number | null }>(
        'SELECT w.id, a.engineer_id FROM work_items w LEFT JOIN assignments a ON a.item_id = w.id',
      )
      .all()
      .map((r) => [r.id, r.engineer_id]),
  );
  let k = 0;
  const nextMove = () => {
    const itemId = org.storyIds[k % org.storyIds.length]!;
    let engineerId = org.engineerIds[(k * 31 + 7) % org.engineerIds.length]!;
    if (owners.get(itemId) === engineerId) engineerId = org.engineerIds[(k * 31 + 8) % org.engineerIds.length]!;
    owners.set(itemId, engineerId);
    k += 1;
    return { itemId, engineerId };
  };
  const bare = new Database(join(dir, 'bare.sqlite'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec('CREATE TABLE IF NOT EXISTS drops (id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL, engineer_id INTEGER NOT NULL)');
  const insert = bare.prepare('INSERT INTO drops (item_id, engineer_id) VALUES (?, ?)');
  const bareTxn = bare.transaction((item: number, engineer: number) => insert.run(item, engineer));
  const {
    a: viaDispatcher,
    b: viaBare,
    ratio,
  } = measurePair(
    () => call('plan.assign', nextMove()),
    (i) => bareTxn(i, i),
    opts,
  );
  rows.push(row(s, 'one assignment (dispatcher, durable)', 'ms', viaDispatcher, null, 'info'));
  rows.push(row(s, 'bare insert transaction (same sync)', 'ms', viaBare, null, 'info'));
  rows.push(row(s, 'assignment ÷ bare insert', 'x', ratio, { op: '<=', value: 2, stat: 'median' }, 'per pair'));

  // Throughput: batches of back-to-back durable assignments; the p95 column is the slow batch.
  const batches = measure(
    () => {
      for (let j = 0; j < opts.batch; j++) call('plan.assign', nextMove());
    },
    { warmup: 1, samples: opts.samples },
  );
  const rate = (ms: number) => (opts.batch * 1000) / ms;
  rows.push(
    row(
      s,
      'durable assignments per second',
      '/s',
      { n: batches.n, median: rate(batches.median), p95: rate(batches.p95) },
      { op: '>=', value: 1000, stat: 'median' },
    ),
  );
  bare.close();

  // One bulk re-plan: `bulk` stories to other engineers in one plan.assignMany (one logged change).
  const bulkItems = org.storyIds.slice(0, opts.bulk);
  // Built before timing: each run sends every item to a different engineer than the run before.
  const bulkMoves = Array.from({ length: 1 + opts.bulkSamples }, (_, i) =>
    bulkItems.map((itemId, j) => {
      let engineerId = org.engineerIds[(j + i + 1) % org.engineerIds.length]!;
      if (owners.get(itemId) === engineerId) engineerId = org.engineerIds[(j + i + 2) % org.engineerIds.length]!;
      owners.set(itemId, engineerId);
      return { itemId, engineerId };
    }),
  );
  rows.push(
    row(
      s,
      'bulk reassign, one change (plan.assignMany)',
      'ms',
      measure((i) => call('plan.assignMany', { moves: bulkMoves[i]! }), { warmup: 1, samples: opts.bulkSamples }),
      { op: '<=', value: 100, stat: 'p95' },
      `${bulkItems.length.toLocaleString('en-US')} items`,
    ),
  );
  return rows;
}
