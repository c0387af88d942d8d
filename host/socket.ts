import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { WebSocket, WebSocketServer } from 'ws';
import { SOCKET_PATH, SOCKET_PROTOCOL, splitFrame } from '../shared/socket.ts';
import { tokenMatches } from './token.ts';

// API calls over one WebSocket per page. Over HTTP, Chromium spends ~8 ms of every call on its
// network stack (two tasks to read the answer, ~1 ms of the page's thread to start a fetch); a
// message on an open socket crosses in under 1 ms. The same checks as HTTP guard it: the host name,
// the page's origin and the per-launch token, at the upgrade; then every call as an HTTP body.

/** An API call's answer as the host sends it: the status an HTTP reply carries, and its JSON. */
export type Reply = { status: number; body: string | Buffer };

/** An upgrade turned away: the status line's code and words, and the reason. */
export type Refusal = { status: '401 Unauthorized' | '403 Forbidden' | '404 Not Found'; reason: string };

/** The protocols a page offered (Sec-WebSocket-Protocol), in order. */
const offered = (req: IncomingMessage) =>
  (req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');

/** Whether the upgrade offers Rungs' protocol and, after it, this launch's token. */
export function offeredToken(req: IncomingMessage, token: string): boolean {
  const [protocol, given] = offered(req);
  return protocol === SOCKET_PROTOCOL && tokenMatches(given, token);
}

type SocketOptions = {
  /** Why an upgrade is refused (its host, origin or token) and with which HTTP status, or null to admit it. */
  admits: (req: IncomingMessage) => Refusal | null;
  answerCall: (body: Buffer) => Promise<Reply>;
  /** The largest call: as for an HTTP body. A larger frame closes the socket (1009); the page then calls over HTTP. */
  maxBytes: number;
};

export function apiSockets({ admits, answerCall, maxBytes }: SocketOptions) {
  // `ws` loads Node's TLS and zlib (~40 ms): loaded at the first upgrade, which the page asks for
  // once its board is on screen, not while the host starts.
  let server: Promise<WebSocketServer> | null = null;
  const open = new Set<WebSocket>();
  const serverOf = () =>
    (server ??= import('ws').then(
      ({ WebSocketServer }) =>
        new WebSocketServer({
          noServer: true,
          maxPayload: maxBytes + 16,
          // Frames of a few hundred bytes on the loopback: compressing them costs more than it saves.
          perMessageDeflate: false,
          handleProtocols: () => SOCKET_PROTOCOL,
        }),
    ));

  const serve = (ws: WebSocket) => {
    open.add(ws);
    ws.on('close', () => open.delete(ws));
    ws.on('error', () => ws.terminate());
    ws.on('message', (data: Buffer, binary: boolean) => {
      const call = binary ? null : splitFrame(data);
      // Not a call this page's transport makes: nothing to pair an answer with, so the socket goes.
      if (call === null) return ws.close(1003, 'Expected "<id>\\n<call>" text frames.');
      void answerCall(call.rest).then(
        (reply) => send(ws, call.id, reply.body),
        (error: unknown) => {
          console.error('[rungs host]', error);
          send(ws, call.id, JSON.stringify({ ok: false, error: { code: 'internal', message: 'The host failed to answer.' } }));
        },
      );
    });
  };

  return {
    upgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
      const path = (req.url ?? '').split('?')[0];
      const refused: Refusal | null = path === SOCKET_PATH ? admits(req) : { status: '404 Not Found', reason: 'Not found.' };
      if (refused !== null) {
        socket.end(`HTTP/1.1 ${refused.status}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${refused.reason}`);
        return;
      }
      void serverOf().then((wss) => wss.handleUpgrade(req, socket, head, serve));
    },
    /** Closes every open socket: the host is stopping. */
    close(): void {
      for (const ws of open) ws.terminate();
    },
  };
}

/** An answer, its id first; the JSON is sent as it came (no copy of a large board). */
function send(ws: WebSocket, id: number, body: string | Buffer): void {
  if (ws.readyState !== ws.OPEN) return;
  ws.send(`${id}\n`, { binary: false, fin: false });
  ws.send(body, { binary: false, fin: true });
}
