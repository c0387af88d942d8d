import type Database from 'better-sqlite3';
import type { Db } from './db.ts';

// Preparing a statement parses and plans its SQL; at board scale that cost dominated small reads
// and writes. Statements are cached per connection (a WeakMap, so a closed database and its
// statements are collected together) and keyed by their SQL text.
// pluck() changes a statement's mode for every later caller, so a plucked statement is cached
// apart from the plain one (`plucked`), and never re-moded. Handlers prepare through these two
// only; a bare db.prepare belongs where a statement is built once (opening, migrating, seeding,
// backups and salvage on their own connections).

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

export function prepared<P extends unknown[] | {} = unknown[], R = unknown>(db: Db, sql: string): Database.Statement<P, R> {
  return cached(db, sql, false) as unknown as Database.Statement<P, R>;
}

/** The first column of each row, cached like `prepared`: `plucked<[number], number>(db, 'SELECT count(*) …').get(id)`. */
export function plucked<P extends unknown[] | {} = unknown[], R = unknown>(db: Db, sql: string): Database.Statement<P, R> {
  return cached(db, sql, true) as unknown as Database.Statement<P, R>;
}

function cached(db: Db, sql: string, pluck: boolean): Database.Statement {
  const key = pluck ? `pluck\u0000${sql}` : sql;
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(key);
  if (!statement) {
    statement = pluck ? db.prepare(sql).pluck() : db.prepare(sql);
    cache.set(key, statement);
  }
  return statement;
}
