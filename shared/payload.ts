import type { Result, RungsErrorData } from './errors.ts';

// The shape bound every request passes before it is posted to the roster. Posting copies the
// request by structured clone, which recurses: a request nested thousands deep overflows the
// stack there, in the forwarding thread, not in the roster's schema check. The deepest real
// request (plan.assignMany: request, moves, one move) is three levels and the widest about
// 15,000 values (MAX_MOVES moves of two ids), so these bounds refuse only what no screen sends.

/** Levels of objects and arrays inside one another, the request itself being the first. */
export const MAX_PAYLOAD_DEPTH = 32;
/** Values in the whole request: every object, array, key's value and element. */
export const MAX_PAYLOAD_NODES = 100_000;

export type PayloadBounds = { depth: number; nodes: number };

/**
 * Null when `value` is within the bounds, else a typed `invalid_input` saying which bound.
 * Walks with its own stack, never by recursion, so the check cannot overflow on what it checks;
 * it stops at the first container past a bound, so a cycle or a huge request costs at most `nodes`
 * steps and the listing of one object's keys.
 */
export function payloadProblem(
  value: unknown,
  bounds: PayloadBounds = { depth: MAX_PAYLOAD_DEPTH, nodes: MAX_PAYLOAD_NODES },
): RungsErrorData | null {
  const stack: [unknown, number][] = [[value, 1]];
  let nodes = 1;
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > bounds.depth) {
      return { code: 'invalid_input', message: `The request is nested more than ${bounds.depth} levels deep.` };
    }
    // Counted before they are stacked: an array of millions is refused on its length alone, and an
    // object's keys are listed but its values not copied (Object.values costs twice Object.keys).
    const keys = Array.isArray(current) ? null : Object.keys(current);
    nodes += keys ? keys.length : (current as unknown[]).length;
    if (nodes > bounds.nodes) {
      return { code: 'invalid_input', message: `The request holds more than ${bounds.nodes.toLocaleString('en')} values.` };
    }
    if (keys) for (const key of keys) stack.push([(current as Record<string, unknown>)[key], depth + 1]);
    else for (const child of current as unknown[]) stack.push([child, depth + 1]);
  }
  return null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * The same depth bound, read off JSON's bytes before they are parsed: parsing a body nested
 * millions deep holds the thread for seconds before payloadProblem could see it. Brackets inside
 * strings do not count; whether the JSON is valid is the parser's question, not this one's.
 */
export function jsonDepthProblem(bytes: Uint8Array, maxDepth = MAX_PAYLOAD_DEPTH): RungsErrorData | null {
  let depth = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === QUOTE) {
      // A string ends at the next quote not escaped by an odd run of backslashes. Found with
      // indexOf, not byte by byte: a file's base64 is one string of megabytes, read on the host's thread.
      for (;;) {
        const q = bytes.indexOf(QUOTE, i + 1);
        if (q < 0) return null;
        let slashes = 0;
        while (bytes[q - 1 - slashes] === BACKSLASH) slashes++;
        i = q;
        if (slashes % 2 === 0) break;
      }
    } else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
      // The message's own object wraps the request: one level more than payloadProblem counts.
      if (++depth > maxDepth + 1) {
        return { code: 'invalid_input', message: `The request is nested more than ${maxDepth} levels deep.` };
      }
    } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) depth--;
  }
  return null;
}

export type Message = { channel: unknown; request: unknown };

const DECODER = new TextDecoder();

/**
 * An API call's body (`{"channel":…,"request":…}` as UTF-8 JSON) read into its channel and request,
 * or a typed `invalid_input` saying why not: too deep (before parsing), not JSON, not an object,
 * past the bounds. The browser host reads the bodies it answers itself with this, and the roster
 * thread the ones the host sends on unparsed (host/server.ts): one reading, whichever thread does it.
 */
export function readMessage(body: Uint8Array): Result<Message> {
  const tooDeep = jsonDepthProblem(body);
  if (tooDeep) return { ok: false, error: tooDeep };
  let message: unknown;
  try {
    message = JSON.parse(DECODER.decode(body));
  } catch {
    return { ok: false, error: { code: 'invalid_input', message: 'The request is not valid JSON.' } };
  }
  if (typeof message !== 'object' || message === null) {
    return { ok: false, error: { code: 'invalid_input', message: 'The request is not an object.' } };
  }
  const { channel, request } = message as Message;
  const problem = payloadProblem(channel) ?? payloadProblem(request);
  return problem ? { ok: false, error: problem } : { ok: true, value: { channel, request } };
}
