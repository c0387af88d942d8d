import { describe, expect, it } from 'vitest';
import { createDispatcher, sqliteWords } from '../../data/handlers/dispatch.ts';
import { createHandlers } from '../../data/handlers/index.ts';
import { record } from '../../data/handlers/types.ts';
import { ids } from '../helpers/channel-samples.ts';
import { rowCounts, tempRoster } from '../helpers/temp-db.ts';

// A refused change is said in the lead's words, never in SQLite's ("UNIQUE constraint failed: teams.name").
const RAW = /constraint|SQLITE|teams\.|quarters\.|engineers\./i;

describe('names used twice are refused by the handler, with the name', () => {
  it('a new team, or a team renamed, onto a name already taken', () => {
    const { db, dispatch } = tempRoster();
    const before = rowCounts(db);
    const created = dispatch('teams.create', { name: 'growth' });
    expect(created).toEqual({ ok: false, error: { code: 'conflict', message: 'There is already a team called Growth.' } });
    const renamed = dispatch('teams.rename', { teamId: ids(db).team, name: 'GROWTH' });
    expect(renamed).toEqual({ ok: false, error: { code: 'conflict', message: 'There is already a team called Growth.' } });
    expect(rowCounts(db)).toEqual(before);
  });

  it('a new quarter, or a quarter renamed, onto a name already taken', () => {
    const { db, dispatch } = tempRoster();
    const name = db.prepare('SELECT name FROM quarters ORDER BY id LIMIT 1').pluck().get() as string;
    const created = dispatch('quarters.create', { name: name.toLowerCase() });
    expect(created).toEqual({ ok: false, error: { code: 'conflict', message: `There is already a quarter called ${name}.` } });
    const other = dispatch('quarters.create', { name: 'Later' });
    if (!other.ok) throw new Error(other.error.message);
    const renamed = dispatch('quarters.rename', { quarterId: other.value.quarterId, name });
    expect(renamed).toEqual({ ok: false, error: { code: 'conflict', message: `There is already a quarter called ${name}.` } });
  });
});

describe('what the handlers did not foresee, SQLite refuses and the dispatcher words', () => {
  /** A dispatcher whose plan.acknowledge writes whatever rows the test gives, straight to SQLite. */
  function writing(change: Parameters<typeof record>[2]) {
    const { db, file } = tempRoster();
    const info = { databasePath: file };
    const { dispatch } = createDispatcher(db, info, {
      ...createHandlers(info),
      'plan.acknowledge': (d) => record(d, 'a raw write', change),
    });
    const before = rowCounts(db);
    const r = dispatch('plan.acknowledge', { itemId: ids(db).overreach, note: 'x' });
    expect(rowCounts(db)).toEqual(before);
    if (r.ok) throw new Error('expected a refusal');
    expect(r.error.message).not.toMatch(RAW);
    return r.error;
  }

  it('a team name taken twice', () => {
    expect(writing((rows) => void rows.insert('teams', { name: 'checkout' }))).toEqual({
      code: 'conflict',
      message: 'There is already a team with that name; pick another.',
    });
  });
  it('a quarter name taken twice', () => {
    expect(writing((rows) => void [rows.insert('quarters', { name: 'Q' }), rows.insert('quarters', { name: 'q' })]).message).toBe(
      'There is already a quarter with that name; pick another.',
    );
  });
  it('a row pointing at something missing', () => {
    expect(writing((rows) => void rows.insert('engineers', { name: 'Nadia Ali', level: 1, team_id: 999 })).message).toMatch(
      /^This change refers to something that is no longer there/,
    );
  });
  it('a value outside what the plan allows', () => {
    expect(writing((rows) => void rows.insert('engineers', { name: 'Nadia Ali', level: -1, team_id: 1 })).message).toMatch(
      /^A value is outside what the plan allows/,
    );
  });
  it('a constraint with no sentence of its own still gets words, never SQLite’s', () => {
    const e = sqliteWords({ code: 'SQLITE_CONSTRAINT_TRIGGER', message: 'constraint failed: trg_something' });
    expect(e.toData()).toEqual({
      code: 'conflict',
      message: 'The plan refused this change: it breaks one of its rules. Nothing was changed.',
    });
  });
  it('a database that cannot write says why in words', () => {
    expect(sqliteWords({ code: 'SQLITE_BUSY', message: 'database is locked' }).message).toMatch(/^The roster is busy/);
    expect(sqliteWords({ code: 'SQLITE_IOERR_WRITE', message: 'disk I/O error' }).message).toMatch(/a disk error/);
    expect(sqliteWords({ code: 'SQLITE_WHATEVER', message: 'raw text' }).toData()).toEqual({
      code: 'database',
      message: 'The database could not make this change. Nothing was changed.',
    });
  });
});
