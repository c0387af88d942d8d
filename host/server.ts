import { readFile, realpath } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import type { Result } from '../shared/errors.ts';
import { jsonDepthProblem, readMessage } from '../shared/payload.ts';
import { RESPONSE_HEADERS } from '../shared/security.ts';
import { type Reply, apiSockets, offeredToken } from './socket.ts';
import { tokenMatches } from './token.ts';

// The browser host: the same renderer and the same handlers as Electron, on 127.0.0.1: files and
// API calls over HTTP, and API calls over a WebSocket once the page has one open (socket.ts).
// This thread checks the transport only; the roster answers from its own thread (host/serve.ts).
// Every API call carries the per-launch token; requests from other origins or hosts are refused
// (a page on another site, or a DNS-rebinding name pointing at 127.0.0.1).

// Not `import { createServer } from 'node:http'`: importing it as an ES module copies every export,
// and one of them (WebSocket) is a getter that loads Node's fetch implementation: 60–110 ms of the
// host's start, against ~7 ms for the module itself.
const { createServer } = process.getBuiltinModule('node:http');

export const TOKEN_HEADER = 'x-rungs-token';
export const API_PATH = '/api/invoke';
export { SOCKET_PATH, SOCKET_PROTOCOL } from '../shared/socket.ts';
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * How long a connection may take to send its request: a client that stalls mid-header or mid-body
 * holds a socket until then. Generous for a local app, where the largest import (16 MB) crosses
 * the loopback in well under a second.
 */
export type HostTimeouts = { headersMs: number; requestMs: number };
export const HOST_TIMEOUTS: HostTimeouts = { headersMs: 10_000, requestMs: 60_000 };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export type HostOptions = {
  /**
   * Answers one API call: a Result, or the Result already serialized (the roster thread's JSON, or
   * its UTF-8 bytes, sent on as they are: a large board or import preview costs this thread neither
   * a stringify nor a string of megabytes to encode).
   */
  dispatch: (channel: unknown, request: unknown) => Answer | Promise<Answer>;
  /**
   * Answers a call still in its body's bytes, or says null when `channel` is not one it sends on
   * (the call is then parsed here and given to `dispatch`). The host reads only the channel, off the
   * body's start (channelOf); the roster thread parses the rest, so an import's megabytes of JSON
   * never hold the thread that serves the window.
   */
  forward?: (channel: string, body: Buffer) => Promise<Answer | null>;
  staticDir: string;
  token: string;
  port?: number;
  /** Shorter in tests, so a stalled socket is seen closed quickly. */
  timeouts?: Partial<HostTimeouts>;
};

type Answer = Result<unknown> | string | Uint8Array;

export type Host = { server: Server; url: string; origin: string; close: () => Promise<void> };

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'application/json'): void {
  res.writeHead(status, { ...RESPONSE_HEADERS, 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

const refusal = (status: number, code: string, message: string): Reply => ({
  status,
  body: JSON.stringify({ ok: false, error: { code, message } }),
});

const refuse = (res: ServerResponse, status: number, code: string, message: string) => {
  const r = refusal(status, code, message);
  send(res, r.status, r.body);
};

/** The client hung up, or ran out of time, before its body arrived: nothing to answer, nothing failed here. */
const cutOff = (req: IncomingMessage, error: unknown): boolean =>
  !req.complete && (req.destroyed || (error as NodeJS.ErrnoException | null)?.code === 'ECONNRESET');

const CHANNEL_KEY = Buffer.from('{"channel":"');
const REQUEST_KEY = Buffer.from('","request":');
/** Longer than any channel's name; bounds the search for the request's key. */
const MAX_CHANNEL_LENGTH = 64;

/**
 * The channel of a body in the shape the renderer sends (`{"channel":"board.snapshot","request":…`),
 * read off its first bytes; null for any other shape, which is then parsed here in full. Only the
 * forwarding is decided by it: the roster thread dispatches on the channel it parses itself.
 */
export function channelOf(body: Buffer): string | null {
  if (!body.subarray(0, CHANNEL_KEY.length).equals(CHANNEL_KEY)) return null;
  const end = body.subarray(0, CHANNEL_KEY.length + MAX_CHANNEL_LENGTH + REQUEST_KEY.length).indexOf(REQUEST_KEY, CHANNEL_KEY.length);
  if (end < 0) return null;
  const channel = body.toString('latin1', CHANNEL_KEY.length, end);
  return /^[A-Za-z][A-Za-z.]*$/.test(channel) ? channel : null;
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startHost(options: HostOptions): Promise<Host> {
  const staticRoot = await realpath(options.staticDir);
  let allowedHosts: Set<string> = new Set();
  let allowedOrigins: Set<string> = new Set();

  /** One API call's body (`{"channel":…,"request":…}`), answered: the same for HTTP and the socket. */
  const answerCall = async (body: Buffer): Promise<Reply> => {
    const channel = options.forward ? channelOf(body) : null;
    let answer: Answer | null = null;
    if (options.forward && channel !== null) {
      // Refused at the door, as readMessage refuses it below: too deep for any thread to parse.
      const tooDeep = jsonDepthProblem(body);
      if (tooDeep) return refusal(400, tooDeep.code, tooDeep.message);
      answer = await options.forward(channel, body);
    }
    if (answer === null) {
      // Checked before it is posted to the roster thread: a request the copy would choke on stays this caller's problem.
      const message = readMessage(body);
      if (!message.ok) return refusal(400, message.error.code, message.error.message);
      answer = await options.dispatch(message.value.channel, message.value.request);
    }
    if (answer instanceof Uint8Array) return { status: 200, body: Buffer.from(answer.buffer, answer.byteOffset, answer.byteLength) };
    return { status: 200, body: typeof answer === 'string' ? answer : JSON.stringify(answer) };
  };
  /** Whether a request comes from this host's own page: its Host header, and its Origin when it has one. */
  const ownHost = (req: IncomingMessage) => allowedHosts.has(req.headers.host ?? '');
  const ownOrigin = (origin: string | undefined) => origin !== undefined && allowedOrigins.has(origin);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      // DNS rebinding: a hostile name resolving to 127.0.0.1 still sends its own Host header.
      if (!ownHost(req)) return refuse(res, 421, 'refused', 'Unknown host.');
      const origin = req.headers.origin;
      if (origin !== undefined && !ownOrigin(origin)) return refuse(res, 403, 'refused', 'Requests from other origins are refused.');
      // Prefixed, not resolved against a base: "//evil/x" must stay a path, not become a host.
      const url = new URL(`http://127.0.0.1${(req.url ?? '/').startsWith('/') ? req.url : '/'}`);

      if (url.pathname === API_PATH) {
        if (req.method !== 'POST') return refuse(res, 405, 'refused', 'Use POST.');
        if (!tokenMatches(req.headers[TOKEN_HEADER] as string | undefined, options.token)) {
          return refuse(res, 401, 'unauthorized', 'Missing or wrong token. Open the address the browser host printed.');
        }
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return refuse(res, 415, 'invalid_input', 'Send JSON.');
        }
        const body = await readBody(req);
        if (body === null) return refuse(res, 413, 'invalid_input', `Request larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
        const reply = await answerCall(body);
        return send(res, reply.status, reply.body);
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'refused', 'Only GET for files.');
      let relative: string;
      try {
        relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
      } catch {
        return refuse(res, 400, 'invalid_input', 'Malformed path.');
      }
      if (relative.includes('\0')) return refuse(res, 404, 'not_found', 'Not found.');
      const inside = (p: string) => p.startsWith(staticRoot + sep);
      const file = resolve(join(staticRoot, relative));
      if (!inside(file)) return refuse(res, 404, 'not_found', 'Not found.');
      let content: Buffer;
      try {
        // A symlink inside the folder must not lead out of it.
        const real = await realpath(file);
        if (!inside(real)) return refuse(res, 404, 'not_found', 'Not found.');
        content = await readFile(real);
      } catch {
        return refuse(res, 404, 'not_found', 'Not found.');
      }
      return send(res, 200, content, MIME[extname(file)] ?? 'application/octet-stream');
    } catch (error) {
      if (cutOff(req, error)) {
        // Routine for a tab closed mid-upload: one line, not a stack trace.
        const code = (error as NodeJS.ErrnoException | null)?.code ?? 'closed';
        return console.error(`[rungs host] A request was cut off before its body arrived (${code}).`);
      }
      console.error('[rungs host]', error);
      if (!res.headersSent) refuse(res, 500, 'internal', 'The host failed to answer.');
    }
  };

  const { headersMs, requestMs } = { ...HOST_TIMEOUTS, ...options.timeouts };
  const server = createServer(
    {
      headersTimeout: headersMs,
      requestTimeout: requestMs,
      // Node looks for expired requests only this often; its default, 30 s, outlasts the bounds.
      connectionsCheckingInterval: Math.min(1000, headersMs / 2),
    },
    handle,
  );

  const sockets = apiSockets({
    admits: (req: IncomingMessage) =>
      // A browser always sends its page's Origin on a WebSocket, and no CORS guards one: it must be ours.
      !ownHost(req)
        ? { status: '403 Forbidden', reason: 'Unknown host.' }
        : !ownOrigin(req.headers.origin)
          ? { status: '403 Forbidden', reason: 'Connections from other origins are refused.' }
          : !offeredToken(req, options.token)
            ? { status: '401 Unauthorized', reason: 'Missing or wrong token.' }
            : null,
    answerCall,
    maxBytes: MAX_BODY_BYTES,
  });
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => sockets.upgrade(req, socket, head));

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const origin = `http://127.0.0.1:${port}`;
  return {
    server,
    origin,
    url: `${origin}/?token=${options.token}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        sockets.close();
        server.close(() => ok());
      }),
  };
}
