import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCrashTrials } from '../tests/crash/harness.ts';

// `npm run crash-test`: the full crash test, 1,000 SIGKILLs by default (RUNGS_CRASH_TRIALS=N).

const trials = Number(process.env.RUNGS_CRASH_TRIALS ?? 1000);
const dir = mkdtempSync(join(tmpdir(), 'rungs-crash-'));
const started = Date.now();
try {
  const summary = await runCrashTrials(join(dir, 'rungs.sqlite'), trials, (i) => {
    if ((i + 1) % 100 === 0) console.log(`${i + 1} kills…`);
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(
    `${summary.trials} kills survived: ${summary.acknowledged} acknowledged changes checked, ${summary.failures.length} lost or damaged, in ${seconds} s.`,
  );
  for (const f of summary.failures.slice(0, 10)) console.error(`trial ${f.trial}:`, f.result);
  process.exitCode = summary.failures.length === 0 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
