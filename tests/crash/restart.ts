import Database from 'better-sqlite3';
import { type RunningHost, inspectCopy, startHostProcess } from './host-process.ts';
import { type Ack, lostAcks } from './load.ts';

// After a kill: start the host again on the same file, as a lead would, then look inside the file.
// Two separate failures: the host refusing a roster SQLite can open (a refusal), and an
// acknowledged change missing from it (a loss).

export type AfterKill = {
  /** The host's exit code and words when it would not start; null when it started. */
  refusal: { code: number | null; output: string } | null;
  /** SQLite's integrity_check of the roster with its WAL replayed. */
  integrity: string;
  lost: Ack[];
};

export type KindSummary = {
  trials: number;
  acknowledged: number;
  lost: number;
  refused: number;
  damaged: number;
  failures: { trial: number; detail: string }[];
};

export const trialFailed = (r: AfterKill): boolean => r.refusal !== null || r.lost.length > 0 || r.integrity !== 'ok';

export function describeFailure(r: AfterKill): string {
  if (r.refusal) return `refused to start (exit ${r.refusal.code}): ${r.refusal.output.split('\n')[0]}`;
  if (r.integrity !== 'ok') return `damaged: ${r.integrity.slice(0, 200)}`;
  return `lost ${r.lost.length} acknowledged: ${r.lost
    .slice(0, 5)
    .map((a) => `${a.title} (change ${a.changeId})`)
    .join(', ')}`;
}

export function summarize<T extends AfterKill & { acknowledged: number }>(results: T[]): KindSummary {
  return {
    trials: results.length,
    acknowledged: results.reduce((n, r) => n + r.acknowledged, 0),
    lost: results.reduce((n, r) => n + r.lost.length, 0),
    refused: results.filter((r) => r.refusal !== null).length,
    damaged: results.filter((r) => r.integrity !== 'ok').length,
    failures: results.flatMap((r, trial) => (trialFailed(r) ? [{ trial, detail: describeFailure(r) }] : [])),
  };
}

/**
 * Start the host again on the killed roster and look inside the file while it runs. The look is
 * taken once the host printed its address and before anyone asks it anything: it writes nothing
 * then, so a copy of the file and its WAL is what the host itself opened. The running host is
 * handed back for the next trial to kill, so every kill after the first hits a host that had
 * itself recovered from one. Null when it refused to start.
 */
export async function restartAndCheck(file: string, acked: readonly Ack[]): Promise<{ after: AfterKill; host: RunningHost | null }> {
  const start = await startHostProcess(file);
  const refusal = start.ok ? null : { code: start.code, output: start.output.trim() };
  const { integrity, lost } = inspectCopy(file, (db) => ({
    integrity: String(db.pragma('integrity_check', { simple: true })),
    lost: lostAcks(db, acked),
  }));
  // A refused roster would be refused again by every later trial on this file. Opening it with
  // SQLite alone and checkpointing replays the WAL into it, so the next trial starts from a file
  // the host accepts; this refusal is already counted. (Closing alone is not enough: a connection
  // that never read leaves the WAL as it found it.)
  if (refusal) {
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  }
  return { after: { refusal, integrity, lost }, host: start.ok ? start.host : null };
}

/** The host to run a trial on: the one the last restart left running, or a new one. */
export async function hostFor(file: string, running: RunningHost | null): Promise<RunningHost> {
  if (running) return running;
  const start = await startHostProcess(file);
  if (!start.ok) throw new Error(`The host would not start on a roster the last check accepted (exit ${start.code}):\n${start.output}`);
  return start.host;
}
