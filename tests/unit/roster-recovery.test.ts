import { closeSync, copyFileSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../data/db.ts';
import { ensureStarted } from '../../data/demo-team.ts';
import { diagnoseRoster, openRosterSafely } from '../../data/open-safely.ts';
import { rowCounts, tempDir } from '../helpers/temp-db.ts';

// A roster left by a process that died part-way through a checkpoint is intact: SQLite completes it
// from the WAL. Only what SQLite itself cannot read back is damaged.

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
});
