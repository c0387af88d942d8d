import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  openSync,
  readFileSync,
  readdirSync,
  truncateSync,
  writeFileSync,
  writeSync,
  closeSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupNow } from '../../data/safety/backup.ts';
import { openDatabase } from '../../data/store/db.ts';
import { ensureStarted } from '../../data/seed/demo-team.ts';
import { MIGRATIONS } from '../../data/store/migrations/index.ts';
import { type ProblemKind, diagnoseRoster } from '../../data/open/diagnose.ts';
import { openRosterSafely } from '../../data/open/open-safely.ts';
import { FRESH_FLAG, RESTORE_FLAG, hostRoster, openForHost } from '../../host/open-cli.ts';
import type { Result } from '../../shared/errors.ts';
import { ok, tempDir } from '../helpers/temp-db.ts';

// Every kind of bad roster file: the app still starts, says what happened, never touches the file,
// and offers the newest good backup or a fresh roster, keeping the bad file aside.

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const undo: (() => void)[] = [];
afterEach(() => {
  while (undo.length) undo.pop()!();
});

/** A real roster with the demo team and one good backup, closed. */
function goodRoster() {
  const dir = tempDir();
  const file = join(dir, 'rungs.sqlite');
  const db = openDatabase(file);
  ensureStarted(db, { demo: true });
  backupNow(db, file, 'manual');
  db.close();
  return { dir, file };
}

/** Make the file unwritable: chmod for a normal user; root ignores modes, so the immutable flag. */
function makeReadOnly(file: string): boolean {
  if (process.getuid?.() !== 0) {
    chmodSync(file, 0o444);
    undo.push(() => chmodSync(file, 0o644));
    return true;
  }
  const r = spawnSync('chattr', ['+i', file]);
  if (r.status !== 0) return false;
  undo.push(() => spawnSync('chattr', ['-i', file]));
  return true;
}

const damage: Record<Exclude<ProblemKind, 'unreadable'>, (file: string) => boolean> = {
  not_sqlite: (file) => {
    writeFileSync(file, 'name,level\nAna,Junior\n'.repeat(500));
    return true;
  },
  truncated: (file) => {
    truncateSync(file, Math.floor(statSync(file).size / 2) + 100);
    return true;
  },
  corrupt: (file) => {
    // Keep the header and schema page; scribble over the pages that hold the rows and indexes.
    const fd = openSync(file, 'r+');
    const size = statSync(file).size;
    for (let at = 4096 * 2; at < size; at += 4096) writeSync(fd, Buffer.alloc(512, 0xa5), 0, 512, at + 8);
    closeSync(fd);
    return true;
  },
  newer_version: (file) => {
    openDatabase(file, { migrations: [...MIGRATIONS, { name: '9999_from_the_future', sql: 'CREATE TABLE future (x)' }] }).close();
    return true;
  },
  read_only: makeReadOnly,
};

const PLAIN: Record<string, RegExp> = {
  not_sqlite: /is not a Rungs roster/,
  truncated: /is cut short/,
  corrupt: /is damaged/,
  newer_version: /newer version of Rungs.*9999_from_the_future/,
  read_only: /cannot be written/,
};

describe.each(Object.keys(damage) as (keyof typeof damage)[])('a roster file that is %s', (kind) => {
  const setup = () => {
    const roster = goodRoster();
    const applied = damage[kind](roster.file);
    return { ...roster, applied, hash: applied ? sha(roster.file) : '' };
  };

  it('is recognised read-only, described in plain words, and the newest good backup is offered', (ctx) => {
    const { file, applied, hash } = setup();
    if (!applied) return ctx.skip('cannot make a file read-only here (root without chattr)');
    const opened = openRosterSafely(file);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.problem.kind).toBe(kind);
    expect(opened.problem.message).toMatch(PLAIN[kind]!);
    expect(opened.problem.message).toContain(file);
    expect(opened.problem.message).toMatch(/has not changed it/);
    // The good backup; for a newer file also the copy taken before its (future) migration.
    expect(opened.problem.backups.length).toBeGreaterThanOrEqual(1);
    expect(opened.problem.backups.every((b) => b.bytes > 0)).toBe(true);
    expect(sha(file)).toBe(hash);
    expect(diagnoseRoster(file)?.kind).toBe(kind);
  });

  it('the browser host explains and stops without touching it, then recovers with --restore-latest-backup or --fresh', async (ctx) => {
    const { file, dir, applied, hash } = setup();
    if (!applied) return ctx.skip('cannot make a file read-only here (root without chattr)');
    const refused = await openForHost(hostRoster(file, {}), []);
    expect(refused).toMatchObject({ ok: false, exitCode: 3 });
    if (refused.ok) return;
    expect(refused.message).toMatch(PLAIN[kind]!);
    expect(refused.message).toContain(RESTORE_FLAG);
    expect(refused.message).toContain(FRESH_FLAG);
    expect(sha(file)).toBe(hash);
    expect(existsSync(`${file}.lock`)).toBe(false);

    const remote = hostRoster(file, {});
    const restored = await openForHost(remote, [RESTORE_FLAG]);
    if (kind === 'read_only' && process.getuid?.() === 0) {
      // An immutable file cannot even be renamed: the host says so and leaves it alone.
      expect(restored).toMatchObject({ ok: false, exitCode: 3 });
      if (!restored.ok) expect(restored.message).toMatch(/could not move the roster .* aside/);
      expect(sha(file)).toBe(hash);
      return;
    }
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(restored.notes.join(' ')).toMatch(/Restored the backup .*kept as rungs\.sqlite\./);
    const engineers = ok((await remote.dispatch('board.snapshot', {})) as Result<{ engineers: unknown[] }>).engineers;
    expect(engineers.length).toBeGreaterThan(0);
    await remote.close();
    expect(existsSync(`${file}.lock`)).toBe(false);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const aside = readdirSync(dir).filter((n) => n.startsWith(`rungs.sqlite.${kind.replace('_', '-')}-`) && !/-(wal|shm)$/.test(n));
    expect(aside).toHaveLength(1);
    expect(sha(join(dir, aside[0]!))).toBe(hash);
  });

  it('or starts fresh with --fresh, keeping the bad file aside', async (ctx) => {
    const { file, dir, applied, hash } = setup();
    if (!applied || (kind === 'read_only' && process.getuid?.() === 0)) return ctx.skip('an immutable file cannot be set aside');
    const remote = hostRoster(file, { startEmpty: true });
    const fresh = await openForHost(remote, [FRESH_FLAG]);
    expect(fresh.ok).toBe(true);
    if (!fresh.ok) return;
    expect(ok((await remote.dispatch('board.snapshot', {})) as Result<{ engineers: unknown[] }>).engineers).toHaveLength(0);
    await remote.close();
    const aside = readdirSync(dir).find((n) => n.startsWith(`rungs.sqlite.${kind.replace('_', '-')}-`) && !/-(wal|shm)$/.test(n));
    expect(sha(join(dir, aside!))).toBe(hash);
  });
});

describe('a sound roster opens as before', () => {
  it('with no problem and no file set aside', () => {
    const { file, dir } = goodRoster();
    const opened = openRosterSafely(file);
    expect(opened.ok).toBe(true);
    if (opened.ok) opened.roster.close();
    expect(readdirSync(dir).filter((n) => n.includes('.sqlite.'))).toEqual([]);
  });
  it('a missing file becomes a new roster', () => {
    const file = join(tempDir(), 'new.sqlite');
    const opened = openRosterSafely(file);
    expect(opened.ok).toBe(true);
    if (opened.ok) opened.roster.close();
  });
});
