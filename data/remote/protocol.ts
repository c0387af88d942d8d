import type { Result, RungsErrorData } from '../../shared/errors.ts';
import type { RosterProblem } from '../open/diagnose.ts';
import type { OpenRosterOptions } from '../open/open-safely.ts';
import type { RecoveryChoice } from '../safety/recovery.ts';

// The remote roster: the database runs in its own thread or process (a worker_thread under the
// browser host, an Electron utility process under the desktop app) and the transport talks to it
// with these messages. Plain data only (structured-clone safe); type-only imports, so the side that
// forwards (the HTTP thread, Electron's main process) never loads SQLite.

/** How the roster is opened: the same options both shells passed to openRosterSafely. */
export type OpenRequest = {
  path: string;
  options: OpenRosterOptions;
  /** Take the daily launch backup once the roster is open (off for tests and the bench). */
  launchBackup: boolean;
};

/**
 * `json`: the reply carries the Result already serialized, so the forwarding thread only copies a
 * string. `bytes`: serialized and encoded as UTF-8 by the roster, and moved (transferred, not copied)
 * to a forwarding thread that writes it to a socket as it is: no string of megabytes on that thread.
 */
export type ReplyEncoding = 'clone' | 'json' | 'bytes';

export type ToServer =
  | { type: 'open'; open: OpenRequest }
  /** Answer to a `problem`: replace the bad file (it is kept, renamed) by one of the problem's `choices`. */
  | { type: 'recover'; choice: RecoveryChoice }
  | { type: 'call'; id: number; channel: unknown; request: unknown; encoding: ReplyEncoding }
  /**
   * A call as the browser host received it: the body's bytes (`{"channel":…,"request":…}`, UTF-8
   * JSON), moved here unparsed, so the roster thread, not the one serving the window, parses an
   * import's megabytes (shared/payload.ts readMessage).
   */
  | { type: 'call'; id: number; body: Uint8Array; encoding: ReplyEncoding }
  /** Finish the launch backup, close the database and the writer lock, then say `closed`. */
  | { type: 'close' };

/** What the roster process tells about itself once open. */
export type RosterInfo = {
  path: string;
  /** Lines for the lead: what a recovery did (which backup, where the bad file went). */
  notes: string[];
};

export type FatalStage = 'lock' | 'open' | 'recover' | 'crash';

export type FromServer =
  | { type: 'ready'; info: RosterInfo }
  /** openRosterSafely's outcome for a bad file: nothing was changed; the shell asks the lead. */
  | { type: 'problem'; problem: RosterProblem }
  /** The roster cannot be served (another Rungs holds the lock, a recovery failed, a bug); the client ends the process. */
  | { type: 'fatal'; stage: FatalStage; error: RungsErrorData }
  | { type: 'reply'; id: number; result: Result<unknown> }
  | { type: 'reply'; id: number; json: string }
  | { type: 'reply'; id: number; bytes: Uint8Array }
  | { type: 'closed' };

/** The forwarding side's view of the roster process: a worker_thread, a utility process, or a fake. */
export type ClientPort = {
  /** `transfer`: buffers to move rather than copy, where the transport can (a worker_thread's can; a utility process copies). */
  post: (message: ToServer, transfer?: ArrayBuffer[]) => void;
  onMessage: (listener: (message: FromServer) => void) => void;
  /** Fires once, when the thread or process has ended, for whatever reason. */
  onExit: (listener: (code: number | null) => void) => void;
  /** End it now (a hung or misbehaving roster process). */
  kill: () => void;
};

/** The roster process's view of its parent. */
export type ServerPort = {
  /** `transfer`: buffers to move rather than copy, where the transport can (a worker_thread's can). */
  post: (message: FromServer, transfer?: ArrayBuffer[]) => void;
  onMessage: (listener: (message: ToServer) => void) => void;
};
// The roster process never ends itself: after `closed` or `fatal` the client ends it, so those last
// words are never lost to an exit racing the message.
