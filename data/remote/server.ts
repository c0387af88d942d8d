import { RungsError, type RungsErrorData } from '../../shared/errors.ts';
import { backupAtLaunchIfDue } from '../safety/backup.ts';
import type { RosterProblem } from '../open/diagnose.ts';
import { openRosterSafely, recoverRoster } from '../open/open-safely.ts';
import type { Roster } from '../open/roster.ts';
import type { ServedCall } from './answer.ts';
import { type WriterLock, acquireWriterLock } from '../safety/writer-lock.ts';
import type { FatalStage, OpenRequest, ServerPort, ToServer } from './protocol.ts';
import { reply } from './reply.ts';

// The roster process's loop (data/remote/protocol.ts): take the writer lock, open the roster the
// safe way, then answer every call with the one dispatcher. Runs in a worker_thread (browser host)
// or an Electron utility process (electron/db-process.ts); the port is all it knows of either.
//
// The roster says it is ready as soon as its file is open, and only then loads what answers calls
// (the handlers and the contract's schemas, ~50–100 ms to evaluate): the shell starts serving the
// page meanwhile, and its first call arrives after they are loaded, or waits for them in order.

const errorData = (error: unknown): RungsErrorData =>
  error instanceof RungsError ? error.toData() : { code: 'internal', message: error instanceof Error ? error.message : String(error) };

export function serveRoster(port: ServerPort): void {
  let open: OpenRequest | null = null;
  let lock: WriterLock | null = null;
  let roster: Roster | null = null;
  /** Answers calls once the dispatcher is loaded; until then, calls queue on `loading` in order. */
  let answer: ServedCall | null = null;
  let loading: Promise<unknown> | null = null;
  let problem: RosterProblem | null = null;
  let launchBackup: Promise<unknown> = Promise.resolve();
  let closing = false;

  const release = () => {
    roster?.close();
    roster = null;
    lock?.release();
    lock = null;
  };

  const fatal = (stage: FatalStage, error: unknown) => {
    closing = true;
    release();
    port.post({ type: 'fatal', stage, error: errorData(error) });
  };

  const ready = (r: Roster, notes: string[]) => {
    roster = r;
    problem = null;
    loading = import('./answer.ts').then(
      ({ answerCalls }) => (answer = answerCalls(r, open?.options.mapFile, port)),
      (error: unknown) => fatal('open', error),
    );
    if (open?.launchBackup) {
      // The online backup copies pages in steps, so calls are answered while it runs.
      launchBackup = backupAtLaunchIfDue(r.db, r.path).catch((error: unknown) => console.error('[rungs] The launch backup failed:', error));
    }
    port.post({ type: 'ready', info: { path: r.path, notes } });
  };

  const handle = (message: ToServer) => {
    switch (message.type) {
      case 'open': {
        if (open) return fatal('open', new RungsError('internal', 'The roster process was asked to open a second roster.'));
        open = message.open;
        try {
          // The single-instance lock covers a second window; this covers another process on the same file.
          lock = acquireWriterLock(open.path);
        } catch (error) {
          return fatal('lock', error);
        }
        try {
          const opened = openRosterSafely(open.path, open.options);
          if (opened.ok) return ready(opened.roster, []);
          problem = opened.problem;
          // The file is untouched; the lock stays held while the lead decides.
          return port.post({ type: 'problem', problem });
        } catch (error) {
          return fatal('open', error);
        }
      }
      case 'recover': {
        if (!open || !problem) return fatal('recover', new RungsError('internal', 'There is no problem to recover from.'));
        try {
          const recovered = recoverRoster(problem, message.choice, open.options);
          return ready(recovered.roster, [
            problem.message,
            recovered.restored
              ? `Restored the backup ${recovered.restored}.`
              : recovered.salvaged
                ? `Salvaged what still read in it: ${recovered.salvaged}.`
                : 'Started a new roster.',
            `The old file is kept as ${recovered.setAside}.`,
          ]);
        } catch (error) {
          return fatal('recover', error);
        }
      }
      case 'call': {
        if (answer) return answer(message);
        if (loading) return void loading.then(() => answer?.(message));
        return reply(port, message, { ok: false, error: { code: 'unavailable', message: 'The roster is not open yet.' } });
      }
      case 'close': {
        if (closing) return;
        closing = true;
        // A launch backup still copying must finish before its connection closes.
        void launchBackup.then(() => {
          release();
          port.post({ type: 'closed' });
        });
        return;
      }
    }
  };

  port.onMessage((message) => {
    if (closing) return;
    try {
      handle(message);
    } catch (error) {
      // dispatchUnknown answers every failure itself; reaching here is a bug in this loop.
      fatal('crash', error);
    }
  });
}
