import { closeSync, openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Migration } from '../store/migrations/index.ts';

// What a roster file holds, asked of the file itself: its header, read without SQLite, and its
// tables. Backups and the safe open both judge files this way.

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * What a SQLite file's first 100 bytes say. `short`: it ends before its last page.
 * `expectedBytes`: its size by the header's page count, when that count can be trusted.
 */
export type Header =
  { sqlite: false } | { sqlite: true; valid: false } | { sqlite: true; valid: true; short: boolean; expectedBytes: number | null };

/** The first 100 bytes of a file, where SQLite keeps its header. Throws when the file cannot be read. */
export function headerBytes(file: string): Buffer {
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  return header;
}

/** Read the header of a file of `size` bytes (size > 0). Throws when the file cannot be read. */
export function readHeader(file: string, size: number): Header {
  const header = headerBytes(file);
  if (size < 100 || !header.subarray(0, 16).equals(SQLITE_HEADER)) return { sqlite: false };
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return { sqlite: true, valid: false };
  const pages = header.readUInt32BE(28);
  // The page count in the header is meaningful only when it was written with the current change counter.
  const countValid = pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
  const expectedBytes = countValid ? pages * pageSize : null;
  return { sqlite: true, valid: true, short: size % pageSize !== 0 || (expectedBytes !== null && size < expectedBytes), expectedBytes };
}

export const tablesIn = (db: Database.Database): string[] =>
  db
    .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all()
    .map((t) => t.name);

/** The tables a roster has after the first `count` migrations, worked out once per list in an empty database. */
const expected = new WeakMap<readonly Migration[], Map<number, string[]>>();
export function tablesAfter(migrations: readonly Migration[], count: number): string[] {
  let byCount = expected.get(migrations);
  if (!byCount) expected.set(migrations, (byCount = new Map()));
  let tables = byCount.get(count);
  if (!tables) {
    const scratch = new Database(':memory:');
    try {
      for (const m of migrations.slice(0, count)) scratch.exec(m.sql);
      tables = tablesIn(scratch);
    } finally {
      scratch.close();
    }
    byCount.set(count, tables);
  }
  return tables;
}
