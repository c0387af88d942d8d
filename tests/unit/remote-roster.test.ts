import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCALES, generateOrg } from '../../bench/generate.ts';
import { type RemoteRoster, type RemoteRosterOptions, createRemoteRoster } from '../../data/remote/client.ts';
import { RosterProcessError } from '../../data/remote/refusals.ts';
import type { ClientPort, FromServer, ServerPort, ToServer } from '../../data/remote/protocol.ts';
import { serveRoster } from '../../data/remote/server.ts';
import { spawnRosterWorker } from '../../data/remote/worker-thread.ts';
import type { Result } from '../../shared/errors.ts';
import { MAP_FILE, ok, rowCounts, tempDir, tempRoster } from '../helpers/temp-db.ts';

// The roster in its own thread (data/remote/): the client and the server over a real worker_thread
// and a real database file, then the client's failure handling over a fake port, step by step.

const open: RemoteRoster[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

/** A client on a real roster thread; `ports` are the threads it started, newest last. */
function remote(file: string, more: Partial<RemoteRosterOptions> = {}) {
  const ports: ClientPort[] = [];
  const r = createRemoteRoster({
    spawn: () => {
      const p = spawnRosterWorker();
      ports.push(p);
      return p;
    },
    open: { path: file, options: { mapFile: MAP_FILE }, launchBackup: false },
    ...more,
  });
  open.push(r);
  return { r, ports };
}

/** A roster file with the demo team, closed, so only the thread opens it. */
function demoFile(): string {
  const { db, file } = tempRoster();
  db.close();
  return file;
}

const counts = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return rowCounts(db);
  } finally {
    db.close();
  }
};

describe('over a real worker_thread and a real roster file', () => {
  it('answers a call as the in-process dispatcher does, as an object, as JSON or as its UTF-8 bytes', async () => {
    const { db, file, dispatchUnknown } = tempRoster();
    const local = dispatchUnknown('board.snapshot', {});
    db.close();
    const { r } = remote(file);
    const opened = await r.open();
    expect(opened).toEqual({ ok: true, info: { path: file, notes: [] } });
    expect(await r.dispatch('board.snapshot', {})).toEqual(local);
    expect(JSON.parse(await r.dispatchJson('board.snapshot', {}))).toEqual(JSON.parse(JSON.stringify(local)));
    expect(JSON.parse(new TextDecoder().decode(await r.dispatchBytes('board.snapshot', {})))).toEqual(JSON.parse(JSON.stringify(local)));
  });

  it('a mutation lands in the file and in the change log', async () => {
    const file = demoFile();
    const { r } = remote(file);
    await r.open();
    const created = ok((await r.dispatch('teams.create', { name: 'Remote team' })) as Result<unknown>);
    expect(created).toBeTruthy();
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT count(*) FROM teams WHERE name = 'Remote team'").pluck().get()).toBe(1);
    db.close();
    expect(ok((await r.dispatch('board.snapshot', {})) as Result<{ history: { canUndo: boolean } }>).history.canUndo).toBe(true);
  });

  it('typed errors pass through unchanged, and invalid input changes no row', async () => {
    const { db, file, dispatchUnknown } = tempRoster();
    const requests: [unknown, unknown][] = [
      ['plan.assign', { itemId: 999_999, engineerId: null }],
      ['plan.assign', { itemId: 'one', engineerId: { __proto__: 1 } }],
      ['plan.assignMany', { moves: [] }],
      ['engineers.create', { name: '', level: 9, teamId: -1 }],
      ['no.such.channel', {}],
      [42, null],
      ['shell.saveFile', { suggestedName: 'x', kind: 'csv', text: '' }],
    ];
    const local = requests.map(([c, q]) => dispatchUnknown(c, q));
    db.close();
    const before = counts(file);
    const { r } = remote(file);
    await r.open();
    for (const [i, [c, q]] of requests.entries()) {
      const got = await r.dispatch(c, q);
      expect(got.ok).toBe(false);
      expect(got).toEqual(local[i]);
    }
    expect(counts(file)).toEqual(before);
  });

  it('close() ends the thread, releases the writer lock and leaves a file another process can open', async () => {
    const file = demoFile();
    const { r } = remote(file);
    await r.open();
    expect(JSON.parse(readFileSync(`${file}.lock`, 'utf8')).pid).toBe(process.pid);
    await r.close();
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(existsSync(`${file}-wal`)).toBe(false); // the last connection closed cleanly (checkpointed)
    expect(await r.dispatch('board.snapshot', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('a bad file is described, untouched, and recovered only on request', async () => {
    const file = join(tempDir(), 'rungs.sqlite');
    writeFileSync(file, 'not a database at all, just words');
    const { r } = remote(file);
    const opened = await r.open();
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.problem).toMatchObject({ kind: 'not_sqlite', path: file });
    expect(await r.dispatch('board.snapshot', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(readFileSync(file, 'utf8')).toBe('not a database at all, just words');
    const info = await r.recover('fresh');
    expect(info.notes.join(' ')).toMatch(/Started a new roster\. The old file is kept as rungs\.sqlite\.not-sqlite-/);
    expect(ok((await r.dispatch('board.snapshot', {})) as Result<{ engineers: unknown[] }>).engineers.length).toBeGreaterThan(0);
  });

  it('a request too deep or not copyable is answered at once, and the thread serving everyone else is kept', async () => {
    const file = demoFile();
    const restarts: string[] = [];
    const timeoutMs = 300;
    const { r, ports } = remote(file, { timeoutMs, onRestart: (why) => restarts.push(why) });
    await r.open();
    const deep = JSON.parse(`${'['.repeat(10_000)}${']'.repeat(10_000)}`) as unknown;
    const started = Date.now();
    const answers = await Promise.all([
      r.dispatch('plan.assign', deep),
      r.dispatchJson('plan.assign', deep),
      r.dispatch(deep, {}),
      // Within the bounds, but structured clone refuses a function: the post itself throws.
      r.dispatch('plan.assign', { itemId: 1, engineerId: () => 1 }),
      r.dispatch('history.list', {}),
    ]);
    expect(Date.now() - started).toBeLessThan(timeoutMs);
    expect(answers[0]).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/nested more than 32/) },
    });
    expect(JSON.parse(answers[1] as string)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(answers[2]).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(answers[3]).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/cannot be copied/) } });
    expect(answers[4]).toMatchObject({ ok: true });
    // Past the timeout: no call was left waiting, so no timer restarted the thread.
    await new Promise((ok) => setTimeout(ok, timeoutMs + 200));
    expect(restarts).toEqual([]);
    expect(ports).toHaveLength(1);
    expect(await r.dispatch('history.list', {})).toMatchObject({ ok: true });
  });

  describe('at the issue-7 scale (300 engineers, 3,150 items)', () => {
    /** The org, closed, and 3,000 moves that unassign every story it has. */
    function bigOrg() {
      const org = generateOrg(tempDir(), SCALES.org);
      org.db.close();
      return { file: org.file, moves: org.storyIds.slice(0, 3000).map((itemId) => ({ itemId, engineerId: null })) };
    }
    const unassigned = (file: string, ids: number[]) => {
      const db = new Database(file, { readonly: true });
      try {
        const set = new Set(ids);
        const owned = db.prepare('SELECT item_id FROM assignments WHERE engineer_id IS NOT NULL').pluck().all() as number[];
        return ids.length - owned.filter((id) => set.has(id)).length;
      } finally {
        db.close();
      }
    };

    it('the thread killed mid-call: every pending call gets a typed error, the change is all or nothing, and the next call works', async () => {
      const { file, moves } = bigOrg();
      const restarts: string[] = [];
      const { r, ports } = remote(file, { onRestart: (why) => restarts.push(why) });
      await r.open();
      const before = unassigned(
        file,
        moves.map((m) => m.itemId),
      );
      const bulk = r.dispatch('plan.assignMany', { moves });
      const behind = [r.dispatch('board.snapshot', {}), r.dispatchJson('history.list', {})];
      await new Promise((ok) => setTimeout(ok, 5));
      ports[0]!.kill();
      const stopped = await bulk;
      expect(stopped).toMatchObject({
        ok: false,
        error: { code: 'unavailable', message: expect.stringMatching(/may not have been saved/) },
      });
      expect(await behind[0]).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(JSON.parse((await behind[1]) as string)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      // Restarted on the same file; the first call after it is answered.
      const snap = await r.dispatch('board.snapshot', {});
      expect(snap.ok).toBe(true);
      expect(ports).toHaveLength(2);
      expect(restarts).toHaveLength(1);
      // The transaction either committed whole or rolled back whole.
      const after = unassigned(
        file,
        moves.map((m) => m.itemId),
      );
      expect([before, moves.length]).toContain(after);
      const db = new Database(file, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    });

    it('a call slower than its timeout gets a typed timeout, the thread is restarted, and the next call works', async () => {
      const { file, moves } = bigOrg();
      const { r, ports } = remote(file);
      await r.open();
      const slow = await r.dispatch('plan.assignMany', { moves }, 1);
      expect(slow).toMatchObject({ ok: false, error: { code: 'timeout', message: expect.stringMatching(/within 1 ms.*restarted/) } });
      expect(ok((await r.dispatch('history.list', {})) as Result<unknown>)).toBeTruthy();
      expect(ports).toHaveLength(2);
    });
  });
});

/** A port the test plays the roster process on. */
function fakePort() {
  const sent: ToServer[] = [];
  let onMessage: (m: FromServer) => void = () => {};
  let onExit: (code: number | null) => void = () => {};
  let killed = false;
  const port: ClientPort = {
    post: (m) => sent.push(m),
    onMessage: (fn) => (onMessage = fn),
    onExit: (fn) => (onExit = fn),
    kill: () => {
      if (killed) return;
      killed = true;
      queueMicrotask(() => onExit(null));
    },
  };
  return {
    port,
    sent,
    say: (m: FromServer) => onMessage(m),
    die: (code = 1) => {
      killed = true;
      onExit(code);
    },
    get killed() {
      return killed;
    },
  };
}

function fakeRoster(more: Partial<RemoteRosterOptions> = {}) {
  const ports: ReturnType<typeof fakePort>[] = [];
  const given: RosterProcessError[] = [];
  const r = createRemoteRoster({
    spawn: () => {
      const p = fakePort();
      ports.push(p);
      return p.port;
    },
    open: { path: '/x/rungs.sqlite', options: {}, launchBackup: true },
    onGiveUp: (e) => given.push(e),
    ...more,
  });
  const last = () => ports.at(-1)!;
  const lastCall = () =>
    last()
      .sent.filter((m) => m.type === 'call')
      .at(-1) as Extract<ToServer, { type: 'call' }>;
  return { r, ports, last, lastCall, given };
}

const READY: FromServer = { type: 'ready', info: { path: '/x/rungs.sqlite', notes: [] } };
const tick = () => new Promise((ok) => setTimeout(ok, 0));

describe('the client, over a fake port', () => {
  it('opens by sending the open request, and answers calls by id', async () => {
    const f = fakeRoster();
    const opening = f.r.open();
    expect(f.last().sent).toEqual([{ type: 'open', open: { path: '/x/rungs.sqlite', options: {}, launchBackup: true } }]);
    f.last().say(READY);
    expect(await opening).toEqual({ ok: true, info: READY.info });
    const a = f.r.dispatch('a', 1);
    const idA = f.lastCall().id;
    const b = f.r.dispatchJson('b', 2);
    const idB = f.lastCall().id;
    // Answers may come in any order; each goes to its own call.
    f.last().say({ type: 'reply', id: idB, json: '{"ok":true,"value":"b"}' });
    f.last().say({ type: 'reply', id: idA, result: { ok: true, value: 'a' } });
    expect(await a).toEqual({ ok: true, value: 'a' });
    expect(await b).toBe('{"ok":true,"value":"b"}');
  });

  it('a lock held elsewhere rejects open() with the typed error and its stage', async () => {
    const f = fakeRoster();
    const opening = f.r.open();
    f.last().say({
      type: 'fatal',
      stage: 'lock',
      error: { code: 'conflict', message: 'Another Rungs (process 7) is already using this roster.' },
    });
    const error = await opening.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RosterProcessError);
    expect(error).toMatchObject({ stage: 'lock', code: 'conflict', message: expect.stringMatching(/Another Rungs/) });
    expect(f.last().killed).toBe(true);
  });

  it('a problem waits for the lead: recover() sends the choice and resolves on ready', async () => {
    const f = fakeRoster();
    const opening = f.r.open();
    const problem = { kind: 'corrupt' as const, path: '/x/rungs.sqlite', message: 'damaged', backups: [], choices: [] };
    f.last().say({ type: 'problem', problem });
    expect(await opening).toEqual({ ok: false, problem });
    const recovering = f.r.recover('fresh');
    expect(f.last().sent.at(-1)).toEqual({ type: 'recover', choice: 'fresh' });
    f.last().say({ type: 'ready', info: { path: '/x/rungs.sqlite', notes: ['Started a new roster.'] } });
    expect(await recovering).toEqual({ path: '/x/rungs.sqlite', notes: ['Started a new roster.'] });
  });

  it('a timeout answers that call only, kills the stuck process and starts another; its late reply is ignored', async () => {
    const f = fakeRoster({ timeoutMs: 20 });
    const opening = f.r.open();
    f.last().say(READY);
    await opening;
    const first = f.last();
    const slow = f.r.dispatch('plan.assignMany', {});
    const slowId = f.lastCall().id;
    expect(await slow).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(first.killed).toBe(true);
    await tick();
    expect(f.ports).toHaveLength(2);
    expect(f.last().sent[0]).toMatchObject({ type: 'open' });
    first.say({ type: 'reply', id: slowId, result: { ok: true, value: 'too late' } });
    f.last().say(READY);
    const next = f.r.dispatch('history.list', {});
    f.last().say({ type: 'reply', id: f.lastCall().id, result: { ok: true, value: 'fine' } });
    expect(await next).toEqual({ ok: true, value: 'fine' });
  });

  it.each([
    ['a copy that overflows the stack', new RangeError('Maximum call stack size exceeded'), 'invalid_input'],
    ['a value structured clone refuses', new DOMException('() => 1 could not be cloned.', 'DataCloneError'), 'invalid_input'],
    ['a channel that is closed', new Error('The port is closed'), 'internal'],
  ])('a post that throws (%s) is answered at once, leaves no timer, and restarts nothing', async (_what, thrown, code) => {
    const restarts: string[] = [];
    const f = fakeRoster({ timeoutMs: 20, onRestart: (why) => restarts.push(why) });
    const opening = f.r.open();
    f.last().say(READY);
    await opening;
    f.last().port.post = () => {
      throw thrown;
    };
    expect(await f.r.dispatch('plan.assign', {})).toMatchObject({ ok: false, error: { code } });
    expect(JSON.parse(await f.r.dispatchJson('plan.assign', {}))).toMatchObject({ ok: false, error: { code } });
    expect(JSON.parse(new TextDecoder().decode(await f.r.dispatchBytes('plan.assign', {})))).toMatchObject({ ok: false, error: { code } });
    await new Promise((ok) => setTimeout(ok, 60));
    expect(f.last().killed).toBe(false);
    expect(f.ports).toHaveLength(1);
    expect(restarts).toEqual([]);
  });

  it('a process that dies answers every pending call with unavailable, restarts, and gives up after too many restarts', async () => {
    const f = fakeRoster({ restarts: { max: 2, windowMs: 60_000 } });
    const opening = f.r.open();
    f.last().say(READY);
    await opening;
    for (let round = 0; round < 2; round++) {
      const calls = [f.r.dispatch('x', {}), f.r.dispatchJson('y', {})];
      f.last().die(134);
      expect(await calls[0]).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(JSON.parse((await calls[1]) as string)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(f.ports).toHaveLength(round + 2);
      f.last().say(READY);
    }
    expect(f.given).toEqual([]);
    const pendingAtEnd = f.r.dispatch('x', {});
    f.last().die(134);
    expect(await pendingAtEnd).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/could not be restarted/) },
    });
    expect(f.ports).toHaveLength(3);
    expect(f.given).toHaveLength(1);
    expect(f.given[0]).toMatchObject({ stage: 'crash', message: expect.stringMatching(/exit code 134/) });
    // From now on every call is answered at once, without a process to ask.
    expect(await f.r.dispatch('x', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('a roster that went bad between restarts is not reopened behind the lead’s back', async () => {
    const f = fakeRoster();
    const opening = f.r.open();
    f.last().say(READY);
    await opening;
    f.last().die(1);
    f.last().say({
      type: 'problem',
      problem: { kind: 'corrupt', path: '/x/rungs.sqlite', message: 'The roster is damaged.', backups: [], choices: [] },
    });
    expect(f.given[0]).toMatchObject({ stage: 'open', message: 'The roster is damaged.' });
    expect(await f.r.dispatch('x', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('close() asks the process to close, ends it on closed, and answers later calls with unavailable', async () => {
    const f = fakeRoster();
    const opening = f.r.open();
    f.last().say(READY);
    await opening;
    let done = false;
    const closing = f.r.close().then(() => (done = true));
    expect(f.last().sent.at(-1)).toEqual({ type: 'close' });
    await tick();
    expect(done).toBe(false); // waits for the database to close
    f.last().say({ type: 'closed' });
    await closing;
    expect(f.last().killed).toBe(true);
    expect(await f.r.dispatch('x', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(f.ports).toHaveLength(1); // a deliberate close is not a crash
  });
});

describe('the server loop, in this thread over a fake port', () => {
  function serve() {
    const out: FromServer[] = [];
    let deliver: (m: ToServer) => void = () => {};
    const port: ServerPort = { post: (m) => out.push(m), onMessage: (fn) => (deliver = fn) };
    serveRoster(port);
    return { out, send: (m: ToServer) => deliver(m) };
  }

  it('takes the lock, opens, answers by id in the asked encoding, and closes', async () => {
    const file = demoFile();
    const s = serve();
    s.send({ type: 'open', open: { path: file, options: { mapFile: MAP_FILE }, launchBackup: false } });
    expect(s.out).toEqual([{ type: 'ready', info: { path: file, notes: [] } }]);
    expect(existsSync(`${file}.lock`)).toBe(true);
    s.send({ type: 'call', id: 41, channel: 'history.list', request: {}, encoding: 'clone' });
    s.send({ type: 'call', id: 42, channel: 'plan.assign', request: { itemId: -1 }, encoding: 'json' });
    // Ready before its handlers are loaded: calls meanwhile wait for them, and are answered in order.
    await vi.waitFor(() => expect(s.out).toHaveLength(3));
    expect(s.out[1]).toMatchObject({ type: 'reply', id: 41, result: { ok: true } });
    const reply = s.out[2] as { id: number; json: string };
    expect(reply.id).toBe(42);
    expect(JSON.parse(reply.json)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // Once they are loaded, a call is answered at once.
    s.send({ type: 'call', id: 43, channel: 'history.list', request: {}, encoding: 'clone' });
    expect(s.out[3]).toMatchObject({ type: 'reply', id: 43, result: { ok: true } });
    s.send({ type: 'close' });
    await tick();
    expect(s.out.at(-1)).toEqual({ type: 'closed' });
    expect(existsSync(`${file}.lock`)).toBe(false);
    // After close it says nothing more.
    s.send({ type: 'call', id: 44, channel: 'history.list', request: {}, encoding: 'clone' });
    expect(s.out.at(-1)).toEqual({ type: 'closed' });
  });

  it('another holder of the lock is a fatal at the lock stage, and the file is not opened', () => {
    const file = join(tempDir(), 'rungs.sqlite');
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: 1, host: 'another-machine' }));
    const s = serve();
    s.send({ type: 'open', open: { path: file, options: {}, launchBackup: false } });
    expect(s.out).toEqual([
      { type: 'fatal', stage: 'lock', error: { code: 'conflict', message: expect.stringMatching(/another-machine/) } },
    ]);
    expect(existsSync(file)).toBe(false);
  });
});
