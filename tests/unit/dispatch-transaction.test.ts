import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../data/handlers/dispatch.ts';
import { createHandlers } from '../../data/handlers/index.ts';
import { record } from '../../data/handlers/types.ts';
import { RungsError } from '../../shared/errors.ts';
import { ids } from '../helpers/channel-samples.ts';
import { ok, rowCounts, tempRoster } from '../helpers/temp-db.ts';

// The handlers check before they write, so the dispatcher's transaction is what keeps a promise
// when a handler (or the database) fails half-way: every mutation lands whole or not at all.
describe('every mutation is one transaction', () => {
  it('a mutation that writes and then fails leaves every table as it was', () => {
    const { db, file } = tempRoster();
    const info = { databasePath: file };
    const real = createHandlers(info);
    const { dispatch } = createDispatcher(db, info, {
      ...real,
      'plan.assign': (d, input) => {
        real['plan.assign'](d, input); // a real, logged write…
        throw new RungsError('conflict', 'refused half-way'); // …then a refusal
      },
    });
    const before = rowCounts(db);
    const { backlogStory, junior } = ids(db);
    expect(dispatch('plan.assign', { itemId: backlogStory, engineerId: junior })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(rowCounts(db)).toEqual(before);
  });

  it('a database constraint failing after a first write rolls the first write back', () => {
    const { db, file } = tempRoster();
    const info = { databasePath: file };
    const { dispatch } = createDispatcher(db, info, {
      ...createHandlers(info),
      'plan.acknowledge': (d) =>
        record(d, 'two writes', (rows) => {
          rows.insert('teams', { name: 'Written first' });
          rows.insert('teams', { name: 'written FIRST' }); // teams.name is UNIQUE COLLATE NOCASE
        }),
    });
    const before = rowCounts(db);
    const r = dispatch('plan.acknowledge', { itemId: ids(db).overreach, note: 'x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(rowCounts(db)).toEqual(before);
    expect(db.prepare(`SELECT count(*) FROM teams WHERE name = 'Written first'`).pluck().get()).toBe(0);
  });

  it('the same dispatcher with the real handlers still commits a good move', () => {
    const { db, dispatch } = tempRoster();
    const { backlogStory, junior } = ids(db);
    ok(dispatch('plan.assign', { itemId: backlogStory, engineerId: junior }));
    expect(db.prepare('SELECT engineer_id FROM assignments WHERE item_id = ?').pluck().get(backlogStory)).toBe(junior);
  });
});
