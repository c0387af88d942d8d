import type { z } from 'zod';
import type { Db } from '../store/db.ts';
import { plucked, prepared } from '../store/statements.ts';

// What an import remembers between files (a mapping per header), kept in the settings table: not
// part of the plan, so not in History.

export function readSetting<T>(db: Db, key: string, schema: z.ZodType<T>): T | null {
  const raw = plucked<[string], string>(db, 'SELECT value FROM settings WHERE key = ?').get(key);
  if (raw === undefined) return null;
  try {
    const r = schema.safeParse(JSON.parse(raw));
    return r.success ? r.data : null;
  } catch {
    // A damaged setting is a forgotten mapping, not a refused import.
    return null;
  }
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  prepared<[string, string]>(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}
