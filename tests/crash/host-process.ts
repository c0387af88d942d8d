import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { headerBytes } from '../../data/safety/sqlite-file.ts';
import { HOST_NODE_FLAGS } from '../../host/node-flags.ts';

// What the whole-stack crash tests share: start the real browser host on a roster file, talk to it
// over HTTP as the renderer does, kill its whole process group with SIGKILL, and look at the file
// afterwards the way SQLite and the host's own check would.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOST_MAIN = join(ROOT, 'host/main.mjs');
const RENDERER = join(ROOT, 'dist/renderer/index.html');

/** The host refuses to start without the built renderer; say so plainly rather than time out. */
export function assertRendererBuilt(): void {
  if (!existsSync(RENDERER)) {
    throw new Error(
      `The crash tests start the real host, which needs the built renderer (${RENDERER}). Run \`node scripts/build.mjs --renderer-only\` first.`,
    );
  }
}

export type RunningHost = {
  pid: number;
  port: number;
  token: string;
  agent: Agent;
  /** Settles when the process has ended (its code, or the signal that ended it). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};
export type HostStart = { ok: true; host: RunningHost } | { ok: false; code: number | null; output: string };

const RUNNING = /Rungs is running at (http:\/\/127\.0\.0\.1:(\d+))\/\?token=(\S+)/;

/**
 * Start `node host/main.mjs` on `file` in its own process group (detached), so one signal reaches the
 * host and every thread and child it has. Answers once it printed its address, or once it exited
 * without doing so (a refusal: exit code 3 for a damaged roster, 4 for a held lock).
 */
export function startHostProcess(
  file: string,
  { empty = true, timeoutMs = 30_000, onSpawn }: { empty?: boolean; timeoutMs?: number; onSpawn?: (pid: number) => void } = {},
): Promise<HostStart> {
  const args = [...HOST_NODE_FLAGS, HOST_MAIN, '--db', file, '--port', '0', ...(empty ? ['--empty'] : [])];
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RUNGS_PORT: undefined },
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) =>
    child.once('exit', (code, signal) => ok({ code, signal })),
  );
  onSpawn?.(child.pid!);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup(child.pid!);
      reject(new Error(`The host did not start within ${timeoutMs} ms:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      output += d.toString('utf8');
      const m = RUNNING.exec(output);
      if (!m) return;
      clearTimeout(timer);
      const agent = new Agent({ keepAlive: true, maxSockets: 16 });
      resolve({ ok: true, host: { pid: child.pid!, port: Number(m[2]), token: m[3]!, agent, exited } });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      // Settles only if it had not printed its address; a later exit is the caller's business.
      resolve({ ok: false, code, output });
    });
  });
}

/** SIGKILL the whole process group: the host, its roster thread, anything it started. */
export function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

export async function killHost(host: RunningHost): Promise<void> {
  killGroup(host.pid);
  host.agent.destroy();
  await host.exited;
}

/** Stop a host the way a lead does (SIGTERM): it closes the roster cleanly. */
export async function stopHost(host: RunningHost): Promise<void> {
  host.agent.destroy();
  process.kill(host.pid, 'SIGTERM');
  await host.exited;
}

export type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** One API call, as the renderer makes it. Rejects when the connection breaks (the host was killed). */
export function invoke(host: RunningHost, channel: string, requestBody: unknown): Promise<Reply> {
  const body = JSON.stringify({ channel, request: requestBody });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: '/api/invoke',
        agent: host.agent,
        headers: { 'content-type': 'application/json', 'x-rungs-token': host.token, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          if (res.statusCode !== 200)
            return reject(new Error(`HTTP ${res.statusCode}: ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`));
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Reply);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export type FileShape = { size: number; pageSize: number; headerPages: number; walPresent: boolean };

/** The main file's size against the page count its header claims, read without SQLite. */
export function fileShape(file: string): FileShape {
  const header = headerBytes(file);
  const raw = header.readUInt16BE(16);
  return {
    size: statSync(file).size,
    pageSize: raw === 1 ? 65536 : raw,
    headerPages: header.readUInt32BE(28),
    walPresent: existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0,
  };
}

/**
 * A checkpoint was cut off mid-way: page 1 already says the file has more pages than it holds, and
 * the WAL that completes it is still there. SQLite finishes such a checkpoint on the next open.
 */
export const inCheckpointWindow = (s: FileShape): boolean => s.walPresent && s.size < s.headerPages * s.pageSize;

/**
 * What SQLite itself sees in the file (WAL replayed), independent of whether the host accepted it:
 * a copy of the roster and its WAL is opened, so the file under test is not touched.
 */
export function inspectCopy<T>(file: string, look: (db: Database.Database) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'rungs-crash-look-'));
  try {
    const copy = join(dir, 'look.sqlite');
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    const db = new Database(copy);
    try {
      return look(db);
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Changes acknowledged over HTTP that the roster does not hold. */
export function missingChanges(db: Database.Database, changeIds: readonly number[]): number[] {
  const has = db.prepare('SELECT 1 FROM changes WHERE id = ?').pluck();
  return changeIds.filter((id) => has.get(id) === undefined);
}
