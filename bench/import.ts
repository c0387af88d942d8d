import { performance } from 'node:perf_hooks';
import { createDispatcher } from '../data/handlers/dispatch.ts';
import { createRemoteRoster } from '../data/remote/client.ts';
import { channelOf } from '../host/server.ts';
import { spawnRosterWorker } from '../data/remote/worker-thread.ts';
import { openDatabase } from '../data/store/db.ts';
import type { ChannelName, RequestOf, ResponseOf } from '../shared/contract/index.ts';
import { toBase64 } from '../shared/decode.ts';
import { jsonDepthProblem } from '../shared/payload.ts';
import { writeXlsx } from '../tests/helpers/xlsx-writer.ts';
import type { GeneratedOrg, Scale } from './generate.ts';
import { measurePair, stats } from './harness.ts';
import { jiraExport } from './jira-export.ts';
import { type Row, row } from './report.ts';
import { type StallPair, expectOk, stallRows } from './stalls.ts';

// Importing a tracker's export: a Jira Cloud CSV of `rows` rows and the same rows as an .xlsx
// workbook, previewed and committed into an empty quarter of the generated org, through the
// dispatcher the app uses. Then the thread that serves the window (the browser host's HTTP thread;
// Electron's main process has the same shape) is watched while the roster thread previews and
// commits, against the same work done in that thread: the same-run baseline.

export type ImportOptions = { rows: number; warmup: number; samples: number };

export async function importFigures(org: Pick<GeneratedOrg, 'file'>, scale: Scale, opts: ImportOptions): Promise<Row[]> {
  const s = scale.name;
  const local = openDatabase(org.file);
  const { dispatch } = createDispatcher(local, { databasePath: org.file });
  const call = <K extends ChannelName>(channel: K, request: RequestOf<K>): ResponseOf<K> => {
    const r = dispatch(channel, request);
    if (!r.ok) throw new Error(`${channel} failed in the benchmark: ${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  const people = local.prepare('SELECT name FROM engineers ORDER BY id').pluck().all() as string[];
  const jira = jiraExport(opts.rows, people);
  const csv = toBase64(new TextEncoder().encode(jira.csv));
  const xlsx = toBase64(writeXlsx({ 'Jira export': [jira.header, ...jira.rows] }));
  const n = opts.rows.toLocaleString('en-US');
  console.log(
    `${s}: import of ${n} Jira rows (${jira.counts.epics} epics, ${jira.counts.stories} stories, ${jira.counts.subtasks} sub-tasks): CSV ${(jira.csv.length / 1e6).toFixed(2)} MB, xlsx ${((xlsx.length * 3) / 4 / 1e6).toFixed(2)} MB`,
  );
  const { quarterId } = call('quarters.create', { name: '2027 Q1' });
  const request = (bytes: string, fileName: string) => ({ kind: 'backlog' as const, quarterId, bytes, fileName, tracker: {} });
  const asCsv = request(csv, 'jira.csv');
  const asXlsx = request(xlsx, 'jira.xlsx');

  // A preview that refuses the file would time the wrong path.
  const first = call('import.previewCsv', asCsv);
  if (!first.clean || first.summary.new === 0) {
    throw new Error(
      `The bench Jira export does not preview clean: ${first.fileErrors[0] ?? JSON.stringify(first.rows.find((r) => r.errors.length > 0))}`,
    );
  }
  const rows: Row[] = [];
  const previews = measurePair(
    () => call('import.previewCsv', asCsv),
    () => call('import.previewCsv', asXlsx),
    { warmup: opts.warmup, samples: opts.samples },
  );
  const within500 = { op: '<=', value: 500, stat: 'p95' } as const;
  rows.push(row(s, `import preview: Jira CSV, ${n} rows`, 'ms', previews.a, within500));
  rows.push(row(s, `import preview: the same rows as .xlsx`, 'ms', previews.b, within500));
  rows.push(row(s, `import preview: CSV ÷ xlsx`, 'x', previews.ratio, null, 'info'));

  // Each commit adds every row to the empty quarter and keeps a backup, as the app does; an undo
  // (not timed) empties the quarter again for the next sample.
  const commit = (r: typeof asCsv) => call('import.commitCsv', r);
  const undo = () => call('history.undo', {});
  const commitCsv: number[] = [];
  const commitXlsx: number[] = [];
  const commitSamples = Math.max(2, Math.ceil(opts.samples / 4));
  for (let i = 0; i < commitSamples + 1; i++) {
    let t0 = performance.now();
    commit(asCsv);
    const tc = performance.now() - t0;
    undo();
    t0 = performance.now();
    commit(asXlsx);
    const tx = performance.now() - t0;
    undo();
    if (i === 0) continue; // warm-up
    commitCsv.push(tc);
    commitXlsx.push(tx);
  }
  const within1500 = { op: '<=', value: 1500, stat: 'p95' } as const;
  rows.push(row(s, `import commit: Jira CSV, ${n} rows (with its backup)`, 'ms', stats(commitCsv), within1500));
  rows.push(row(s, `import commit: the same rows as .xlsx`, 'ms', stats(commitXlsx), within1500));

  // As many samples as the previews: of 5, a p95 is the largest, and one hiccup of the machine decides it.
  rows.push(...(await stallFigures(org.file, s, dispatch, { csv: asCsv, xlsx: asXlsx }, opts.samples)));
  local.close();
  return rows;
}

type Dispatch = ReturnType<typeof createDispatcher>['dispatch'];
type ImportRequest = RequestOf<'import.previewCsv'>;

async function stallFigures(file: string, s: string, dispatch: Dispatch, files: Record<'csv' | 'xlsx', ImportRequest>, samples: number) {
  const remote = createRemoteRoster({ spawn: spawnRosterWorker, open: { path: file, options: {}, launchBackup: false } });
  const opened = await remote.open();
  if (!opened.ok) throw new Error(`The bench roster did not open: ${opened.problem.message}`);
  // What the host thread does with a request (host/server.ts): join the body's chunks as they
  // arrived, read its channel off its start, check its depth, move the bytes to the roster thread
  // (which parses them) and wait for the reply, JSON encoded as UTF-8 on the roster thread and moved
  // here as bytes. The body itself is made before the watch, in 64 KB chunks as a socket gives them:
  // the browser writes it, not the host (made inside, its JSON.stringify was ~11 of the ~15 ms this
  // figure read).
  const viaRosterThread = (channel: ChannelName, request: unknown) => {
    const sent = Buffer.from(JSON.stringify({ channel, request }));
    const chunks = Array.from({ length: Math.ceil(sent.length / 65_536) }, (_, i) => sent.subarray(i * 65_536, (i + 1) * 65_536));
    return () => received(Buffer.concat(chunks));
  };
  const received = async (body: Buffer) => {
    const channel = channelOf(body);
    if (channel === null) throw new Error('The bench request is not in the shape the renderer sends.');
    if (jsonDepthProblem(body)) throw new Error('The bench request is too deep.');
    expectOk(await remote.dispatchBody(channel, body), channel);
  };
  const inThread = (channel: ChannelName, request: unknown) => () => {
    const r = dispatch(channel as 'import.previewCsv', request as ImportRequest);
    if (!r.ok) throw new Error(`${channel} failed in the benchmark: ${r.error.message}`);
  };
  const undoRemote = async () => expectOk(await remote.dispatchBytes('history.undo', {}), 'history.undo');
  const pair = (figure: string, channel: ChannelName, request: ImportRequest): StallPair => ({
    figure: `import ${figure}`,
    inThread: inThread(channel, request),
    viaRosterThread: viaRosterThread(channel, request),
    ...(channel === 'import.commitCsv' ? { reset: undoRemote } : {}),
  });
  try {
    return await stallRows(
      s,
      [
        pair('preview, Jira CSV', 'import.previewCsv', files.csv),
        pair('preview, .xlsx', 'import.previewCsv', files.xlsx),
        pair('commit, Jira CSV', 'import.commitCsv', files.csv),
      ],
      samples,
    );
  } finally {
    await remote.close();
  }
}
