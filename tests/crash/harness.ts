import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../data/store/db.ts';
import { ensureStarted } from '../../data/seed/demo-team.ts';

// The writer kind: kill a process applying changes through the dispatcher with SIGKILL at random
// moments, then check the roster: it opens, passes integrity_check, and holds every change the
// writer acknowledged before it died. (whole-stack.ts and checkpoint.ts kill the browser host.)

const WRITER = fileURLToPath(new URL('./writer.ts', import.meta.url));

export type TrialResult = { acknowledged: number; missing: number[]; integrity: string; killedBeforeReady: boolean };

export function prepareRoster(file: string): void {
  const db = openDatabase(file);
  ensureStarted(db, { demo: true });
  db.close();
}

function killWriterAtRandom(file: string, maxDelayMs: number): Promise<{ acked: number[]; killedBeforeReady: boolean }> {
  return new Promise((resolve, reject) => {
    // Node's compile cache (the one host/main.mjs turns on) roughly halves the writer's start-up,
    // most of each trial's time.
    const env = { ...process.env, NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? join(tmpdir(), 'node-compile-cache') };
    const child = spawn(process.execPath, [WRITER, file], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let ready = false;
    // One kill in five lands while the writer is still opening the roster.
    const early = Math.random() < 0.2;
    const kill = () => child.kill('SIGKILL');
    let timer = early ? setTimeout(kill, Math.random() * 150) : setTimeout(kill, 10_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (!ready && out.includes('ready\n')) {
        ready = true;
        if (!early) {
          clearTimeout(timer);
          timer = setTimeout(kill, Math.random() * maxDelayMs);
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`The writer stopped by itself: ${stderr.slice(0, 500)}`));
      // Only complete lines were acknowledged; a half-written last line was not.
      const lines = out.split('\n').slice(0, -1);
      resolve({ acked: lines.filter((l) => /^\d+$/.test(l)).map(Number), killedBeforeReady: !ready });
    });
  });
}

export async function crashTrial(file: string, maxDelayMs = 120): Promise<TrialResult> {
  const { acked, killedBeforeReady } = await killWriterAtRandom(file, maxDelayMs);
  // Open the way the app does (WAL recovery, pragmas, migrations), then look.
  const db = openDatabase(file);
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const has = db.prepare('SELECT 1 FROM changes WHERE id = ?').pluck();
    const missing = acked.filter((id) => has.get(id) === undefined);
    return { acknowledged: acked.length, missing, integrity, killedBeforeReady };
  } finally {
    db.close();
  }
}

export async function runCrashTrials(
  file: string,
  trials: number,
  onTrial?: (i: number, r: TrialResult) => void,
): Promise<{ trials: number; acknowledged: number; failures: { trial: number; result: TrialResult }[] }> {
  prepareRoster(file);
  let acknowledged = 0;
  const failures: { trial: number; result: TrialResult }[] = [];
  for (let i = 0; i < trials; i++) {
    const r = await crashTrial(file);
    acknowledged += r.acknowledged;
    if (r.integrity !== 'ok' || r.missing.length > 0) failures.push({ trial: i, result: r });
    onTrial?.(i, r);
  }
  return { trials, acknowledged, failures };
}
