import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { HOST_NODE_FLAGS } from '../../host/node-flags.ts';
import { SOCKET_PATH, callFrame, splitFrame } from '../../shared/socket.ts';

// Each test gets its own data folder, database file and browser host process: nothing shared.

export type HostProcess = {
  url: string;
  origin: string;
  token: string;
  dbPath: string;
  dir: string;
  /** A second, independent connection to the same file, as a skeptic would open it. */
  readDb: () => Database.Database;
  process: ChildProcess;
};

export async function launchHost(options: { empty?: boolean; dbPath?: string; args?: string[] } = {}): Promise<HostProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'rungs-e2e-'));
  const dbPath = options.dbPath ?? join(dir, 'rungs.sqlite');
  const args = [...HOST_NODE_FLAGS, 'host/main.mjs', '--db', dbPath, ...(options.empty ? ['--empty'] : []), ...(options.args ?? [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Browser host did not start:\n${out}`)), 15_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`Browser host exited with ${code}:\n${out}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    dbPath,
    dir,
    process: child,
    readDb: () => new Database(dbPath, { readonly: true, fileMustExist: true }),
  };
}

export async function stopHost(host: HostProcess): Promise<void> {
  if (host.process.exitCode === null) {
    const exited = new Promise((r) => host.process.once('exit', r));
    host.process.kill('SIGTERM');
    await exited;
  }
}

export const test = base.extend<{ host: HostProcess; board: Page }>({
  host: async ({}, use) => {
    const host = await launchHost();
    await use(host);
    await stopHost(host);
    rmSync(host.dir, { recursive: true, force: true });
  },
  /** The page, opened on the host and showing the board. */
  board: async ({ page, host }, use) => {
    watchCalls(page);
    await page.goto(host.url);
    await expect(page.getByRole('region', { name: 'Backlog' })).toBeVisible();
    await use(page);
  },
});

export { expect };

/** A call in the shape the renderer sends, over HTTP or over the host's socket (framed: shared/socket.ts). */
export const callOf = (body: string): { id: number | null; channel: string; request: Record<string, unknown> } => {
  const framed = splitFrame(body);
  const call = JSON.parse(framed ? framed.rest : body) as { channel: string; request: Record<string, unknown> };
  return { id: framed ? framed.id : null, ...call };
};

/**
 * Watches for the page's socket from now on (call it before the page loads); the returned wait
 * ends once the page has made one and its upgrade has had time to finish. The page opens it a
 * second after its first call (renderer/transport.ts).
 */
export function socketOpened(page: Page): () => Promise<void> {
  let made = false;
  page.on('websocket', (ws) => void (made ||= ws.url().endsWith(SOCKET_PATH)));
  return async () => {
    await expect.poll(() => made).toBe(true);
    await page.waitForTimeout(500);
  };
}

const callLists = new WeakMap<Page, Set<string[]>>();

/**
 * Watches every call a page makes, over HTTP or its socket, from now on: the board fixture starts
 * it before the page loads, so a socket opened before a test asks (the page opens it a second after
 * its first call) is watched too. Each list channelsCalled handed out hears each call.
 */
function watchCalls(page: Page): Set<string[]> {
  const known = callLists.get(page);
  if (known) return known;
  const watching = new Set<string[]>();
  callLists.set(page, watching);
  const heard = (channel: string) => {
    for (const list of watching) list.push(channel);
  };
  page.on('request', (req) => {
    if (req.url().endsWith('/api/invoke')) heard(callOf(req.postData() ?? '{}').channel);
  });
  page.on('websocket', (ws) => {
    ws.on('framesent', ({ payload }) => heard(callOf(String(payload)).channel));
  });
  return watching;
}

/** Every channel the page calls from now on, in order, over HTTP or the socket: how a spec counts round trips. */
export function channelsCalled(page: Page): string[] {
  const calls: string[] = [];
  watchCalls(page).add(calls);
  return calls;
}

type Answerer = (channel: string, request: Record<string, unknown>) => unknown;
const answering = new WeakMap<Page, Answerer>();

/**
 * Answer some channels in the page's place (the others reach the host), over HTTP and over the
 * socket alike: `answer` returns the value to answer with, or undefined to let the call through.
 * A later call replaces the answers, also for a socket already open.
 */
export async function answerChannels(page: Page, answer: Answerer): Promise<void> {
  const routed = answering.has(page);
  answering.set(page, answer);
  if (routed) return;
  const answerOf = (channel: string, request: Record<string, unknown>) => answering.get(page)!(channel, request);
  await page.route('**/api/invoke', async (route) => {
    const { channel, request } = callOf(route.request().postData() ?? '{}');
    const value = answerOf(channel, request);
    return value === undefined ? route.continue() : route.fulfill({ json: { ok: true, value } });
  });
  await page.routeWebSocket('**/api/socket', (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((frame) => {
      const { id, channel, request } = callOf(String(frame));
      const value = answerOf(channel, request);
      if (value === undefined || id === null) server.send(frame);
      else ws.send(callFrame(id, JSON.stringify({ ok: true, value })));
    });
  });
}

/**
 * How many board moves this page has had stored (the board's `rungs:drop-persisted` mark). Focus
 * moves on to the next backlog card once a move is stored: a test that focuses a card and presses
 * a key waits for the count first, or the move's reply can take focus between the two.
 */
export const movesStored = (page: Page) => page.evaluate(() => performance.getEntriesByName('rungs:drop-persisted', 'mark').length);

/** Open a screen from the top navigation, as a lead clicks it. */
export const openScreen = (page: Page, screen: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen, exact: true }).click();

/** Who carries an item (by title) in the stored roster, read from the file; undefined when it is in the backlog. */
export function assigneeOf(host: HostProcess, title: string): { name: string; employeeId: string | null } | undefined {
  const db = host.readDb();
  try {
    return db
      .prepare<[string], { name: string; employeeId: string | null }>(
        `SELECT e.name, e.external_key AS employeeId FROM assignments a JOIN engineers e ON e.id = a.engineer_id
         JOIN work_items w ON w.id = a.item_id WHERE w.title = ?`,
      )
      .get(title);
  } finally {
    db.close();
  }
}

/**
 * Let go of the mouse button, as the end of a pointer drag, and wait out dnd-kit's click guard:
 * after a pointer drag it swallows every click for 50 ms (its guard against a click on the card just
 * dropped), and a timer lifts it, later on a busy machine. A lead's next click comes long after;
 * a script's can come before, and be lost (a dialog's button, Undo). A timer of the page's set
 * after the drop, for longer, fires after dnd-kit's.
 */
export async function releasePointer(page: Page): Promise<void> {
  await page.mouse.up();
  await page.evaluate(() => new Promise((done) => setTimeout(done, 60)));
}
