import { statSync, watch } from 'node:fs';
import { join } from 'node:path';
import { LIMITS } from '../../shared/schemas.ts';
import { type FileShape, type RunningHost, fileShape, inCheckpointWindow, killGroup, stopHost } from './host-process.ts';
import { createStories, firstQuarter } from './load.ts';
import { type AfterKill, type KindSummary, hostFor, restartAndCheck, summarize } from './restart.ts';

// Kills aimed at a checkpoint that grows the roster. SQLite copies the WAL into the main file once
// the WAL passes 1,000 pages, page 1 first: for a moment the header already counts pages the file
// does not hold yet, and the WAL that completes them is still on disk. The client writes stories
// with the longest descriptions allowed, so each checkpoint adds pages at the end of the file; the
// parent watches the file and kills the host's group the moment it grows.

export type CheckpointTrial = AfterKill & {
  acknowledged: number;
  /** The file grew while the host ran (the kill was aimed); false: the give-up timer fired. */
  grew: boolean;
  /** The kill left the file inside the window (see inCheckpointWindow). */
  inWindow: boolean;
  shape: FileShape;
};
export type CheckpointSummary = KindSummary & { windowHits: number; refusedInWindow: number; aimed: number };

/** One kill; answers the trial and the host the restart left running (null: none). */
export async function checkpointTrial(
  file: string,
  trial: number,
  running: RunningHost | null,
  giveUpMs = 60_000,
): Promise<{ result: CheckpointTrial; host: RunningHost | null }> {
  const host = await hostFor(file, running);
  const quarterId = await firstQuarter(host);
  // The size to beat is taken at the first acknowledged write, not at start-up: a roster reopened
  // with a long WAL checkpoints it on its first commit, growing the file by a page or two before
  // the client has anything to lose. The kill is aimed at the next, full checkpoint.
  let baseline: number | null = null;
  let grew = false;
  // inotify tells of every write to the file; the size is checked at once, and the kill is sent
  // from inside the callback so nothing else runs between seeing the growth and the signal.
  const watcher = watch(file, () => {
    if (grew || baseline === null) return;
    if (statSync(file).size > baseline) {
      killGroup(host.pid);
      grew = true;
    }
  });
  const giveUp = setTimeout(() => killGroup(host.pid), giveUpMs);
  const load = createStories(host, {
    quarterId,
    tag: `c${trial}`,
    descriptionLength: LIMITS.description,
    onAck: () => (baseline ??= statSync(file).size),
  });
  await host.exited;
  watcher.close();
  clearTimeout(giveUp);
  host.agent.destroy();
  await load.stopped;
  if (load.refused.length > 0) throw new Error(`The host refused the load itself: ${load.refused[0]}`);
  const shape = fileShape(file);
  const { after, host: next } = await restartAndCheck(file, load.acked);
  return { result: { ...after, acknowledged: load.acked.length, grew, inWindow: inCheckpointWindow(shape), shape }, host: next };
}

export async function runCheckpointTrials(
  dir: string,
  trials: number,
  onTrial?: (i: number, r: CheckpointTrial) => void,
): Promise<CheckpointSummary> {
  const file = join(dir, 'checkpoint.sqlite');
  const results: CheckpointTrial[] = [];
  let host: RunningHost | null = null;
  try {
    for (let i = 0; i < trials; i++) {
      const trial: { result: CheckpointTrial; host: RunningHost | null } = await checkpointTrial(file, i, host);
      host = trial.host;
      results.push(trial.result);
      onTrial?.(i, trial.result);
    }
  } finally {
    if (host) await stopHost(host);
  }
  return {
    ...summarize(results),
    aimed: results.filter((r) => r.grew).length,
    windowHits: results.filter((r) => r.inWindow).length,
    refusedInWindow: results.filter((r) => r.inWindow && r.refusal !== null).length,
  };
}
