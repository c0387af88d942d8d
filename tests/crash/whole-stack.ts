import { join } from 'node:path';
import { type HostStart, type RunningHost, killGroup, startHostProcess, stopHost } from './host-process.ts';
import { type Ack, createStories, firstQuarter } from './load.ts';
import { type AfterKill, type KindSummary, restartAndCheck, summarize } from './restart.ts';

// The whole stack killed at random moments: the browser host (HTTP thread, roster thread, SQLite)
// in its own process group, a client with a few mutations in flight, SIGKILL to the group, then a
// restart on the same file. Every change whose ok reply arrived must be there, and the host must
// take the roster back without a word.

export type StackTrial = AfterKill & { acknowledged: number; killedDuringStart: boolean };

/** The shortest run of writes before a kill: still with writes in flight, never with none acknowledged. */
const MIN_DELAY_MS = 50;

/** One kill; answers the trial and the host the restart left running (null: none). */
export async function stackTrial(
  file: string,
  trial: number,
  running: RunningHost | null,
  maxDelayMs = 600,
): Promise<{ result: StackTrial; host: RunningHost | null }> {
  // One kill in five lands while the host is still starting (opening, migrating, backing up); never
  // the first, so a run always has acknowledged changes to lose (a 4-kill run once had 3 in all).
  const early = trial > 0 && Math.random() < 0.2;
  let timer: NodeJS.Timeout | undefined;
  const arm = (pid: number, ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => killGroup(pid), ms);
  };
  let start: HostStart;
  if (early || !running) {
    if (running) await stopHost(running);
    start = await startHostProcess(file, { onSpawn: early ? (pid) => arm(pid, Math.random() * 400) : undefined });
  } else {
    start = { ok: true, host: running };
  }
  let acked: Ack[] = [];
  if (start.ok) {
    const { host } = start;
    // The random delay counts from the first acknowledged write, so a slow machine still gives
    // every trial something to lose; the guard ends a load that never gets one.
    if (!early) arm(host.pid, 20_000);
    const quarterId = await firstQuarter(host).catch(cutOff);
    if (quarterId !== null) {
      let first = true;
      const load = createStories(host, {
        quarterId,
        tag: `s${trial}`,
        descriptionLength: Math.floor(Math.random() * 2000),
        onAck: () => {
          if (!early && first) arm(host.pid, MIN_DELAY_MS + Math.random() * (maxDelayMs - MIN_DELAY_MS));
          first = false;
        },
      });
      await load.stopped;
      if (load.refused.length > 0) throw new Error(`The host refused the load itself: ${load.refused[0]}`);
      acked = load.acked;
    }
    await host.exited;
    host.agent.destroy();
  } else if (start.code !== null) {
    // It exited by itself rather than by our kill: the roster left by the previous trial was refused.
    clearTimeout(timer);
    const refusal = { code: start.code, output: start.output.trim() };
    return { result: { refusal, integrity: 'not checked', lost: [], acknowledged: 0, killedDuringStart: false }, host: null };
  }
  clearTimeout(timer);
  const { after, host } = await restartAndCheck(file, acked);
  return { result: { ...after, acknowledged: acked.length, killedDuringStart: !start.ok }, host };
}

/** A request the kill broke off (a socket error, not a reply): null; anything else is a real error. */
function cutOff(error: unknown): null {
  if (typeof (error as NodeJS.ErrnoException).code === 'string') return null;
  throw error;
}

export async function runStackTrials(dir: string, trials: number, onTrial?: (i: number, r: StackTrial) => void): Promise<KindSummary> {
  const file = join(dir, 'stack.sqlite');
  const results: StackTrial[] = [];
  let host: RunningHost | null = null;
  try {
    for (let i = 0; i < trials; i++) {
      const trial: { result: StackTrial; host: RunningHost | null } = await stackTrial(file, i, host);
      host = trial.host;
      results.push(trial.result);
      onTrial?.(i, trial.result);
    }
  } finally {
    if (host) await stopHost(host);
  }
  return summarize(results);
}
