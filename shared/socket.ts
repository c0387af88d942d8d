// The browser host's WebSocket for API calls: its path, its subprotocol and how a call and its
// answer are framed. A call is one text message, `<id>\n<body>`, where the body is what the page
// would POST to /api/invoke (`{"channel":…,"request":…}`); the answer is `<id>\n<Result JSON>`.
// The id pairs an answer with its call: the host answers calls in the order they finish.

export const SOCKET_PATH = '/api/socket';
/** Offered first by the page, with the per-launch token second (a browser can set no other header). */
export const SOCKET_PROTOCOL = 'rungs.v1';
/** The longest id a frame may carry: ids count calls from 1, and nine digits outlast any session. */
const MAX_ID_DIGITS = 9;

/** A call's frame. */
export const callFrame = (id: number, body: string) => `${id}\n${body}`;

/** The id and the rest of a frame; null when it does not start with a short decimal id and a newline. */
export function splitFrame<T extends string | Uint8Array>(frame: T): { id: number; rest: T } | null {
  const at = typeof frame === 'string' ? frame.indexOf('\n') : frame.indexOf(10);
  if (at < 1 || at > MAX_ID_DIGITS) return null;
  let id = 0;
  for (let i = 0; i < at; i++) {
    const digit = (typeof frame === 'string' ? frame.charCodeAt(i) : frame[i]!) - 48;
    if (digit < 0 || digit > 9) return null;
    id = id * 10 + digit;
  }
  return { id, rest: frame.slice(at + 1) as T };
}
