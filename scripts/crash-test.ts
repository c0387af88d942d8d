import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheckpointTrials } from '../tests/crash/checkpoint.ts';
import { runCrashTrials } from '../tests/crash/harness.ts';
import { assertRendererBuilt } from '../tests/crash/host-process.ts';
import { runStackTrials } from '../tests/crash/whole-stack.ts';

// `npm run crash-test`: the long crash test, three kinds of SIGKILL, each on its own roster:
//   writer      a process applying changes through the dispatcher     RUNGS_CRASH_TRIALS (1,000)
//   host        the browser host's process group, writes in flight    RUNGS_CRASH_HOST_TRIALS (100)
//   checkpoint  the host, the moment a checkpoint grows the roster    RUNGS_CRASH_CHECKPOINT_TRIALS (100)
// RUNGS_CRASH_KINDS=host,checkpoint runs some of them. The host kinds need the built renderer.

const count = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const kinds = new Set((process.env.RUNGS_CRASH_KINDS ?? 'writer,host,checkpoint').split(',').map((k) => k.trim()));
if (kinds.has('host') || kinds.has('checkpoint')) assertRendererBuilt();

type Line = {
  kind: string;
  trials: number;
  acknowledged: number;
  lost: number;
  refused: number;
  damaged: number;
  windowHits?: number;
  seconds: number;
};
const lines: Line[] = [];
const failures: string[] = [];
const progress = (kind: string) => (i: number) => {
  if ((i + 1) % 10 === 0) console.log(`${kind}: ${i + 1} kills…`);
};

async function timed<T>(run: (dir: string) => Promise<T>): Promise<{ value: T; seconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'rungs-crash-'));
  const started = Date.now();
  try {
    return { value: await run(dir), seconds: Math.round((Date.now() - started) / 1000) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (kinds.has('writer')) {
  const { value: s, seconds } = await timed((dir) =>
    runCrashTrials(join(dir, 'rungs.sqlite'), count('RUNGS_CRASH_TRIALS', 1000), progress('writer')),
  );
  // The writer kind has no host to refuse the file; a roster it cannot open throws above.
  const lost = s.failures.reduce((n, f) => n + f.result.missing.length, 0);
  const damaged = s.failures.filter((f) => f.result.integrity !== 'ok').length;
  lines.push({ kind: 'writer', trials: s.trials, acknowledged: s.acknowledged, lost, refused: 0, damaged, seconds });
  for (const f of s.failures) failures.push(`writer trial ${f.trial}: ${JSON.stringify(f.result).slice(0, 300)}`);
}
if (kinds.has('host')) {
  const { value: s, seconds } = await timed((dir) => runStackTrials(dir, count('RUNGS_CRASH_HOST_TRIALS', 100), progress('host')));
  lines.push({ kind: 'host', ...s, seconds });
  for (const f of s.failures) failures.push(`host trial ${f.trial}: ${f.detail}`);
}
if (kinds.has('checkpoint')) {
  const { value: s, seconds } = await timed((dir) =>
    runCheckpointTrials(dir, count('RUNGS_CRASH_CHECKPOINT_TRIALS', 100), progress('checkpoint')),
  );
  lines.push({ kind: 'checkpoint', ...s, seconds });
  for (const f of s.failures) failures.push(`checkpoint trial ${f.trial}: ${f.detail}`);
  if (s.aimed < s.trials)
    failures.push(`checkpoint: only ${s.aimed} of ${s.trials} kills met a growing file; the load no longer grows the roster`);
}

console.log('');
for (const l of lines) {
  const window = l.windowHits === undefined ? '' : `, ${l.windowHits} killed in the checkpoint window`;
  console.log(
    `${l.kind.padEnd(10)} ${l.trials} kills, ${l.acknowledged} acknowledged changes, ${l.lost} lost, ${l.refused} refused, ${l.damaged} damaged${window} (${l.seconds} s)`,
  );
}
for (const f of failures.slice(0, 20)) console.error(f);
if (failures.length > 20) console.error(`…and ${failures.length - 20} more.`);
process.exitCode = failures.length === 0 ? 0 : 1;
