import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RemoteRoster } from '../../data/remote/client.ts';
import { hostRoster } from '../../host/open-cli.ts';
import { API_PATH, type Host, type HostOptions, MAX_BODY_BYTES, TOKEN_HEADER, channelOf, startHost } from '../../host/server.ts';
import { tokenMatches } from '../../host/token.ts';
import { MAX_PAYLOAD_NODES } from '../../shared/payload.ts';
import Database from 'better-sqlite3';
import { MAP_FILE, rowCounts, tempDir, tempRoster } from '../helpers/temp-db.ts';

// The browser host on a real port, over a real roster: every refusal it promises, one by one.

const TOKEN = 'k'.repeat(43);
const hosts: Host[] = [];
const rosters: RemoteRoster[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()!.close();
  while (rosters.length) await rosters.pop()!.close();
});

/** The renderer's folder: a page, a script, and a symlink leading out of it. */
function staticFolder(): string {
  const dir = tempDir();
  const staticDir = join(dir, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Rungs</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(dir, 'package.json'), '{"secret": true}');
  symlinkSync(join(dir, 'package.json'), join(staticDir, 'assets', 'link.json'));
  return staticDir;
}

async function start(more: Partial<HostOptions> = {}) {
  const roster = tempRoster();
  const host = await startHost({ dispatch: roster.dispatchUnknown, staticDir: staticFolder(), token: TOKEN, port: 0, ...more });
  hosts.push(host);
  const port = Number(new URL(host.origin).port);
  return { ...roster, host, port };
}

type Reply = { status: number; body: string; headers: Record<string, unknown> };
function call(
  port: number,
  {
    method = 'GET',
    path = '/',
    headers = {},
    body,
  }: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    // A refused upload may be cut off by the server mid-way; the answer already came.
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
    req.end(body);
  });
}

const invoke = (port: number, payload: unknown, headers: Record<string, string> = {}) =>
  call(port, {
    method: 'POST',
    path: API_PATH,
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, ...headers },
    body: JSON.stringify(payload),
  });

describe('the browser host answers its own page with the token', () => {
  it('serves the page with the CSP, and the API with the right token', async () => {
    const { port } = await start();
    const page = await call(port, {});
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    // Cross-origin isolated: no other origin can open or embed it, and its clock is the finest.
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['cross-origin-embedder-policy']).toBe('require-corp');
    const r = await invoke(port, { channel: 'history.list', request: {} });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true });
  });

  it('listens on 127.0.0.1 only', async () => {
    const { host } = await start();
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
  });
});

describe('the browser host refuses', () => {
  it.each([
    ['no token', {}],
    ['a wrong token of the same length', { [TOKEN_HEADER]: 'j'.repeat(TOKEN.length) }],
    ['a wrong token of another length', { [TOKEN_HEADER]: 'k'.repeat(TOKEN.length + 1) }],
    ['an empty token', { [TOKEN_HEADER]: '' }],
  ])('%s (401), changing nothing', async (_what, headers) => {
    const { port, db } = await start();
    const before = rowCounts(db);
    const { [TOKEN_HEADER]: _t, ...rest } = { [TOKEN_HEADER]: TOKEN, ...headers };
    const sent = TOKEN_HEADER in headers ? { ...rest, [TOKEN_HEADER]: headers[TOKEN_HEADER as keyof typeof headers]! } : rest;
    const r = await call(port, {
      method: 'POST',
      path: API_PATH,
      headers: { 'content-type': 'application/json', ...sent },
      body: JSON.stringify({ channel: 'history.undo', request: {} }),
    });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(rowCounts(db)).toEqual(before);
  });

  it.each(['http://evil.example', 'null', 'http://127.0.0.1.evil.example', 'http://127.0.0.1:1'])(
    'a request from origin %s (403), even with the token',
    async (origin) => {
      const { port } = await start();
      const r = await invoke(port, { channel: 'history.list', request: {} }, { origin });
      expect(r.status).toBe(403);
    },
  );

  it.each(['evil.example', 'rebind.evil.example:PORT', '127.0.0.1', '127.0.0.2:PORT', 'localhost.evil.example:PORT'])(
    'a DNS-rebinding Host header %s (421), for the API and for files',
    async (hostHeader) => {
      const { port } = await start();
      const host = hostHeader.replace('PORT', String(port));
      expect((await invoke(port, { channel: 'history.list', request: {} }, { host })).status).toBe(421);
      expect((await call(port, { headers: { host } })).status).toBe(421);
    },
  );

  it(`a body over ${MAX_BODY_BYTES / 1024 / 1024} MB (413), changing nothing`, async () => {
    const { port, db } = await start();
    const before = rowCounts(db);
    const huge = Buffer.alloc(MAX_BODY_BYTES + 1024, 0x20);
    const r = await call(port, {
      method: 'POST',
      path: API_PATH,
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN },
      body: huge,
    });
    expect(r.status).toBe(413);
    expect(rowCounts(db)).toEqual(before);
  });

  it.each([
    ['text that is not JSON', 'application/json', 'DROP TABLE engineers;', 400],
    ['truncated JSON', 'application/json', '{"channel": "plan.assign", "request": {', 400],
    ['JSON null', 'application/json', 'null', 400],
    ['another content type', 'text/plain', '{"channel":"history.list","request":{}}', 415],
    ['a form post', 'application/x-www-form-urlencoded', 'channel=history.list', 415],
  ])('%s', async (_what, type, body, status) => {
    const { port, db } = await start();
    const before = rowCounts(db);
    const r = await call(port, { method: 'POST', path: API_PATH, headers: { 'content-type': type, [TOKEN_HEADER]: TOKEN }, body });
    expect(r.status).toBe(status);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false });
    expect(rowCounts(db)).toEqual(before);
  });

  it.each(['GET', 'PUT', 'DELETE'])('%s on the API (405)', async (method) => {
    const { port } = await start();
    const r = await call(port, { method, path: API_PATH, headers: { [TOKEN_HEADER]: TOKEN } });
    expect(r.status).toBe(405);
  });

  it('an unknown channel, as a typed error', async () => {
    const { port } = await start();
    const r = await invoke(port, { channel: 'db.exec', request: { sql: 'DROP TABLE engineers' } });
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/%2e%2e%2fpackage.json',
    '/%2E%2E%2Fpackage.json',
    '/assets/..%2f..%2fpackage.json',
    '/..%5cpackage.json',
    '/%252e%252e%252fpackage.json',
    '//package.json',
    '/assets/link.json',
    '/%00',
    '/%E0%A4%A',
    '/assets/%2e%2e/%2e%2e/package.json',
  ])('a file outside the renderer: %s (404 or 400)', async (path) => {
    const { port } = await start();
    const r = await call(port, { path });
    expect([400, 404]).toContain(r.status);
    expect(r.body).not.toContain('secret');
  });

  it('reads the channel off the start of a body in the shape the renderer sends, and of no other', () => {
    const of = (text: string) => channelOf(Buffer.from(text));
    expect(of(JSON.stringify({ channel: 'import.previewCsv', request: { bytes: 'QUJD' } }))).toBe('import.previewCsv');
    expect(of('{"channel":"board.snapshot","request":{}}')).toBe('board.snapshot');
    // Any other shape is parsed in full on the host's thread, as before.
    expect(of('{"request":{},"channel":"board.snapshot"}')).toBeNull();
    expect(of('{ "channel": "board.snapshot", "request": {} }')).toBeNull();
    expect(of('{"channel":"board\\u002esnapshot","request":{}}')).toBeNull();
    expect(of(`{"channel":"${'a'.repeat(65)}","request":{}}`)).toBeNull();
    expect(of('{"channel":"board.snapshot"')).toBeNull();
    expect(of('')).toBeNull();
  });

  it('the token check compares whole tokens', () => {
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true);
    expect(tokenMatches(TOKEN.slice(0, -1), TOKEN)).toBe(false);
    expect(tokenMatches(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(tokenMatches(undefined, TOKEN)).toBe(false);
    expect(tokenMatches('ķ'.repeat(TOKEN.length / 2), TOKEN)).toBe(false);
  });
});

describe('one bad request never hurts other callers', () => {
  /** The host as `npm run web` runs it: the roster on its own thread, answering in JSON's UTF-8 bytes. */
  async function startOnThread(timeoutMs: number) {
    const { db, file } = tempRoster();
    const stories = db.prepare("SELECT id FROM work_items WHERE kind = 'story' ORDER BY id LIMIT 7").pluck().all() as number[];
    db.close();
    const restarts: string[] = [];
    const roster = hostRoster(file, { mapFile: MAP_FILE }, { timeoutMs, onRestart: (why) => restarts.push(why) });
    rosters.push(roster);
    await roster.open();
    const host = await startHost({
      dispatch: roster.dispatchBytes,
      forward: roster.dispatchBody,
      staticDir: staticFolder(),
      token: TOKEN,
      port: 0,
    });
    hosts.push(host);
    return { port: Number(new URL(host.origin).port), stories, restarts, file };
  }

  const post = (port: number, body: string | Buffer) =>
    call(port, { method: 'POST', path: API_PATH, headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN }, body });

  it.each([
    ['not JSON past its channel', '{"channel":"plan.assign","request":{', /not valid JSON/],
    [
      'wider than any screen sends',
      JSON.stringify({ channel: 'plan.assignMany', request: { moves: new Array(MAX_PAYLOAD_NODES).fill(0) } }),
      /more than 100,000 values/,
    ],
    // The roster dispatches on the channel it parses (JSON's last key), not on the one the host read.
    ['naming another channel at its end', '{"channel":"teams.create","request":{"name":"x"},"channel":"no.such"}', /Unknown channel/],
  ])(
    "a body in the renderer's shape, parsed by the roster thread, %s: a typed refusal, nothing changed, no restart",
    async (_what, body, message) => {
      const { port, restarts, file } = await startOnThread(2000);
      const counts = () => {
        const db = new Database(file, { readonly: true });
        try {
          return rowCounts(db);
        } finally {
          db.close();
        }
      };
      const before = counts();
      const r = await post(port, body);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { message: expect.stringMatching(message) } });
      expect(counts()).toEqual(before);
      expect(restarts).toEqual([]);
    },
  );

  it('bodies sent on whole (moved to the roster thread) and small ones (copied out of the shared pool) are all answered, in turn', async () => {
    const { port } = await startOnThread(5000);
    // ~2 MB: its own buffer, moved. A few bytes: a view into Node's shared pool, which must stay here.
    const big = JSON.stringify({ channel: 'teams.create', request: { name: 'x'.repeat(2_000_000) } });
    const replies = [];
    for (let i = 0; i < 3; i++) {
      replies.push(await post(port, big));
      replies.push(await invoke(port, { channel: 'teams.create', request: { name: `Team ${i}` } }));
    }
    const answers = replies.map((r) => JSON.parse(r.body) as { ok: boolean; error?: { code: string } });
    expect(answers.filter((_, i) => i % 2 === 0).map((a) => a.error?.code)).toEqual(['invalid_input', 'invalid_input', 'invalid_input']);
    expect(answers.filter((_, i) => i % 2 === 1).map((a) => a.ok)).toEqual([true, true, true]);
  });

  it("writes the roster thread's answer as the bytes it encoded, names beyond ASCII and all", async () => {
    const { port } = await startOnThread(2000);
    const name = 'Équipe Jürgen ☺ 𝄞';
    const r = await invoke(port, { channel: 'teams.create', request: { name } });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true });
    expect(r.body).toContain(name);
  });

  const deepJson = (levels: number) => `{"channel":"plan.assign","request":${'['.repeat(levels)}${']'.repeat(levels)}}`;

  it('a request 10,000 levels deep is refused at once; the assigns sent with it all land, and the roster thread is never restarted', async () => {
    const timeoutMs = 2000;
    const { port, stories, restarts } = await startOnThread(timeoutMs);
    const started = Date.now();
    const deep = call(port, {
      method: 'POST',
      path: API_PATH,
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN },
      body: deepJson(10_000),
    }).then((r) => ({ ...r, ms: Date.now() - started }));
    const assigns = stories.map((itemId) => invoke(port, { channel: 'plan.assign', request: { itemId, engineerId: null } }));
    const refused = await deep;
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/nested/) },
    });
    expect(refused.ms).toBeLessThan(1000);
    for (const r of await Promise.all(assigns)) expect(JSON.parse(r.body)).toMatchObject({ ok: true });
    // Assigns in flight when the deep request's timer would fire, then past it: no call was left
    // waiting, so nothing restarts the roster under them.
    await new Promise((ok) => setTimeout(ok, started + timeoutMs - 100 - Date.now()));
    const until = Date.now() + 600;
    const later = await Promise.all(
      stories.map(async (itemId) => {
        const codes: string[] = [];
        while (Date.now() < until) {
          const r = JSON.parse((await invoke(port, { channel: 'plan.assign', request: { itemId, engineerId: null } })).body);
          codes.push(r.ok ? 'ok' : r.error.code);
        }
        return codes;
      }),
    );
    expect(later.flat().filter((code) => code !== 'ok')).toEqual([]);
    expect(restarts).toEqual([]);
  });

  it('a request nested deeper than any screen sends, parsed on the host, is refused there at once', async () => {
    const { port, db } = await start();
    const before = rowCounts(db);
    const levels = 10_000;
    const r = await call(port, {
      method: 'POST',
      path: API_PATH,
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN },
      body: `{"channel":"plan.assign","request":${'['.repeat(levels)}${']'.repeat(levels)}}`,
    });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/nested/) } });
    expect(rowCounts(db)).toEqual(before);
  });

  it('a request wider than any screen sends is refused before it is posted', async () => {
    const { port, db } = await start();
    const before = rowCounts(db);
    const r = await invoke(port, { channel: 'plan.assignMany', request: { moves: new Array(MAX_PAYLOAD_NODES).fill(0) } });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/more than 100,000 values/) },
    });
    expect(rowCounts(db)).toEqual(before);
  });
});

describe('slow and broken connections', () => {
  afterEach(() => vi.restoreAllMocks());

  /** A raw socket that sends `text` and then nothing: how long until the host closes it, and what it said. */
  function stall(port: number, text: string): Promise<{ ms: number; said: string }> {
    return new Promise((resolve) => {
      const started = Date.now();
      let said = '';
      const socket = connect(port, '127.0.0.1', () => socket.write(text));
      socket.on('data', (chunk: Buffer) => (said += chunk.toString('utf8')));
      socket.on('error', () => {});
      socket.on('close', () => resolve({ ms: Date.now() - started, said }));
    });
  }
  const head = (port: number, length: number) =>
    `POST ${API_PATH} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\n${TOKEN_HEADER}: ${TOKEN}\r\ncontent-length: ${length}\r\n\r\n`;

  it('half a header, then silence: closed within the header timeout', async () => {
    const headersMs = 300;
    const { port } = await start({ timeouts: { headersMs, requestMs: 5000 } });
    const { ms, said } = await stall(port, `POST ${API_PATH} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
    expect(said).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeGreaterThanOrEqual(headersMs - 50);
    // Checked every headersMs / 2, so at most half as long again, and slack for a busy machine:
    // far inside Node's defaults (60 s, checked every 30 s), which this socket would have held.
    expect(ms).toBeLessThan(headersMs * 1.5 + 1000);
  });

  it('half a body, then silence: closed within the request timeout, logged in one line', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const requestMs = 600;
    const { port, db } = await start({ timeouts: { headersMs: 300, requestMs } });
    const before = rowCounts(db);
    const { ms, said } = await stall(port, `${head(port, 100)}{"channel":"plan.assign"`);
    expect(said).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeGreaterThanOrEqual(requestMs - 50);
    expect(ms).toBeLessThan(requestMs + 150 + 1000);
    await new Promise((ok) => setTimeout(ok, 50));
    expect(logged.mock.calls).toEqual([[expect.stringMatching(/^\[rungs host\] A request was cut off before its body arrived/)]]);
    expect(rowCounts(db)).toEqual(before);
  });

  it('a client that hangs up mid-body is one line in the log, not a stack trace', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { port, db } = await start();
    const before = rowCounts(db);
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`${head(port, 1000)}{"channel":"plan.assign","request":`);
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => resolve());
    });
    await vi.waitFor(() => expect(logged).toHaveBeenCalled());
    await new Promise((ok) => setTimeout(ok, 50));
    expect(logged.mock.calls).toEqual([['[rungs host] A request was cut off before its body arrived (ECONNRESET).']]);
    expect(rowCounts(db)).toEqual(before);
  });
});
