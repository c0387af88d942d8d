import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupNow } from '../../data/safety/backup.ts';
import { backupDirFor } from '../../data/safety/backup-files.ts';
import { openDatabase } from '../../data/store/db.ts';
import { ensureStarted } from '../../data/seed/demo-team.ts';
import { diagnoseRoster } from '../../data/open/diagnose.ts';
import { openRosterSafely } from '../../data/open/open-safely.ts';
import { salvageRoster } from '../../data/safety/salvage.ts';
import { ACCEPT_LOSS_FLAG, RESTORE_FLAG, SALVAGE_FLAG, hostRoster, openForHost } from '../../host/open-cli.ts';
import type { Result } from '../../shared/errors.ts';
import { ok, rowCounts, tempDir } from '../helpers/temp-db.ts';

// A roster left by a process that died part-way through a checkpoint is intact: SQLite completes it
// from the WAL. Only what SQLite itself cannot read back is damaged, and then what still reads is
// salvaged and weighed against the newest backup, so no choice loses work without saying so.

const counts = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return rowCounts(db);
  } finally {
    db.close();
  }
};

/**
 * The checkpoint window: 118 changes sit in the WAL, and have grown the roster past its file; the
 * checkpoint has written page 1 (with the new page count) but died before the later pages. The
 * main file is shorter than its header says; the WAL completes it.
 */
function diedMidCheckpoint() {
  const live = join(tempDir(), 'rungs.sqlite');
  const start = openDatabase(live);
  ensureStarted(start, { demo: true });
  start.close();

  const writer = new Database(live);
  // No automatic checkpoint: every new page stays in the WAL until the files are copied.
  writer.pragma('wal_autocheckpoint = 0');
  const add = writer.prepare(`INSERT INTO changes (at, summary, rows) VALUES (?, ?, '[]')`);
  writer.transaction(() => {
    for (let i = 1; i <= 118; i++) add.run(new Date().toISOString(), `Story ${i} acknowledged: ${'detail '.repeat(60)}`);
  })();
  // Closing the last connection would checkpoint: copy the files while it is still open, as a crash leaves them.
  const dir = tempDir();
  const file = join(dir, 'rungs.sqlite');
  copyFileSync(live, file);
  copyFileSync(`${live}-wal`, `${file}-wal`);
  const expected = rowCounts(writer);
  writer.close();

  // The WAL: a 32-byte header, then frames of a 24-byte header (page number first, big-endian) and a page.
  const wal = readFileSync(`${file}-wal`);
  const pageSize = wal.readUInt32BE(8);
  let page1: Buffer | null = null;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at) === 1) page1 = wal.subarray(at + 24, at + 24 + pageSize);
  }
  if (!page1) throw new Error('the WAL holds no page 1');
  const fd = openSync(file, 'r+');
  writeSync(fd, page1, 0, pageSize, 0);
  closeSync(fd);
  return { file, dir, expected, headerBytes: page1.readUInt32BE(28) * pageSize };
}

describe('a roster whose process died while a checkpoint was growing the file', () => {
  it('is shorter than its header says, with a WAL that completes it', () => {
    const { file, headerBytes } = diedMidCheckpoint();
    expect(statSync(file).size).toBeLessThan(headerBytes);
    expect(existsSync(`${file}-wal`)).toBe(true);
  });

  it('is not called damaged: it opens with every row, and passes the integrity check', () => {
    const { file, expected } = diedMidCheckpoint();
    const before = [readFileSync(file), readFileSync(`${file}-wal`)];
    expect(diagnoseRoster(file)).toBeNull();
    // The verdict came from a copy: the roster and its WAL are as the crash left them.
    expect([readFileSync(file), readFileSync(`${file}-wal`)]).toEqual(before);
    const opened = openRosterSafely(file);
    if (!opened.ok) throw new Error(opened.problem.message);
    expect(opened.roster.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(rowCounts(opened.roster.db)).toEqual(expected);
    expect(expected.changes).toBe(118);
    opened.roster.close();
    expect(counts(file)).toEqual(expected);
  });

  it('without its WAL it is cut short indeed, and the salvage offered keeps the roster the main file held', () => {
    const { file, expected } = diedMidCheckpoint();
    rmSync(`${file}-wal`);
    const found = diagnoseRoster(file);
    expect(found?.kind).toBe('truncated');
    const salvage = found!.choices.find((o) => o.choice === 'salvage');
    expect(salvage).toMatchObject({ recommended: true });
    // The demo team was checkpointed before the 118 changes: it reads; the changes were only in the WAL.
    expect(salvage!.outcome).toContain(`${expected.engineers} engineers`);
    expect(salvage!.outcome).toContain(`${expected.assignments} assignments`);
  });
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * A roster with the demo team and a backup, then `later` changes made after that backup, closed.
 * `leaves(table)` names the pages that hold its rows, with how many rows each holds.
 */
function rosterWithLaterChanges(later: number) {
  const dir = tempDir();
  const file = join(dir, 'rungs.sqlite');
  const db = openDatabase(file);
  ensureStarted(db, { demo: true });
  const backup = backupNow(db, file, 'manual');
  const add = db.prepare(`INSERT INTO changes (at, summary, rows) VALUES (?, ?, '[]')`);
  db.transaction(() => {
    for (let i = 1; i <= later; i++) add.run(new Date().toISOString(), `Story ${i} acknowledged: ${'detail '.repeat(60)}`);
  })();
  const held = rowCounts(db);
  const leaves = Object.fromEntries(
    ['changes', 'engineers'].map((table) => [
      table,
      db
        .prepare<[string], { pageno: number; ncell: number }>(
          `SELECT pageno, ncell FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno`,
        )
        .all(table),
    ]),
  );
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  return { dir, file, held, leaves, backup, backupFile: join(backupDirFor(file), backup.name), pageSize };
}

/** Overwrite one page with bytes no page type has: SQLite cannot read the rows it held. */
function scribble(file: string, page: number, pageSize: number): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
}

describe('a damaged roster is salvaged, never silently dropped', () => {
  it('copies every row that still reads into a new roster, stepping over the page that does not', () => {
    const { file, held, leaves, pageSize } = rosterWithLaterChanges(118);
    const middle = leaves.changes![Math.floor(leaves.changes!.length / 2)]!;
    scribble(file, middle.pageno, pageSize);
    const out = join(tempDir(), 'salvaged.sqlite');
    const report = salvageRoster(file, out);
    // Exactly the rows on the damaged page are missing; every other table is whole.
    expect(report.rows.changes).toBe(held.changes! - middle.ncell);
    const salvaged = counts(out);
    expect({ ...salvaged, changes: 0, schema_migrations: 0 }).toEqual({ ...held, changes: 0, schema_migrations: 0 });
    expect(salvaged.changes).toBe(held.changes! - middle.ncell);
    const db = new Database(out, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('offers the salvage over a backup that lacks changes made after it, in words', () => {
    const { file, held, leaves, pageSize } = rosterWithLaterChanges(118);
    const middle = leaves.changes![Math.floor(leaves.changes!.length / 2)]!;
    scribble(file, middle.pageno, pageSize);
    const hash = sha(file);
    const found = diagnoseRoster(file);
    expect(found?.kind).toBe('corrupt');
    const [first, second, third] = found!.choices;
    const kept = held.changes! - middle.ncell;
    expect(first).toMatchObject({ choice: 'salvage', recommended: true, loses: 0 });
    expect(first!.outcome).toContain(`${kept} changes`);
    expect(first!.outcome).toContain('It holds everything the backup does.');
    expect(second).toMatchObject({ choice: 'latest-backup', recommended: false, loses: kept });
    expect(second!.outcome).toMatch(new RegExp(`The backup from .* lacks ${kept} changes made after it\\.`));
    expect(third).toMatchObject({ choice: 'fresh' });
    expect(sha(file)).toBe(hash);
  });

  it('says what the salvage lost that the backup holds, and then offers the backup first', () => {
    const { file, held, leaves, pageSize } = rosterWithLaterChanges(0);
    // The engineers' only leaf: every engineer, and what points at them (assignments, level changes), goes.
    expect(leaves.engineers).toHaveLength(1);
    scribble(file, leaves.engineers![0]!.pageno, pageSize);
    const found = diagnoseRoster(file)!;
    const [first, second] = found.choices;
    expect(first).toMatchObject({ choice: 'latest-backup', recommended: true, loses: 0 });
    expect(first!.outcome).toContain('holds every change the salvaged copy does');
    expect(second).toMatchObject({ choice: 'salvage', recommended: false });
    expect(second!.outcome).toContain(`The salvaged copy lost ${held.engineers} engineers`);
    expect(second!.outcome).toMatch(/assignments? .*that the backup holds\./);
    expect(second!.loses).toBeGreaterThan(held.engineers!);
  });
});

describe('a roster SQLite reads whole is judged on what it holds', () => {
  it('one missing a table of its schema is damaged, though its integrity check passes', () => {
    const file = join(tempDir(), 'rungs.sqlite');
    const db = openDatabase(file);
    ensureStarted(db, { demo: true });
    db.exec('DROP TABLE settings');
    db.close();
    const found = diagnoseRoster(file);
    expect(found?.kind).toBe('corrupt');
    expect(found?.message).toContain('it has no settings table');
  });
});

describe('the browser host on a damaged roster', () => {
  const damaged = () => {
    const made = rosterWithLaterChanges(118);
    const middle = made.leaves.changes![Math.floor(made.leaves.changes!.length / 2)]!;
    scribble(made.file, middle.pageno, made.pageSize);
    return { ...made, kept: made.held.changes! - middle.ncell, hash: sha(made.file) };
  };

  it('refuses --restore-latest-backup when the backup lacks changes, saying which, until --accept-loss', async () => {
    const { file, kept, hash, held } = damaged();
    const refused = await openForHost(hostRoster(file, {}), [RESTORE_FLAG]);
    expect(refused).toMatchObject({ ok: false, exitCode: 3 });
    if (refused.ok) return;
    expect(refused.message).toMatch(new RegExp(`lacks ${kept} changes made after it`));
    expect(refused.message).toContain(`${RESTORE_FLAG} ${ACCEPT_LOSS_FLAG}`);
    expect(refused.message).toMatch(new RegExp(`${SALVAGE_FLAG} +\\(recommended\\)`));
    expect(sha(file)).toBe(hash);
    expect(existsSync(`${file}.lock`)).toBe(false);

    const remote = hostRoster(file, {});
    const restored = await openForHost(remote, [RESTORE_FLAG, ACCEPT_LOSS_FLAG]);
    expect(restored.ok).toBe(true);
    if (restored.ok) expect(restored.notes.join(' ')).toMatch(/Restored the backup/);
    expect(ok((await remote.dispatch('board.snapshot', {})) as Result<{ engineers: unknown[] }>).engineers).toHaveLength(held.engineers!);
    await remote.close();
  });

  it('takes --salvage: the roster holds every row that read, and the damaged file is kept aside', async () => {
    const { file, dir, kept, hash, held } = damaged();
    const remote = hostRoster(file, {});
    const salvaged = await openForHost(remote, [SALVAGE_FLAG]);
    expect(salvaged.ok).toBe(true);
    if (!salvaged.ok) return;
    expect(salvaged.notes.join(' ')).toMatch(
      new RegExp(`Salvaged what still read in it: .*${kept} changes.*kept as rungs\\.sqlite\\.corrupt-`),
    );
    expect(ok((await remote.dispatch('board.snapshot', {})) as Result<{ engineers: unknown[] }>).engineers).toHaveLength(held.engineers!);
    await remote.close();
    expect(counts(file).changes).toBe(kept);
    const aside = readdirSync(dir).find((n) => n.startsWith('rungs.sqlite.corrupt-') && !/-(wal|shm)$/.test(n));
    expect(sha(join(dir, aside!))).toBe(hash);
  });

  it('refuses --salvage when it lost rows the backup holds, and restores that backup, which loses nothing, without asking', async () => {
    const { file, held, leaves, pageSize } = rosterWithLaterChanges(0);
    scribble(file, leaves.engineers![0]!.pageno, pageSize);
    const refused = await openForHost(hostRoster(file, {}), [SALVAGE_FLAG]);
    expect(refused).toMatchObject({ ok: false, exitCode: 3 });
    if (refused.ok) return;
    expect(refused.message).toContain(`The salvaged copy lost ${held.engineers} engineers`);
    expect(refused.message).toContain(`${SALVAGE_FLAG} ${ACCEPT_LOSS_FLAG}`);
    expect(refused.message).toMatch(new RegExp(`${RESTORE_FLAG} +\\(recommended\\)`));

    const remote = hostRoster(file, {});
    const restored = await openForHost(remote, [RESTORE_FLAG]);
    expect(restored.ok).toBe(true);
    expect(ok((await remote.dispatch('board.snapshot', {})) as Result<{ engineers: unknown[] }>).engineers).toHaveLength(held.engineers!);
    await remote.close();
  });
});
