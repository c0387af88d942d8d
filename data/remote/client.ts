import { type Result, RungsError } from '../../shared/errors.ts';
import { payloadProblem } from '../../shared/payload.ts';
import type { RosterProblem } from '../open/diagnose.ts';
import type { RecoveryChoice } from '../safety/recovery.ts';
import type { ClientPort, FromServer, OpenRequest, ReplyEncoding, RosterInfo } from './protocol.ts';
import { CLOSING, type Failure, GONE, RosterProcessError, STOPPED, encoded, failure, postFailure, timeoutMessage } from './refusals.ts';

// The forwarding side of the remote roster (data/remote/protocol.ts): the browser host's HTTP thread
// and Electron's main process call `dispatch` as they called the in-process dispatcher, and never
// wait on SQLite themselves. Every call gets an answer: the roster's Result, or a typed error when
// the roster process is too slow ('timeout': it is restarted) or stopped ('unavailable'), or when
// the request cannot be sent to it ('invalid_input': too deep, too large, not copyable). A roster
// process that dies while serving is restarted, a few times; after that the shell is told to give up.
// Imports types only from the data layer: loading this never loads SQLite.

export type OpenOutcome = { ok: true; info: RosterInfo } | { ok: false; problem: RosterProblem };

export type RemoteRosterOptions = {
  /** Start a roster process (a worker_thread, a utility process) and return its port. */
  spawn: () => ClientPort;
  open: OpenRequest;
  /** Per call. A call slower than this gets 'timeout' and the roster process is restarted. */
  timeoutMs?: number;
  /** Restarts allowed within `windowMs` before giving up. */
  restarts?: { max: number; windowMs: number };
  /** The roster stopped and will not be restarted: the shell tells the lead and quits. */
  onGiveUp?: (error: RosterProcessError) => void;
  /** A restart happened (for the log). */
  onRestart?: (why: string) => void;
  /** How long close() waits for the roster to close before killing it. */
  closeTimeoutMs?: number;
};

export type RemoteRoster = {
  /** Start the roster process and open the file. Rejects with RosterProcessError (another Rungs holds it, …). */
  open: () => Promise<OpenOutcome>;
  /** After a problem: the lead's choice. Resolves when the replacement roster is open. */
  recover: (choice: RecoveryChoice) => Promise<RosterInfo>;
  /** `timeoutMs` overrides the client's for this call (a long import, a test). */
  dispatch: (channel: unknown, request: unknown, timeoutMs?: number) => Promise<Result<unknown>>;
  /** The same, serialized by the roster process: the caller sends the string on as it is. */
  dispatchJson: (channel: unknown, request: unknown, timeoutMs?: number) => Promise<string>;
  /** The same as UTF-8 bytes, moved from a roster thread without a copy: what the HTTP host writes to its socket. */
  dispatchBytes: (channel: unknown, request: unknown, timeoutMs?: number) => Promise<Uint8Array>;
  /**
   * A call still in its body's bytes (`{"channel":…,"request":…}` as the browser host received it),
   * parsed and checked by the roster (shared/payload.ts readMessage), answered as `dispatchBytes`.
   * A body that owns its whole buffer is moved there, not copied, and is unusable here afterwards.
   * `channel`, as the host read it off the body's start, names the call in a timeout's message only.
   */
  dispatchBody: (channel: string, body: Uint8Array, timeoutMs?: number) => Promise<Uint8Array>;
  /** Finish the launch backup, close the database and the lock, and wait for the process to end. */
  close: () => Promise<void>;
  info: () => RosterInfo | null;
};

type Answer = Result<unknown> | string | Uint8Array;
type Pending = { resolve: (value: Answer) => void; encoding: ReplyEncoding; timer: ReturnType<typeof setTimeout> };
type State = 'idle' | 'opening' | 'problem' | 'recovering' | 'ready' | 'restarting' | 'closing' | 'closed' | 'failed';

/**
 * Whether moving `bytes` moves nothing else. Node's small Buffers are views into one shared pool,
 * which must never be moved (and cannot be: it is marked untransferable); those are copied.
 */
const ownsItsBuffer = (bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> =>
  bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;

export function createRemoteRoster(options: RemoteRosterOptions): RemoteRoster {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const budget = options.restarts ?? { max: 3, windowMs: 60_000 };
  const restartTimes: number[] = [];
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let state: State = 'idle';
  let port: ClientPort | null = null;
  let info: RosterInfo | null = null;
  let lastFatal: RosterProcessError | null = null;
  // The one outstanding open/recover/close, settled by the process's next lifecycle message or its exit.
  let waiting: { resolve: (m: FromServer | null) => void } | null = null;
  let closed: Promise<void> | null = null;
  let exited: (() => void) | null = null;

  const settleWaiting = (message: FromServer | null) => {
    const w = waiting;
    waiting = null;
    w?.resolve(message);
  };

  const answerAll = (result: Failure) => {
    for (const [id, p] of pending) {
      pending.delete(id);
      clearTimeout(p.timer);
      p.resolve(encoded(p.encoding, result));
    }
  };

  const giveUp = (error: RosterProcessError) => {
    state = 'failed';
    answerAll(failure('unavailable', GONE));
    options.onGiveUp?.(error);
  };

  const start = () => {
    const p = options.spawn();
    port = p;
    p.onMessage((message) => {
      if (p !== port) return; // a late word from a process already replaced
      onMessage(message);
    });
    p.onExit((code) => {
      if (p !== port) return;
      port = null;
      onExit(code);
    });
    p.post({ type: 'open', open: options.open });
  };

  const onMessage = (message: FromServer) => {
    switch (message.type) {
      case 'reply': {
        const p = pending.get(message.id);
        if (!p) return; // answered already (timed out)
        pending.delete(message.id);
        clearTimeout(p.timer);
        if ('json' in message) p.resolve(p.encoding === 'json' ? message.json : (JSON.parse(message.json) as Result<unknown>));
        else if ('bytes' in message) p.resolve(message.bytes);
        else p.resolve(encoded(p.encoding, message.result));
        return;
      }
      case 'ready':
        info = message.info;
        if (state === 'restarting') state = 'ready';
        return settleWaiting(message);
      case 'problem':
        if (state === 'restarting') {
          // The file went bad while Rungs was running: no dialog mid-session, the shell says so and quits.
          port?.kill();
          return giveUp(new RosterProcessError('open', { code: 'database', message: message.problem.message }));
        }
        return settleWaiting(message);
      case 'fatal':
        lastFatal = new RosterProcessError(message.stage, message.error);
        // It exits by our hand: the message got through first.
        port?.kill();
        return;
      case 'closed':
        port?.kill();
        return;
    }
  };

  /** The process ended (or was abandoned, `cause` saying why): answer what it held, then restart or give up. */
  const onExit = (code: number | null, cause?: RosterProcessError) => {
    const was = state;
    const error =
      cause ??
      lastFatal ??
      new RosterProcessError('crash', { code: 'unavailable', message: `The roster process stopped (exit code ${code}).` });
    lastFatal = null;
    if (was === 'closing' || was === 'closed') {
      state = 'closed';
      answerAll(failure('unavailable', CLOSING));
      exited?.();
      return;
    }
    if (was === 'opening' || was === 'problem' || was === 'recovering') {
      // open() or recover() is waiting: it rejects with this error.
      state = 'failed';
      answerAll(failure('unavailable', GONE));
      lastFatal = error;
      settleWaiting(null);
      return;
    }
    if (was !== 'ready') return giveUp(error); // it died again before it was back: stop trying
    const now = Date.now();
    while (restartTimes.length && now - restartTimes[0]! > budget.windowMs) restartTimes.shift();
    if (restartTimes.length >= budget.max) return giveUp(error);
    restartTimes.push(now);
    answerAll(failure('unavailable', STOPPED));
    options.onRestart?.(error.message);
    state = 'restarting';
    start();
  };

  const lifecycle = (): Promise<FromServer | null> => new Promise((resolve) => (waiting = { resolve }));

  const outcome = async (): Promise<FromServer> => {
    const message = await lifecycle();
    if (message === null) {
      const error = lastFatal ?? new RosterProcessError('crash', { code: 'unavailable', message: GONE });
      lastFatal = null;
      throw error;
    }
    return message;
  };

  /** A call as sent: its channel and request, or its body's bytes for the roster to read. */
  type Sent = { channel: unknown; request: unknown } | { channel: string; body: Uint8Array };

  const call = (sent: Sent, encoding: ReplyEncoding, limit = timeoutMs): Promise<Answer> => {
    const answerNow = (result: Failure) => Promise.resolve(encoded(encoding, result));
    if (state === 'failed') return answerNow(failure('unavailable', GONE));
    if (state === 'closing' || state === 'closed') return answerNow(failure('unavailable', CLOSING));
    if (!port) return answerNow(failure('unavailable', 'The roster is not open yet.'));
    // Refused here, before anything is posted: one caller's bad message never reaches the thread
    // every other caller waits on. A body is one array of bytes to copy, whatever it holds.
    const problem = 'body' in sent ? null : (payloadProblem(sent.channel) ?? payloadProblem(sent.request));
    if (problem) return answerNow({ ok: false, error: problem });
    const id = nextId++;
    const target = port;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        const result = failure('timeout', timeoutMessage(sent.channel, limit));
        resolve(encoded(encoding, result));
        // One thread answers in order: whatever holds it holds every call behind it. Start afresh
        // now, without waiting for it to end: later calls go to the new one.
        if (target === port) {
          port = null;
          target.kill();
          onExit(null, new RosterProcessError('crash', result.error));
        }
      }, limit);
      pending.set(id, { resolve, encoding, timer });
      try {
        if (!('body' in sent)) target.post({ type: 'call', id, channel: sent.channel, request: sent.request, encoding });
        else target.post({ type: 'call', id, body: sent.body, encoding }, ownsItsBuffer(sent.body) ? [sent.body.buffer] : []);
      } catch (error) {
        // Nothing reached the roster, so nothing will answer: answer now, and leave no timer that
        // would restart the roster under every other caller.
        clearTimeout(timer);
        pending.delete(id);
        const result = postFailure(error);
        resolve(encoded(encoding, result));
      }
    });
  };

  return {
    open: async () => {
      if (state !== 'idle') throw new RungsError('conflict', 'The roster is already open.');
      state = 'opening';
      const waited = outcome();
      start();
      const message = await waited;
      if (message.type === 'ready') {
        state = 'ready';
        return { ok: true, info: message.info };
      }
      if (message.type === 'problem') {
        state = 'problem';
        return { ok: false, problem: message.problem };
      }
      throw new RungsError('internal', `Unexpected ${message.type} while opening the roster.`);
    },

    recover: async (choice) => {
      if (state !== 'problem' || !port) throw new RungsError('conflict', 'There is no problem to recover from.');
      state = 'recovering';
      const waited = outcome();
      port.post({ type: 'recover', choice });
      const message = await waited;
      if (message.type !== 'ready') throw new RungsError('internal', `Unexpected ${message.type} while recovering the roster.`);
      state = 'ready';
      return message.info;
    },

    dispatch: (channel, request, limit) => call({ channel, request }, 'clone', limit) as Promise<Result<unknown>>,
    dispatchJson: (channel, request, limit) => call({ channel, request }, 'json', limit) as Promise<string>,
    dispatchBytes: (channel, request, limit) => call({ channel, request }, 'bytes', limit) as Promise<Uint8Array>,
    dispatchBody: (channel, body, limit) => call({ channel, body }, 'bytes', limit) as Promise<Uint8Array>,

    close: () => {
      if (closed) return closed;
      closed = new Promise<void>((resolve) => {
        if (!port) {
          state = 'closed';
          answerAll(failure('unavailable', CLOSING));
          return resolve();
        }
        const target = port;
        state = 'closing';
        const force = setTimeout(() => target.kill(), options.closeTimeoutMs ?? 10_000);
        exited = () => {
          clearTimeout(force);
          resolve();
        };
        settleWaiting(null);
        target.post({ type: 'close' });
      });
      return closed;
    },

    info: () => info,
  };
}
