import { type Result, RungsError, type RungsErrorData } from '../../shared/errors.ts';
import type { FatalStage, ReplyEncoding } from './protocol.ts';

// What the remote roster's client answers when the roster itself cannot: every refusal in one place,
// worded for the lead, in the encoding the caller asked for.

/** The roster process could not open or serve the roster; `stage` says when. */
export class RosterProcessError extends RungsError {
  readonly stage: FatalStage;
  constructor(stage: FatalStage, data: RungsErrorData) {
    super(data.code, data.message, data.issues);
    this.name = 'RosterProcessError';
    this.stage = stage;
  }
}

export type Failure = { ok: false; error: RungsErrorData };
export const failure = (code: RungsErrorData['code'], message: string): Failure => ({ ok: false, error: { code, message } });

/**
 * Why posting a call failed. Structured clone refuses some values (a function, a symbol) and
 * overflows the stack on deep nesting: the message's fault, so the caller's. Anything else is ours.
 */
export function postFailure(error: unknown): Failure {
  const name = error instanceof Error ? error.name : '';
  if (name === 'DataCloneError' || error instanceof RangeError) {
    return failure(
      'invalid_input',
      'The request could not be sent to the roster (it holds values that cannot be copied, or is too deeply nested).',
    );
  }
  return failure('internal', `The request could not be sent to the roster: ${error instanceof Error ? error.message : String(error)}`);
}

export const STOPPED =
  'The roster process stopped while answering, so this change may not have been saved. Rungs restarted it; check the board before trying again.';
export const GONE =
  'The roster process stopped and could not be restarted, so this change may not have been saved. Quit Rungs and open it again.';
export const CLOSING = 'Rungs is closing the roster.';

export const timeoutMessage = (channel: unknown, limit: number) =>
  `The roster did not answer ${String(channel).slice(0, 80)} within ${limit < 1000 ? `${limit} ms` : `${Math.round(limit / 1000)} s`}, so Rungs restarted it. A change in progress was not saved.`;

/** A caller that asked for JSON (or its bytes) gets the refusal as it would have been sent. */
export const encoded = (encoding: ReplyEncoding, result: Result<unknown>): Result<unknown> | string | Uint8Array<ArrayBuffer> =>
  encoding === 'json' ? JSON.stringify(result) : encoding === 'bytes' ? new TextEncoder().encode(JSON.stringify(result)) : result;
