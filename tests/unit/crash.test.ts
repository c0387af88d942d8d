import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCrashTrials } from '../crash/harness.ts';
import { tempDir } from '../helpers/temp-db.ts';

// The short run; `npm run crash-test` runs 1,000 trials (RUNGS_CRASH_TRIALS to change either).

const TRIALS = Number(process.env.RUNGS_CRASH_TRIALS ?? 20);

describe('a writer killed with SIGKILL at random moments', () => {
  it(`loses no acknowledged change and leaves a sound roster (${TRIALS} kills)`, { timeout: 120_000 }, async () => {
    const summary = await runCrashTrials(join(tempDir(), 'rungs.sqlite'), TRIALS);
    console.log(`[crash] ${summary.trials} kills, ${summary.acknowledged} acknowledged changes, ${summary.failures.length} failures`);
    expect(summary.failures).toEqual([]);
    // The test must have something to lose: most kills land after changes were acknowledged.
    expect(summary.acknowledged).toBeGreaterThan(TRIALS);
  });
});
