import type { ChannelName, RungsApi } from '../shared/contract/index.ts';
import type { Result } from '../shared/errors.ts';
import { SOCKET_PATH, SOCKET_PROTOCOL, callFrame, splitFrame } from '../shared/socket.ts';

// How a request reaches the main process, whichever carries it: Electron's preload exposes
// `window.rungs`; in a browser, the host's HTTP endpoint stands in. Kept apart from the typed API
// (api.ts), whose channel list brings the contract's schemas: this module needs none of them, so
// the board's first snapshot can be asked for before they are built (store/firstSnapshot.ts).

declare global {
  // oxlint-disable-next-line typescript/consistent-type-definitions -- only an interface can merge into Window.
  interface Window {
    rungs?: RungsApi;
  }
}

export type Send = (channel: ChannelName, request: unknown) => Promise<Result<unknown>>;

const TOKEN_KEY = 'rungs-token';

function browserHost(): Send {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // Keep the token out of the address bar, history and screenshots. replaceState is a synchronous
    // call to the browser (~10 ms on this 2-core VM): done at the first idle moment (the board's
    // snapshot is then in flight), it no longer holds up the first render.
    requestIdleCallback(
      () => {
        // Read when it runs: the lead may have moved to another screen (the hash) meanwhile.
        const now = new URLSearchParams(window.location.search);
        now.delete('token');
        const rest = now.toString();
        window.history.replaceState(null, '', `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`);
      },
      { timeout: 500 },
    );
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  const overHttp: Send = async (channel, request) => {
    try {
      const res = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-rungs-token': token },
        body: JSON.stringify({ channel, request }),
      });
      return (await res.json()) as Result<unknown>;
    } catch (error) {
      return unanswered('internal', String(error));
    }
  };
  const socket = hostSocket(token);
  return (channel, request) => socket.send(channel, request) ?? overHttp(channel, request);
}

const unanswered = (code: 'internal' | 'unavailable', why: string): Result<unknown> => ({
  ok: false,
  error: { code, message: `The browser host did not answer (${why}). Is it still running?` },
});

/** How long after the page's first call its socket opens: the board's first snapshot goes over HTTP meanwhile. */
const SOCKET_AFTER_MS = 1000;
/** Sockets refused or lost before they answered, in a row, after which the page stays on HTTP. */
const SOCKET_TRIES = 3;

/**
 * The host's WebSocket (shared/socket.ts): a call crosses it in under a millisecond where HTTP
 * takes ~8 ms of Chromium's network stack, which a drop waits for. Opened once the page has
 * started; while it is not open (opening, or refused, or closed) calls go over HTTP, and a closed
 * one is opened again at the next call. A call in flight when it closes answers 'unavailable':
 * the host may or may not have stored it.
 */
function hostSocket(token: string) {
  let ws: WebSocket | null = null;
  let nextId = 1;
  let scheduled = false;
  let failures = 0;
  const waiting = new Map<number, (r: Result<unknown>) => void>();
  const open = () => {
    const url = new URL(SOCKET_PATH, window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url, [SOCKET_PROTOCOL, token]);
    ws = socket;
    // A socket counts as working once it has answered: one that opens and closes at once is refused.
    let answered = false;
    socket.onmessage = (e: MessageEvent<string>) => {
      answered = true;
      failures = 0;
      const answer = splitFrame(e.data);
      const done = answer && waiting.get(answer.id);
      if (!answer || !done) return;
      waiting.delete(answer.id);
      done(JSON.parse(answer.rest) as Result<unknown>);
    };
    socket.onclose = () => {
      if (ws === socket) ws = null;
      if (!answered) failures++;
      // The host may or may not have stored a call in flight: 'unavailable' has the plan store fetch the plan again.
      for (const done of waiting.values()) done(unanswered('unavailable', 'its connection closed'));
      waiting.clear();
    };
  };
  return {
    /** The call's answer over the socket; undefined when it is not open (the caller uses HTTP). */
    send(channel: ChannelName, request: unknown): Promise<Result<unknown>> | undefined {
      if (ws === null) {
        if (!scheduled && failures < SOCKET_TRIES) {
          scheduled = true;
          setTimeout(() => {
            scheduled = false;
            if (ws === null) open();
          }, SOCKET_AFTER_MS);
        }
        return undefined;
      }
      if (ws.readyState !== WebSocket.OPEN) return undefined;
      const id = nextId++;
      const socket = ws;
      return new Promise((done) => {
        waiting.set(id, done);
        socket.send(callFrame(id, JSON.stringify({ channel, request })));
      });
    },
  };
}

function electron(rungs: RungsApi): Send {
  return (channel, request) => (rungs[channel] as (request: unknown) => Promise<Result<unknown>>)(request);
}

/** One request to the main process, by channel name. */
export const send: Send = window.rungs ? electron(window.rungs) : browserHost();
