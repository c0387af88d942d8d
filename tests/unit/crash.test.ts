import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheckpointTrials } from '../crash/checkpoint.ts';
import { runCrashTrials } from '../crash/harness.ts';
import { assertRendererBuilt } from '../crash/host-process.ts';
import { runStackTrials } from '../crash/whole-stack.ts';
import { tempDir } from '../helpers/temp-db.ts';

// The short run of each kind; `npm run crash-test` runs the long one (scripts/crash-test.ts, whose
// environment variables change these counts too). The host kinds start the real browser host,
// about a second a trial, so they run a handful here. `npm test` builds the renderer they serve
// before vitest runs.

const TRIALS = Number(process.env.RUNGS_CRASH_TRIALS ?? 20);
const HOST_TRIALS = Number(process.env.RUNGS_CRASH_HOST_TRIALS ?? 4);
const CHECKPOINT_TRIALS = Number(process.env.RUNGS_CRASH_CHECKPOINT_TRIALS ?? 5);

describe('a writer killed with SIGKILL at random moments', () => {
  it(`loses no acknowledged change and leaves a sound roster (${TRIALS} kills)`, { timeout: 120_000 }, async () => {
    const summary = await runCrashTrials(join(tempDir(), 'rungs.sqlite'), TRIALS);
    console.log(`[crash] ${summary.trials} kills, ${summary.acknowledged} acknowledged changes, ${summary.failures.length} failures`);
    expect(summary.failures).toEqual([]);
    // The test must have something to lose: most kills land after changes were acknowledged.
    expect(summary.acknowledged).toBeGreaterThan(TRIALS);
  });
});

describe('the browser host killed with SIGKILL, process group and all, with writes in flight', () => {
  it(`starts again on the same roster, which holds every acknowledged change (${HOST_TRIALS} kills)`, { timeout: 120_000 }, async () => {
    assertRendererBuilt();
    const summary = await runStackTrials(tempDir(), HOST_TRIALS);
    console.log(`[crash host] ${JSON.stringify({ ...summary, failures: summary.failures.length })}`);
    expect(summary.failures).toEqual([]);
    expect(summary.acknowledged).toBeGreaterThan(HOST_TRIALS);
  });
});

describe('the browser host killed while a checkpoint grows the roster', () => {
  it(
    `starts again on the same roster, which holds every acknowledged change (${CHECKPOINT_TRIALS} kills)`,
    { timeout: 120_000 },
    async () => {
      assertRendererBuilt();
      const summary = await runCheckpointTrials(tempDir(), CHECKPOINT_TRIALS);
      console.log(`[crash checkpoint] ${JSON.stringify({ ...summary, failures: summary.failures.length })}`);
      // About half the kills leave the file mid-checkpoint (counted in windowHits); every trial must
      // at least have aimed at a checkpoint, or the load no longer grows the roster.
      expect(summary.aimed).toBe(CHECKPOINT_TRIALS);
      expect(summary.failures).toEqual([]);
    },
  );
});
