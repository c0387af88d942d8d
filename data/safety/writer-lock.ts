import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { hostname } from 'node:os';
import { RungsError } from '../../shared/errors.ts';

// One writer per roster file: a <db>.lock file created exclusively ('wx'), holding the owner's pid
// and host. A lock left by a process that no longer runs (a crash, a kill -9) is stale and taken over.

export type WriterLock = { path: string; release: () => void };

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

type Owner = { pid: number; host: string };
function readOwner(path: string): Owner | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<Owner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? { pid: owner.pid, host: owner.host } : null;
  } catch {
    return null;
  }
}

export function acquireWriterLock(dbPath: string): WriterLock {
  const path = `${dbPath}.lock`;
  // The lock is the first file a first launch writes in its data folder: the folder may not exist yet.
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(path);
      // Another machine's pid means nothing here (a roster on a shared folder): never steal it.
      if (owner && (owner.host !== hostname() || (owner.pid !== process.pid && alive(owner.pid)))) {
        throw new RungsError(
          'conflict',
          `Another Rungs (process ${owner.pid}${owner.host !== hostname() ? ` on ${owner.host}` : ''}) is already using this roster. Close it first, or open another file with --db.`,
        );
      }
      // Stale (or unreadable, half-written by a crash): remove it and try again.
      rmSync(path, { force: true });
      continue;
    }
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
    closeSync(fd);
    let released = false;
    return {
      path,
      release: () => {
        if (released) return;
        released = true;
        if (readOwner(path)?.pid === process.pid) rmSync(path, { force: true });
      },
    };
  }
  throw new RungsError('conflict', 'Could not take the roster’s lock file; another Rungs may be starting on it.');
}
