import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../data/db.ts';
import { ensureStarted } from '../../data/demo-team.ts';
import { RungsError } from '../../shared/errors.ts';
import { tempDir } from '../helpers/temp-db.ts';

describe('a damaged roster file is refused at start-up and left untouched', () => {
  it('quick_check passes on a healthy roster', () => {
    const file = join(tempDir(), 'ok.sqlite');
    const db = openDatabase(file);
    ensureStarted(db, { demo: true });
    db.close();
    expect(() => openDatabase(file).close()).not.toThrow();
  });

  it('a file with a scribbled-over page is refused with a typed error, and not written to', () => {
    const file = join(tempDir(), 'torn.sqlite');
    const db = openDatabase(file);
    ensureStarted(db, { demo: true });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Scribble over the b-tree header of every page after the first (the file header and schema stay readable).
    const pageSize = 4096;
    const pages = statSync(file).size / pageSize;
    const fd = openSync(file, 'r+');
    for (let p = 1; p < pages; p++) writeSync(fd, Buffer.alloc(12, 0xa5), 0, 12, p * pageSize);
    closeSync(fd);
    const damaged = readFileSync(file);
    let error: unknown;
    try {
      openDatabase(file).close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RungsError);
    expect(error).toMatchObject({ code: 'database', message: expect.stringMatching(/damaged.*did not change it/) });
    expect(readFileSync(file).equals(damaged)).toBe(true);
  });
});
