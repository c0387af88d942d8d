import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { ensureStarted } from '../../data/seed/demo-team.ts';
import { type Db, openDatabase } from '../../data/store/db.ts';
import { toBase64 } from '../../shared/decode.ts';
import { createDispatcher } from '../../data/handlers/dispatch.ts';

// Each test gets its own folder and database file; nothing is shared between tests.

/** The shipped competency map, as the shells pass it to the dispatcher. */
export const MAP_FILE = fileURLToPath(new URL('../../data/competency-map.md', import.meta.url));

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rungs-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function tempRoster({ demo = true }: { demo?: boolean } = {}) {
  const dir = tempDir();
  const file = join(dir, 'rungs.sqlite');
  const db = openDatabase(file);
  cleanups.unshift(() => db.open && db.close());
  ensureStarted(db, { demo });
  const { dispatch, dispatchUnknown } = createDispatcher(db, { databasePath: file, mapFile: MAP_FILE });
  return { db, file, dir, dispatch, dispatchUnknown };
}

export function rowCounts(db: Db): Record<string, number> {
  const tables = db
    .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all();
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n]));
}

/** Unwrap a Result, failing the test with the error's message. */
export function ok<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`Expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A CSV file's text as the import channels take it: its UTF-8 bytes, as base64. */
export const csvBytes = (text: string): string => toBase64(new TextEncoder().encode(text));
