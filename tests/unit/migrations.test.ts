import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appliedMigrations, openDatabase } from '../../data/store/db.ts';
import { MIGRATIONS } from '../../data/store/migrations/index.ts';
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

  it('give work on a roster made before work had teams its team, carrying every existing row over', () => {
    const file = join(tempDir(), 'before-teams.sqlite');
    const before = MIGRATIONS.slice(
      0,
      MIGRATIONS.findIndex((m) => m.name === '0003_work_teams_and_carried_work'),
    );
    const old = openDatabase(file, { migrations: before });
    old.exec(`
      INSERT INTO teams (id, name) VALUES (1, 'Checkout'), (2, 'Growth');
      INSERT INTO engineers (id, name, level, team_id, capacity, active) VALUES
        (1, 'Ana Sousa', 1, 1, 10, 1), (2, 'Jade Martin', 1, 2, NULL, 0);
      INSERT INTO level_changes (engineer_id, from_level, to_level, changed_on) VALUES (1, NULL, 1, '2026-01-05');
      INSERT INTO quarters (id, name) VALUES (1, '2026 Q4'), (2, '2027 Q1');
      INSERT INTO work_items (id, kind, parent_id, quarter_id, title, description, rung, size, touchpoints, status, sort_key) VALUES
        (1, 'initiative', NULL, 1, 'Checkout revamp', 'Drop-off doubled', 2, 13, '["Build"]', 'in_progress', 1024),
        (2, 'story', 1, 1, 'Inline errors', '', 1, 3, '[]', 'planned', 2048),
        (3, 'initiative', NULL, 1, 'Referral rewards', '', 2, NULL, '[]', 'planned', 3072),
        (4, 'story', 3, 1, 'Referral link', '', 1, 2, '[]', 'done', 4096),
        (5, 'initiative', NULL, 2, 'Find churn', '', 3, 21, '[]', 'planned', 1024),
        (6, 'story', 5, 2, 'Pull retention', '', 0, 1, '[]', 'planned', 2048),
        (7, 'story', NULL, 2, 'Upgrade the SDK', '', 1, 2, '[]', 'planned', 3072);
      INSERT INTO assignments (item_id, engineer_id, reviewer_id, lead_reviews, ack_note) VALUES
        (1, 1, NULL, 1, NULL), (3, 2, NULL, 0, NULL), (6, 1, NULL, 0, 'pairs with Marcus');
      INSERT INTO changes (at, summary, rows) VALUES ('2026-11-01T10:00:00.000Z', 'Added the team Checkout', '[]');
      INSERT INTO settings (key, value) VALUES ('lead', 'Sam');
    `);
    const tables = ['teams', 'engineers', 'level_changes', 'quarters', 'work_items', 'assignments', 'changes', 'settings'];
    const dump = (db: Database.Database) =>
      Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all() as Record<string, unknown>[]]));
    const was = dump(old);
    old.close();

    const db = openDatabase(file);
    expect(appliedMigrations(db)).toEqual(MIGRATIONS.map((m) => m.name));
    const now = dump(db);
    // Every row of every table is still there with every value it had; work items gain three columns.
    for (const t of tables) {
      expect(now[t]!.length, t).toBe(was[t]!.length);
      now[t]!.forEach((row, i) => expect(row, `${t} row ${i}`).toMatchObject(was[t]![i]!));
    }
    // An initiative is its DRI's team's work (an inactive DRI still names it); none without a DRI;
    // a story is its initiative's; a loose story has none. Nothing was carried over.
    expect(now.work_items!.map((w) => [w.title, w.team_id, w.carried_from_quarter_id, w.carried_ack_note])).toEqual([
      ['Checkout revamp', 1, null, null],
      ['Inline errors', 1, null, null],
      ['Referral rewards', 2, null, null],
      ['Referral link', 2, null, null],
      ['Find churn', null, null, null],
      ['Pull retention', null, null, null],
      ['Upgrade the SDK', null, null, null],
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
  it('give engineers on a roster made before employee ids an empty one, and keep one person per id', () => {
    const file = join(tempDir(), 'before-ids.sqlite');
    const old = openDatabase(file, {
      migrations: MIGRATIONS.slice(
        0,
        MIGRATIONS.findIndex((m) => m.name === '0006_engineer_external_keys'),
      ),
    });
    old.exec(`
      INSERT INTO teams (id, name) VALUES (1, 'Checkout');
      INSERT INTO engineers (id, name, level, team_id, capacity, active) VALUES (1, 'Ana Sousa', 1, 1, 10, 1), (2, 'Bo Lee', 2, 1, NULL, 0);
    `);
    const was = old.prepare('SELECT * FROM engineers ORDER BY id').all();
    old.close();
    const db = openDatabase(file);
    const now = db.prepare('SELECT * FROM engineers ORDER BY id').all() as Record<string, unknown>[];
    expect(now.map(({ external_key: _key, ...e }) => e)).toEqual(was);
    expect(now.map((e) => e.external_key)).toEqual([null, null]);
    db.prepare(`UPDATE engineers SET external_key = 'E1' WHERE id = 1`).run();
    expect(() => db.prepare(`UPDATE engineers SET external_key = 'E1' WHERE id = 2`).run()).toThrow(/UNIQUE/);
    expect(() => db.prepare(`UPDATE engineers SET external_key = '' WHERE id = 2`).run()).toThrow(/CHECK/);
    db.close();
  });
});
