import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BACKUPS_KEPT, backupAtLaunchIfDue, backupDirFor, backupNow, listBackups, LAUNCH_BACKUP_AGE_MS } from '../../data/backup.ts';
import { openDatabase } from '../../data/db.ts';
import { createDispatcher } from '../../data/dispatch.ts';
import { ensureStarted } from '../../data/demo-team.ts';
import { MIGRATIONS } from '../../data/migrations/index.ts';
import { ids } from '../helpers/channel-samples.ts';
import { BACKLOG_CSV, ROSTER_CSV } from '../helpers/samples/transfer.ts';
import { ok, rowCounts, tempDir, tempRoster } from '../helpers/temp-db.ts';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const countIn = (file: string, sql: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
};

describe('a backup is taken at launch when the newest is older than a day', () => {
  it('takes one when there is none, none the same day, and one again a day later', async () => {
    const { db, file } = tempRoster();
    const first = await backupAtLaunchIfDue(db, file);
    expect(first?.reason).toBe('launch');
    expect(await backupAtLaunchIfDue(db, file)).toBeNull();
    expect(await backupAtLaunchIfDue(db, file, Date.now() + LAUNCH_BACKUP_AGE_MS + 1000)).not.toBeNull();
    const copy = join(backupDirFor(file), first!.name);
    expect(countIn(copy, 'PRAGMA integrity_check')).toBe('ok');
    expect(countIn(copy, 'SELECT count(*) FROM assignments')).toBe(rowCounts(db).assignments);
  });
});

describe('a backup is taken before every migration', () => {
  it('copies the roster as it was before the schema changed', () => {
    const file = join(tempDir(), 'rungs.sqlite');
    const old = openDatabase(file);
    ensureStarted(old, { demo: true });
    old.close();
    const next = [...MIGRATIONS, { name: '9999_test_column', sql: 'ALTER TABLE teams ADD COLUMN colour TEXT' }];
    openDatabase(file, { migrations: next }).close();
    const backups = listBackups(file);
    expect(backups.map((b) => b.reason)).toEqual(['migration']);
    const copy = join(backupDirFor(file), backups[0]!.name);
    expect(countIn(copy, 'SELECT count(*) FROM schema_migrations')).toBe(MIGRATIONS.length);
    expect(countIn(copy, 'SELECT count(*) FROM engineers')).toBeGreaterThan(0);
  });

  it('but not for a brand-new file, nor when nothing is pending', () => {
    const file = join(tempDir(), 'rungs.sqlite');
    openDatabase(file).close();
    openDatabase(file).close();
    expect(listBackups(file)).toEqual([]);
  });
});

describe('only the newest backups are kept', () => {
  it(`keeps ${BACKUPS_KEPT}`, () => {
    const { db, file } = tempRoster();
    const made = Array.from({ length: BACKUPS_KEPT + 3 }, () => backupNow(db, file, 'manual').name);
    const kept = listBackups(file).map((b) => b.name);
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(new Set(kept)).toEqual(new Set(made.slice(-BACKUPS_KEPT)));
  });
});

describe('backups.list names every backup with its date and size', () => {
  it('newest first', () => {
    const { db, file, dispatch } = tempRoster();
    backupNow(db, file, 'manual');
    backupNow(db, file, 'launch');
    const list = ok(dispatch('backups.list', {}));
    expect(list.map((b) => b.reason)).toEqual(['launch', 'manual']);
    for (const b of list) {
      expect(Number.isNaN(Date.parse(b.createdAt))).toBe(false);
      expect(b.bytes).toBeGreaterThan(4096);
    }
  });
});

describe('backups.restore puts a backup back without losing the current roster', () => {
  it('restores the backup, and keeps what was there as a new backup that can be restored in turn', () => {
    const { db, file, dispatch } = tempRoster();
    const before = backupNow(db, file, 'manual');
    const id = ids(db);
    ok(dispatch('plan.assign', { itemId: id.backlogStory, engineerId: id.junior }));
    const assigned = rowCounts(db);
    const backupHash = sha(join(backupDirFor(file), before.name));

    const r = ok(dispatch('backups.restore', { name: before.name }));
    expect(r.restored).toBe(before.name);
    expect(rowCounts(db).assignments).toBe(assigned.assignments! - 1);
    expect(db.prepare('SELECT count(*) FROM assignments WHERE item_id = ?').pluck().get(id.backlogStory)).toBe(0);
    expect(sha(join(backupDirFor(file), before.name))).toBe(backupHash);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);

    ok(dispatch('backups.restore', { name: r.setAside }));
    expect(rowCounts(db)).toEqual(assigned);
    expect(db.prepare('SELECT engineer_id FROM assignments WHERE item_id = ?').pluck().get(id.backlogStory)).toBe(id.junior);
  });

  it('refuses, typed, a backup whose schema cannot be brought to this one, changing neither it nor the roster', () => {
    const dir = tempDir();
    const file = join(dir, 'rungs.sqlite');
    const old = openDatabase(file);
    ensureStarted(old, { demo: true });
    old.close();
    const next = [...MIGRATIONS, { name: '9999_test_column', sql: "ALTER TABLE teams ADD COLUMN colour TEXT NOT NULL DEFAULT 'blue'" }];
    const db = openDatabase(file, { migrations: next });
    const { dispatch } = createDispatcher(db, { version: 'test', databasePath: file });
    const [migrationBackup] = listBackups(file);
    const hash = sha(join(backupDirFor(file), migrationBackup!.name));
    const counts = rowCounts(db);
    // The scratch copy is migrated by the app's own migrations: with this test's extra one it cannot
    // match, so this proves the refusal is typed and harmless; the list stays as it was.
    const r = dispatch('backups.restore', { name: migrationBackup!.name });
    expect(r.ok ? 'ok' : r.error.code).toBe('database');
    expect(sha(join(backupDirFor(file), migrationBackup!.name))).toBe(hash);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(rowCounts(db)).toEqual(counts);
    db.close();
  });

  it('refuses names that are not backups in the list, paths included, changing nothing', () => {
    const { db, file, dispatchUnknown } = tempRoster();
    backupNow(db, file, 'manual');
    const before = rowCounts(db);
    const hostile = [
      '../rungs.sqlite',
      '..%2Frungs.sqlite',
      '/etc/passwd',
      'rungs.sqlite',
      'rungs-2020-01-01T00-00-00-000Z-manual.sqlite',
      'C:\\Windows\\x.sqlite',
      `${'a'.repeat(500)}.sqlite`,
    ];
    for (const name of hostile) {
      const r = dispatchUnknown('backups.restore', { name });
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(['invalid_input', 'not_found']).toContain(r.error.code);
    }
    expect(rowCounts(db)).toEqual(before);
    expect(listBackups(file)).toHaveLength(1);
  });
});

describe('a backup is taken before every import, holding the roster as it was', () => {
  const engineersIn = (file: string) => countIn(file, 'SELECT count(*) FROM engineers');

  it('a roster CSV: the backup has the rows from before, the roster the new ones', () => {
    const { db, file, dispatch } = tempRoster();
    const before = rowCounts(db);
    ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, text: ROSTER_CSV }));
    const [backup, ...rest] = listBackups(file);
    expect(rest).toEqual([]);
    expect(backup!.reason).toBe('import');
    const copy = join(backupDirFor(file), backup!.name);
    expect(countIn(copy, 'PRAGMA integrity_check')).toBe('ok');
    expect(engineersIn(copy)).toBe(before.engineers);
    expect(countIn(copy, 'SELECT count(*) FROM changes')).toBe(before.changes);
    expect(rowCounts(db).engineers).toBe(before.engineers! + 2);
    expect(countIn(copy, "SELECT count(*) FROM engineers WHERE name = 'Nadia Ali'")).toBe(0);
  });

  it('a backlog CSV', () => {
    const { db, file, dispatch } = tempRoster();
    const items = rowCounts(db).work_items;
    ok(dispatch('import.commitCsv', { kind: 'backlog', quarterId: 1, text: BACKLOG_CSV }));
    const copy = join(backupDirFor(file), listBackups(file)[0]!.name);
    expect(countIn(copy, 'SELECT count(*) FROM work_items')).toBe(items);
    expect(rowCounts(db).work_items).toBe(items! + 2);
  });

  it('a JSON document (into the empty roster, which is what the backup holds)', () => {
    const text = ok(tempRoster().dispatch('export.json', {})).text;
    const { db, file, dispatch } = tempRoster({ demo: false });
    const before = rowCounts(db);
    ok(dispatch('import.json', { text }));
    const [backup] = listBackups(file);
    expect(backup!.reason).toBe('import');
    const copy = join(backupDirFor(file), backup!.name);
    expect(engineersIn(copy)).toBe(0);
    expect(countIn(copy, 'SELECT count(*) FROM quarters')).toBe(before.quarters);
    expect(rowCounts(db).engineers).toBe(11);
  });

  it('but not for a file that is refused, so failed attempts never push good backups out', () => {
    const { file, dispatch } = tempRoster();
    expect(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, text: 'name,level,team\nAna,Wizard,Core\n' }).ok).toBe(false);
    expect(dispatch('import.json', { text: '{' }).ok).toBe(false);
    expect(listBackups(file)).toEqual([]);
  });
});

describe('backups.create takes one on request', () => {
  it('answers with the new backup, which the list shows first', () => {
    const { db, file, dispatch } = tempRoster();
    const made = ok(dispatch('backups.create', {}));
    expect(made).toMatchObject({ reason: 'manual' });
    expect(made.bytes).toBeGreaterThan(4096);
    expect(ok(dispatch('backups.list', {}))[0]).toEqual(made);
    expect(countIn(join(backupDirFor(file), made.name), 'SELECT count(*) FROM engineers')).toBe(rowCounts(db).engineers);
  });
});
