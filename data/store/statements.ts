import type Database from 'better-sqlite3';
import type { Db } from './db.ts';

// Preparing a statement parses and plans its SQL; at board scale that cost dominated small reads
// and writes. Statements are cached per connection (a WeakMap, so a closed database and its
// statements are collected together) and keyed by their SQL text.
// Only for statements used with run/get/all: pluck() and raw() change a statement's mode for
// every later caller, so callers that need them prepare their own.

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

export function prepared<P extends unknown[] | {} = unknown[], R = unknown>(db: Db, sql: string): Database.Statement<P, R> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement as unknown as Database.Statement<P, R>;
}
