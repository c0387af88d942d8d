import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../data/handlers/dispatch.ts';
import { appliedMigrations, openDatabase } from '../../data/store/db.ts';
import { MIGRATIONS } from '../../data/store/migrations/index.ts';
import { DEFAULT_LADDER } from '../../shared/default-ladder.ts';
import { engineerGaps, gapSummary, itemWarnings, teamGaps } from '../../shared/gaps.ts';
import { heatmap, teamHeatmap } from '../../shared/heatmap.ts';
import type { Snapshot } from '../../shared/schemas.ts';
import { ok, tempDir } from '../helpers/temp-db.ts';

// A roster written by the version before the ladder was data (tests/fixtures/README.md says how),
// opened by this one: the migration gives it the competency map's ladder and every fit, gap and
// warning reads as that version read them, and its history still undoes and redoes.

const FIXTURE = new URL('../fixtures/roster-0004.sqlite', import.meta.url);
type Answers = {
  views: { snapshot: Omit<Snapshot, 'ladder' | 'history'>; [k: string]: unknown }[];
  history: { id: number; summary: string; state: string }[];
  state: Snapshot['history'];
  undone: number;
};
const answers = JSON.parse(readFileSync(new URL('../fixtures/roster-0004.json', import.meta.url), 'utf8')) as Answers;

function openCopy() {
  const file = join(tempDir(), 'rungs.sqlite');
  copyFileSync(FIXTURE, file);
  const raw = new Database(file, { readonly: true });
  const before = raw.prepare('SELECT name FROM schema_migrations ORDER BY version').pluck().all();
  const counts = (db: Database.Database) =>
    Object.fromEntries(
      ['teams', 'engineers', 'level_changes', 'quarters', 'work_items', 'assignments', 'changes', 'settings'].map((t) => [
        t,
        db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all(),
      ]),
    );
  const rowsBefore = counts(raw);
  raw.close();
  const db = openDatabase(file);
  const { dispatch } = createDispatcher(db, { databasePath: file });
  return { db, dispatch, before, rowsBefore, rowsAfter: () => counts(db) };
}

/** What the earlier version's answers hold, computed now: the snapshot without its ladder, and the rules' results. */
function views(dispatch: ReturnType<typeof openCopy>['dispatch']) {
  return answers.views.map(({ snapshot: { quarter } }) => {
    const s = ok(dispatch('board.snapshot', { quarterId: quarter.id }));
    const per = engineerGaps(s);
    const { ladder: _ladder, history: _history, ...rest } = s;
    return {
      snapshot: { ...rest, history: undefined },
      gaps: per,
      summary: gapSummary(per, s.ladder),
      warnings: itemWarnings(s),
      team: teamGaps(s),
      heat: heatmap(s),
      teamHeat: teamHeatmap(s),
    };
  });
}

/** The earlier version had no employee ids: every engineer it made has none now, and its answers are read without the field. */
const asEarlierVersion = (views: unknown): unknown =>
  JSON.parse(
    JSON.stringify(views, (key, value: unknown) => {
      if (key !== 'employeeId') return value;
      expect(value).toBeNull();
      return undefined;
    }),
  );

describe('migration 0005 carries a roster made by the previous version over unchanged', () => {
  // The plan is judged on a day (calendar.ts): the day the fixture was answered, whatever today is.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${answers.views[0]!.snapshot.judgedOn}T12:00:00`));
  });
  afterEach(() => void vi.useRealTimers());

  it('the file was made at schema 0004 and opens at the current schema', () => {
    const { db, before } = openCopy();
    expect(before).toEqual(MIGRATIONS.slice(0, 4).map((m) => m.name));
    expect(appliedMigrations(db)).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it('every row keeps its id and values; the 0..3 CHECKs are gone and foreign keys still hold', () => {
    const { db, rowsBefore, rowsAfter } = openCopy();
    // Migration 0006 gives every engineer an empty employee id, and changes nothing else.
    const after = rowsAfter() as Record<string, Record<string, unknown>[]>;
    expect(after.engineers!.map((e) => e.external_key)).toEqual(rowsBefore.engineers!.map(() => null));
    expect({ ...after, engineers: after.engineers!.map(({ external_key: _key, ...e }) => e) }).toEqual(rowsBefore);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const ddl = db.prepare(`SELECT sql FROM sqlite_master WHERE name IN ('engineers', 'level_changes', 'work_items')`).pluck().all();
    expect(ddl.join('\n')).not.toMatch(/BETWEEN 0 AND 3|rung >= 1/);
  });

  it('the roster gets the competency map’s ladder', () => {
    const { dispatch } = openCopy();
    expect(ok(dispatch('board.snapshot', {})).ladder).toEqual(DEFAULT_LADDER);
  });

  it('every fit, gap, warning and heatmap cell is what the previous version said', () => {
    const { dispatch } = openCopy();
    expect(asEarlierVersion(views(dispatch))).toEqual(answers.views);
  });

  it('history, undo and redo work across the migration', () => {
    const { dispatch } = openCopy();
    expect(ok(dispatch('history.list', { limit: 1000 }))).toEqual(answers.history);
    expect(ok(dispatch('board.snapshot', {})).history).toEqual(answers.state);
    // Redo the change left undone before the migration: the item lands where it was dropped.
    ok(dispatch('history.redo', {}));
    const redone = ok(dispatch('board.snapshot', {})).items.find((i) => i.id === answers.undone)!;
    expect(redone.assignment).not.toBeNull();
    // Undo everything the earlier version did, then redo it all: the plan comes back as it was.
    const done = answers.history.filter((h) => h.state === 'done').length + 1;
    for (let i = 0; i < done; i++) ok(dispatch('history.undo', {}));
    expect(ok(dispatch('board.snapshot', {})).history.canUndo).toBe(false);
    for (let i = 0; i < done; i++) ok(dispatch('history.redo', {}));
    ok(dispatch('history.undo', {}));
    expect(asEarlierVersion(views(dispatch))).toEqual(answers.views);
  });
});
