import type { Result } from '../../shared/errors.ts';
import type { ServerPort, ToServer } from './protocol.ts';
import { encoded } from './refusals.ts';

export type Call = Extract<ToServer, { type: 'call' }>;

/** A call's result, sent in the encoding the caller asked for (bytes are moved, not copied). */
export function reply(port: ServerPort, call: Call, result: Result<unknown>): void {
  const answer = encoded(call.encoding, result);
  if (typeof answer === 'string') return port.post({ type: 'reply', id: call.id, json: answer });
  if (answer instanceof Uint8Array) return port.post({ type: 'reply', id: call.id, bytes: answer }, [answer.buffer]);
  return port.post({ type: 'reply', id: call.id, result: answer });
}
