import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { backupAtLaunchIfDue, backupBeforeMigrating, backupNow } from '../../data/safety/backup.ts';
import { BACKUPS_KEPT, LAUNCH_BACKUP_AGE_MS, backupDirFor } from '../../data/safety/backup-files.ts';
import { listBackups, scanBackups } from '../../data/safety/backup-list.ts';
import { type Db, openDatabase } from '../../data/store/db.ts';
import { createDispatcher } from '../../data/handlers/dispatch.ts';
import { createHandlers } from '../../data/handlers/index.ts';
import { safetyHandlers } from '../../data/handlers/safety.ts';
import { MIGRATIONS, type Migration } from '../../data/store/migrations/index.ts';
import { ensureStarted } from '../../data/seed/demo-team.ts';
import { ids } from '../helpers/channel-samples.ts';
import { BACKLOG_CSV, ROSTER_CSV } from '../helpers/samples/transfer.ts';
import { csvBytes, ok, rowCounts, tempDir, tempRoster } from '../helpers/temp-db.ts';

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
    openDatabase(file, { migrations: next, beforeMigrating: backupBeforeMigrating }).close();
    const backups = listBackups(file);
    expect(backups.map((b) => b.reason)).toEqual(['migration']);
    const copy = join(backupDirFor(file), backups[0]!.name);
    expect(countIn(copy, 'SELECT count(*) FROM schema_migrations')).toBe(MIGRATIONS.length);
    expect(countIn(copy, 'SELECT count(*) FROM engineers')).toBeGreaterThan(0);
  });

  it('but not for a brand-new file, nor when nothing is pending', () => {
    const file = join(tempDir(), 'rungs.sqlite');
    openDatabase(file, { beforeMigrating: backupBeforeMigrating }).close();
    openDatabase(file, { beforeMigrating: backupBeforeMigrating }).close();
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
    const list = ok(dispatch('backups.list', {})).backups;
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
    const db = openDatabase(file, { migrations: next, beforeMigrating: backupBeforeMigrating });
    const { dispatch } = createDispatcher(db, { databasePath: file });
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
    ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(ROSTER_CSV) }));
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
    ok(dispatch('import.commitCsv', { kind: 'backlog', quarterId: 1, bytes: csvBytes(BACKLOG_CSV) }));
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
    expect(
      dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: csvBytes('name,level,team\nAna,Wizard,Core\n') }).ok,
    ).toBe(false);
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
    expect(ok(dispatch('backups.list', {})).backups[0]).toEqual(made);
    expect(countIn(join(backupDirFor(file), made.name), 'SELECT count(*) FROM engineers')).toBe(rowCounts(db).engineers);
  });
});

// ---- A backup counts only when it is whole ----

/** A backup file name for this roster, `minutesAgo` before now (so tests can place files in time). */
const nameAt = (reason: string, minutesAgo = 0) =>
  `rungs-${new Date(Date.now() - minutesAgo * 60_000).toISOString().replace(/[:.]/g, '-')}-${reason}.sqlite`;

/** A process id that is surely not running: a child that has already exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

/**
 * A real full disk: a small tmpfs mounted on the backups folder. Needs root; returns why not when
 * the system refuses, so the test says it was skipped and why instead of passing quietly.
 */
function smallDiskAt(dir: string, kb: number): { unmount: () => void } | { refused: string } {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    const why = String((error as { stderr?: Buffer }).stderr ?? error).trim();
    return { refused: `mounting a ${kb} KB tmpfs was refused (${why}); run as root to test a real full disk` };
  }
  return { unmount: () => execFileSync('umount', [dir]) };
}

/** Leave about `bytes` free on the file system that holds `dir`. */
function fillDisk(dir: string, bytes: number): string {
  const { bavail, bsize } = statfsSync(dir);
  const filler = join(dir, 'filler.bin');
  writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - bytes)));
  return filler;
}

/** Each kind of backup on a disk with 8 KB left: none is kept, each says why, the good one stays. */
async function onFullDisk(db: Db, file: string, dispatch: ReturnType<typeof tempRoster>['dispatch'], dir: string) {
  const good = backupNow(db, file, 'manual');
  const before = rowCounts(db);
  const filler = fillDisk(dir, 8 * 1024);

  expect(() => backupNow(db, file, 'manual')).toThrow(/^Rungs could not write a backup: the disk is full/);
  await expect(backupAtLaunchIfDue(db, file, Date.now() + LAUNCH_BACKUP_AGE_MS + 1000)).rejects.toThrow(/the disk is full/);
  const imported = dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(ROSTER_CSV) });
  expect(imported.ok ? 'ok' : imported.error.message).toMatch(/^Rungs could not write a backup: the disk is full/);
  const restored = dispatch('backups.restore', { name: good.name });
  expect(restored.ok ? 'ok' : restored.error.message).toMatch(/^Rungs could not restore the backup .+: the disk is full/);

  expect(rowCounts(db)).toEqual(before);
  expect(readdirSync(dir).sort()).toEqual([good.name, 'filler.bin'].sort());
  expect(scanBackups(file)).toEqual({ backups: [good], damaged: [] });

  // Space again: backups work, and the next launch is due because nothing false was counted.
  rmSync(filler);
  expect(await backupAtLaunchIfDue(db, file, Date.now() + LAUNCH_BACKUP_AGE_MS + 1000)).not.toBeNull();
  expect(listBackups(file)).toHaveLength(2);
}

describe('a backup that could not be written whole is not kept, and says why', () => {
  it('on a really full disk: each kind of backup fails in words, leaves no file behind, and takes no good one with it', async (ctx) => {
    const { db, file, dispatch } = tempRoster();
    const dir = backupDirFor(file);
    const disk = smallDiskAt(dir, 1024);
    if ('refused' in disk) return ctx.skip(disk.refused);
    // Unmounted inside the test: the temporary folder is removed after it, and a mount would block that.
    try {
      await onFullDisk(db, file, dispatch, dir);
    } finally {
      disk.unmount();
    }
  });

  it('what a killed backup or restore left behind is removed at the next listing; a running one is left alone', () => {
    const { file } = tempRoster();
    const dir = backupDirFor(file);
    mkdirSync(dir, { recursive: true });
    const dead = deadPid();
    const leftovers = [`.partial-${dead}-1-0`, `.partial-${dead}-1-0-journal`, `.restore-${dead}-1-1`, `.restore-${dead}-1-1-wal`];
    // Ours but not in flight: this process was killed and its id came back (a restart in a container).
    leftovers.push(`.partial-${process.pid}-1-2`);
    const running = `.partial-${process.ppid}-1-3`;
    for (const name of [...leftovers, running]) writeFileSync(join(dir, name), 'half a backup');
    expect(listBackups(file)).toEqual([]);
    expect(readdirSync(dir)).toEqual([running]);
  });
});

describe('listing, counting and restoring see only whole rosters of a known schema; the others are reported', () => {
  const next: Migration[] = [
    ...MIGRATIONS,
    { name: '9999_test_column', sql: `ALTER TABLE teams ADD COLUMN colour TEXT NOT NULL DEFAULT 'blue'` },
  ];

  /** One good backup, and one file of each kind that must not count, each newer than the good one. */
  function rosterWithDamagedBackups() {
    const r = tempRoster();
    const dir = backupDirFor(r.file);
    const good = backupNow(r.db, r.file, 'manual');
    const goodFile = join(dir, good.name);
    const put = (minutesAgo: number, make: (f: string) => void) => {
      const name = nameAt('launch', minutesAgo);
      make(join(dir, name));
      return name;
    };
    const damaged = {
      zeroBytes: put(1, (f) => writeFileSync(f, '')),
      notSqlite: put(2, (f) => writeFileSync(f, 'name,level\nAna,Senior\n'.repeat(300))),
      cutShort: put(3, (f) => {
        copyFileSync(goodFile, f);
        truncateSync(f, 4096 * 2);
      }),
      hotJournal: put(4, (f) => {
        copyFileSync(goodFile, f);
        writeFileSync(`${f}-journal`, Buffer.alloc(4096, 1));
      }),
      corrupt: put(5, (f) => {
        copyFileSync(goodFile, f);
        const bytes = readFileSync(f);
        bytes.fill(0xa5, 4096 * 2, 4096 * 6);
        writeFileSync(f, bytes);
      }),
      noRoster: put(6, (f) => {
        const empty = new Database(f);
        empty.exec('CREATE TABLE notes (body TEXT)');
        empty.close();
      }),
      newer: put(7, (f) => {
        const newer = openDatabase(join(tempDir(), 'newer.sqlite'), { migrations: next });
        newer.prepare('VACUUM INTO ?').run(f);
        newer.close();
      }),
    };
    return { ...r, dir, good, damaged };
  }

  it('backups.list gives the good ones, and the others apart with the reason in words', () => {
    const { dispatch, good, damaged } = rosterWithDamagedBackups();
    const list = ok(dispatch('backups.list', {}));
    expect(list.backups).toEqual([good]);
    const problem = Object.fromEntries(list.damaged.map((d) => [d.name, d.problem]));
    expect(problem[damaged.zeroBytes]).toBe('damaged: 0 bytes (an interrupted backup)');
    expect(problem[damaged.notSqlite]).toBe('damaged: it is not a SQLite database');
    expect(problem[damaged.cutShort]).toMatch(/^damaged: cut short, 8192 bytes where \d+ were expected$/);
    expect(problem[damaged.hotJournal]).toMatch(/^damaged: an unfinished write beside it \(.+-journal\)$/);
    expect(problem[damaged.corrupt]).toMatch(/^damaged: (SQLite found errors inside it|it cannot be read)/);
    expect(problem[damaged.noRoster]).toBe('empty: it holds no roster');
    expect(problem[damaged.newer]).toBe('written by a newer version of Rungs (it has 9999_test_column)');
    expect(list.damaged).toHaveLength(7);
  });

  it('none of them can be restored, and trying changes nothing (no set-aside backup either)', () => {
    const { db, file, dir, dispatch, damaged } = rosterWithDamagedBackups();
    const before = rowCounts(db);
    for (const name of Object.values(damaged)) {
      const r = dispatch('backups.restore', { name });
      expect(r.ok ? 'ok' : r.error.code, name).toBe('database');
      if (!r.ok) expect(r.error.message).toMatch(new RegExp(`^The backup ${name.replace(/[.]/g, '\\.')} cannot be restored: `));
    }
    expect(rowCounts(db)).toEqual(before);
    expect(listBackups(file)).toHaveLength(1);
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it(`they are not counted among the newest ${BACKUPS_KEPT}: pruning keeps ${BACKUPS_KEPT} good ones and leaves the others on disk`, () => {
    const { db, file, dir, damaged } = rosterWithDamagedBackups();
    const made = Array.from({ length: BACKUPS_KEPT + 2 }, () => backupNow(db, file, 'manual').name);
    expect(listBackups(file).map((b) => b.name)).toEqual(made.slice(-BACKUPS_KEPT).reverse());
    for (const name of Object.values(damaged)) expect(existsSync(join(dir, name)), name).toBe(true);
  });

  it('a damaged backup from a moment ago does not stop the launch backup', async () => {
    const { db, file } = tempRoster();
    const dir = backupDirFor(file);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, nameAt('launch')), '');
    expect((await backupAtLaunchIfDue(db, file))?.reason).toBe('launch');
  });
});

describe('an older backup is brought up to the roster’s schema, or refused with a reason; the roster is never emptied', () => {
  const withColour: Migration[] = [
    ...MIGRATIONS,
    { name: '9999_test_column', sql: `ALTER TABLE teams ADD COLUMN colour TEXT NOT NULL DEFAULT 'blue'` },
  ];
  const uniqueNames: Migration[] = [
    ...MIGRATIONS,
    { name: '9999_test_unique_names', sql: 'CREATE UNIQUE INDEX engineers_name ON engineers (name)' },
  ];

  /** A roster written with MIGRATIONS and backed up, then opened by a Rungs that knows `migrations`. */
  function upgraded(migrations: readonly Migration[], beforeBackup?: (db: Db) => void, afterBackup?: (db: Db) => void) {
    const file = join(tempDir(), 'rungs.sqlite');
    const old = openDatabase(file);
    ensureStarted(old, { demo: true });
    beforeBackup?.(old);
    const backup = backupNow(old, file, 'manual');
    const backedUp = rowCounts(old);
    afterBackup?.(old);
    old.close();
    const db = openDatabase(file, { migrations, beforeMigrating: backupBeforeMigrating });
    onTestFinished(() => {
      db.close();
    });
    const info = { databasePath: file };
    const { dispatch } = createDispatcher(db, info, { ...createHandlers(info), ...safetyHandlers({ databasePath: file, migrations }) });
    return { db, file, dispatch, backup, backedUp };
  }

  it('a backup made with only the first migrations is migrated on a scratch copy and restored', () => {
    const { db, file, dispatch, backup, backedUp } = upgraded(withColour, undefined, (old) => {
      old.prepare(`DELETE FROM assignments`).run();
    });
    const hash = sha(join(backupDirFor(file), backup.name));
    expect(rowCounts(db).assignments).toBe(0);
    expect(ok(dispatch('backups.restore', { name: backup.name })).restored).toBe(backup.name);
    const { schema_migrations, ...rows } = rowCounts(db);
    const { schema_migrations: backedUpMigrations, ...backedUpRows } = backedUp;
    expect(rows).toEqual(backedUpRows);
    expect(backedUpMigrations).toBe(MIGRATIONS.length);
    expect(schema_migrations).toBe(withColour.length);
    expect(db.prepare(`SELECT DISTINCT colour FROM teams`).pluck().all()).toEqual(['blue']);
    expect(sha(join(backupDirFor(file), backup.name))).toBe(hash);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('one whose migration fails on its rows is refused with the reason, and nothing changes', () => {
    const twice = (db: Db) => {
      const team = db.prepare('SELECT id FROM teams LIMIT 1').pluck().get();
      for (let i = 0; i < 2; i++) db.prepare(`INSERT INTO engineers (name, level, team_id) VALUES ('Sam Twice', 1, ?)`).run(team);
    };
    const { db, file, dispatch, backup } = upgraded(uniqueNames, twice, (old) => {
      old.prepare(`DELETE FROM engineers WHERE name = 'Sam Twice' AND id = (SELECT max(id) FROM engineers)`).run();
    });
    const before = rowCounts(db);
    const backups = listBackups(file).map((b) => b.name);
    const r = dispatch('backups.restore', { name: backup.name });
    expect(r.ok ? 'ok' : r.error.message).toMatch(
      /^The backup .+ could not be brought up to this version of Rungs \(.*UNIQUE constraint failed: engineers\.name.*\)\. Nothing was changed\.$/,
    );
    expect(rowCounts(db)).toEqual(before);
    expect(listBackups(file).map((b) => b.name)).toEqual(backups);
  });

  it('a file with no roster in it is refused; the roster keeps its rows', () => {
    const { db, file, dispatch } = tempRoster();
    const dir = backupDirFor(file);
    mkdirSync(dir, { recursive: true });
    const name = nameAt('manual');
    new Database(join(dir, name)).close();
    writeFileSync(join(dir, name), '');
    const other = nameAt('launch', 1);
    const blank = new Database(join(dir, other));
    blank.exec('VACUUM');
    blank.close();
    const before = rowCounts(db);
    for (const n of [name, other]) {
      const r = dispatch('backups.restore', { name: n });
      expect(r.ok, n).toBe(false);
    }
    expect(rowCounts(db)).toEqual(before);
    expect(before.engineers).toBeGreaterThan(0);
  });
});

describe('restoring the oldest backup kept does not prune it away', () => {
  it(`with ${BACKUPS_KEPT} kept, the oldest is restored and still there after its set-aside copy is taken`, () => {
    const { db, file, dispatch } = tempRoster();
    const made = Array.from({ length: BACKUPS_KEPT }, () => backupNow(db, file, 'manual').name);
    const oldest = made[0]!;
    const r = ok(dispatch('backups.restore', { name: oldest }));
    const names = listBackups(file).map((b) => b.name);
    expect(names).toContain(oldest);
    expect(names).toContain(r.setAside);
    // Restoring it again works: it was not deleted under the lead.
    ok(dispatch('backups.restore', { name: oldest }));
    expect(existsSync(join(backupDirFor(file), oldest))).toBe(true);
  });
});
