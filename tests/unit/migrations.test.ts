import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appliedMigrations, openDatabase } from '../../data/db.ts';
import { MIGRATIONS } from '../../data/migrations/index.ts';
import { tempDir } from '../helpers/temp-db.ts';

describe('migrations', () => {
  it('create the schema on a fresh file, with durable WAL and foreign keys on', () => {
    const file = join(tempDir(), 'fresh.sqlite');
    const db = openDatabase(file);
    expect(appliedMigrations(db)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['teams', 'engineers', 'level_changes', 'quarters', 'work_items', 'assignments', 'changes']),
    );
    db.close();
  });

  it('re-run on an existing file changes nothing', () => {
    const file = join(tempDir(), 'again.sqlite');
    openDatabase(file).close();
    const schemaBefore = new Database(file).prepare('SELECT sql FROM sqlite_master ORDER BY name').pluck().all();
    const db = openDatabase(file);
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT sql FROM sqlite_master ORDER BY name').pluck().all()).toEqual(schemaBefore);
    db.close();
  });

  it('apply a new migration to an older database, in order', () => {
    const file = join(tempDir(), 'older.sqlite');
    openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) }).close();
    const next = [...MIGRATIONS, { name: '9999_test_column', sql: 'ALTER TABLE teams ADD COLUMN colour TEXT' }];
    const db = openDatabase(file, { migrations: next });
    expect(appliedMigrations(db)).toEqual(next.map((m) => m.name));
    db.close();
  });

  it('a failing migration rolls back whole, leaving the file as it was', () => {
    const file = join(tempDir(), 'broken.sqlite');
    openDatabase(file).close();
    const broken = [...MIGRATIONS, { name: '9998_broken', sql: 'CREATE TABLE half (x); SELECT * FROM no_such_table;' }];
    expect(() => openDatabase(file, { migrations: broken })).toThrow(/no_such_table/);
    const raw = new Database(file);
    expect(raw.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'half'`).pluck().get()).toBe(0);
    expect(raw.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    raw.close();
  });

  it('refuse a database written by a newer version, and never alter it', () => {
    const file = join(tempDir(), 'newer.sqlite');
    openDatabase(file, { migrations: [...MIGRATIONS, { name: '9999_from_the_future', sql: 'CREATE TABLE future (x)' }] }).close();
    const before = new Database(file).prepare('SELECT name FROM schema_migrations ORDER BY version').pluck().all();
    expect(() => openDatabase(file)).toThrow(/newer version of Rungs.*9999_from_the_future.*not changed/);
    const after = new Database(file).prepare('SELECT name FROM schema_migrations ORDER BY version').pluck().all();
    expect(after).toEqual(before);
  });
});
