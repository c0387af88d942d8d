import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Host, MAX_BODY_BYTES, SOCKET_PATH, SOCKET_PROTOCOL, startHost } from '../../host/server.ts';
import { callFrame, splitFrame } from '../../shared/socket.ts';
import { rowCounts, tempDir, tempRoster } from '../helpers/temp-db.ts';

// The browser host's WebSocket on a real port, over a real roster: the page's calls answered by
// id, and every upgrade the HTTP side would refuse refused here too, changing nothing.

const TOKEN = 'k'.repeat(43);
const hosts: Host[] = [];
const sockets: WebSocket[] = [];
afterEach(async () => {
  // A refused one never opened: terminating it would throw.
  for (const ws of sockets.splice(0)) if (ws.readyState === WebSocket.OPEN) ws.terminate();
  while (hosts.length) await hosts.pop()!.close();
});

async function start() {
  const roster = tempRoster();
  const staticDir = join(tempDir(), 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Rungs</title>');
  const host = await startHost({ dispatch: roster.dispatchUnknown, staticDir, token: TOKEN, port: 0 });
  hosts.push(host);
  return { ...roster, host };
}

type Offer = { origin?: string; protocols?: string[]; host?: string; path?: string };

/** A socket as the page opens one (its origin, Rungs' protocol and the token), or as told. */
function connect(host: Host, offer: Offer = {}): WebSocket {
  const url = `${host.origin.replace('http:', 'ws:')}${offer.path ?? SOCKET_PATH}`;
  const headers: Record<string, string> = offer.host ? { host: offer.host } : {};
  const ws = new WebSocket(url, offer.protocols ?? [SOCKET_PROTOCOL, TOKEN], { origin: offer.origin ?? host.origin, headers });
  sockets.push(ws);
  return ws;
}

const opened = (ws: WebSocket) =>
  new Promise<void>((ok, fail) => {
    ws.once('open', () => ok());
    ws.once('error', fail);
  });

/** The HTTP status an upgrade was refused with. */
const refusedWith = (ws: WebSocket) =>
  new Promise<number>((ok, fail) => {
    ws.once('open', () => fail(new Error('The upgrade was admitted')));
    ws.once('unexpected-response', (_req, res) => ok(res.statusCode ?? 0));
  });

/** Answers by id, as they come. */
function answers(ws: WebSocket) {
  const got = new Map<number, unknown>();
  ws.on('message', (data: Buffer) => {
    const frame = splitFrame(data.toString('utf8'));
    if (frame) got.set(frame.id, JSON.parse(frame.rest));
  });
  return (id: number) =>
    new Promise<unknown>((ok) => {
      const poll = () => (got.has(id) ? ok(got.get(id)) : setTimeout(poll, 5));
      poll();
    });
}

const closed = (ws: WebSocket) => new Promise<number>((ok) => ws.once('close', (code) => ok(code)));

describe("the browser host's socket", () => {
  it("answers the page's calls by id, each as over HTTP, and offers the protocol back", async () => {
    const { host, db } = await start();
    const ws = connect(host);
    await opened(ws);
    expect(ws.protocol).toBe(SOCKET_PROTOCOL);
    const answerOf = answers(ws);
    const story = db.prepare<[], { id: number }>(`SELECT id FROM work_items WHERE kind = 'story' LIMIT 1`).get()!.id;
    const engineer = db.prepare<[], { id: number }>('SELECT id FROM engineers LIMIT 1').get()!.id;
    ws.send(callFrame(7, JSON.stringify({ channel: 'plan.assign', request: { itemId: story, engineerId: engineer } })));
    ws.send(callFrame(8, JSON.stringify({ channel: 'history.list', request: {} })));
    expect(await answerOf(7)).toMatchObject({
      ok: true,
      value: { changed: { workItems: [{ id: story, assignment: { engineerId: engineer } }] } },
    });
    expect(await answerOf(8)).toMatchObject({ ok: true });
    expect(db.prepare('SELECT engineer_id AS e FROM assignments WHERE item_id = ?').get(story)).toEqual({ e: engineer });
  });

  it('gives an invalid call a typed error and changes no row', async () => {
    const { host, db } = await start();
    const before = rowCounts(db);
    const ws = connect(host);
    await opened(ws);
    const answerOf = answers(ws);
    ws.send(callFrame(1, JSON.stringify({ channel: 'plan.assign', request: { itemId: 'x', engineerId: -1 } })));
    ws.send(callFrame(2, '{"channel":"plan.assign","request":{'));
    ws.send(callFrame(3, JSON.stringify({ channel: 'no.such', request: {} })));
    for (const id of [1, 2]) expect(await answerOf(id)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await answerOf(3)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(rowCounts(db)).toEqual(before);
  });

  it.each<[string, number, Offer]>([
    ['no token', 401, { protocols: [SOCKET_PROTOCOL] }],
    ['a wrong token', 401, { protocols: [SOCKET_PROTOCOL, 'j'.repeat(TOKEN.length)] }],
    ['the token without the protocol', 401, { protocols: [TOKEN] }],
    ['another origin', 403, { origin: 'http://evil.example' }],
    ['a DNS-rebinding host name', 403, { host: 'evil.example:80' }],
    ['another path', 404, { path: '/api/other' }],
  ])('refuses an upgrade with %s (%i), changing nothing', async (_what, status, offer) => {
    const { host, db } = await start();
    const before = rowCounts(db);
    expect(await refusedWith(connect(host, offer))).toBe(status);
    expect(rowCounts(db)).toEqual(before);
  });

  it('closes a socket that sends a frame without an id, or a binary one, and answers nothing', async () => {
    const { host, db } = await start();
    const before = rowCounts(db);
    for (const frame of [JSON.stringify({ channel: 'history.list', request: {} }), Buffer.from(callFrame(1, '{}'))]) {
      const ws = connect(host);
      await opened(ws);
      ws.send(frame);
      expect(await closed(ws)).toBe(1003);
    }
    expect(rowCounts(db)).toEqual(before);
  });

  it('closes a socket sent a call larger than an HTTP body may be (1009)', async () => {
    const { host } = await start();
    const ws = connect(host);
    await opened(ws);
    ws.send(callFrame(1, `{"channel":"import.preview","request":"${'a'.repeat(MAX_BODY_BYTES + 64)}"}`));
    expect(await closed(ws)).toBe(1009);
  });

  it('is closed when the host stops', async () => {
    const { host } = await start();
    const ws = connect(host);
    await opened(ws);
    const code = closed(ws);
    await hosts.pop()!.close();
    expect(await code).toBe(1006);
  });
});
