import { describe, expect, it } from 'vitest';
import type { Db } from '../../data/store/db.ts';
import { ok, tempRoster } from '../helpers/temp-db.ts';

// A card's own history (history.forItem): every change that touched its row or its assignment,
// newest first, and nothing that only touched other cards.

const itemIds = (db: Db): number[] => db.prepare('SELECT id FROM work_items ORDER BY id').pluck().all() as number[];

describe('a card lists the changes that touched it, newest first', () => {
  it('an edit and an assignment of the card are listed; a change to another card is not', () => {
    const { db, dispatch } = tempRoster();
    const [first, second] = itemIds(db) as [number, number];
    const engineer = db.prepare('SELECT id FROM engineers WHERE level = 3 LIMIT 1').pluck().get() as number;
    ok(dispatch('work.update', { itemId: first, status: 'in_progress' }));
    ok(dispatch('work.update', { itemId: second, status: 'done' }));
    ok(dispatch('plan.assign', { itemId: first, engineerId: engineer }));

    const history = ok(dispatch('history.forItem', { itemId: first }));
    expect(history.map((c) => c.state)).toEqual(['done', 'done']);
    expect(history[0]!.summary).toMatch(/→/);
    expect(history[1]!.summary).toMatch(/in progress/i);
    expect(ok(dispatch('history.forItem', { itemId: second })).map((c) => c.summary)).toEqual([expect.stringMatching(/done/i)]);
  });

  it('an undone change stays listed, marked undone', () => {
    const { db, dispatch } = tempRoster();
    const [first] = itemIds(db) as [number];
    ok(dispatch('work.update', { itemId: first, title: 'Renamed once' }));
    ok(dispatch('history.undo', {}));
    expect(ok(dispatch('history.forItem', { itemId: first })).map((c) => c.state)).toEqual(['undone']);
  });

  it('item 1 does not pick up the changes of item 12 or 100 (the key is matched whole)', () => {
    const { db, dispatch } = tempRoster();
    const ids = itemIds(db);
    const one = ids[0]!;
    const longer = ids.find((id) => String(id).startsWith(String(one)) && id !== one)!;
    expect(longer).toBeDefined();
    ok(dispatch('work.update', { itemId: longer, status: 'done' }));
    expect(ok(dispatch('history.forItem', { itemId: one }))).toEqual([]);
  });

  it('the limit keeps the newest; a bad request is refused with a typed error', () => {
    const { db, dispatch } = tempRoster();
    const [first] = itemIds(db) as [number];
    for (const status of ['in_progress', 'done', 'planned'] as const) ok(dispatch('work.update', { itemId: first, status }));
    expect(ok(dispatch('history.forItem', { itemId: first, limit: 1 }))[0]!.summary).toMatch(/planned/i);
    expect(dispatch('history.forItem', { itemId: first, limit: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dispatch('history.forItem', { itemId: -1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dispatch('history.forItem', { itemId: 999_999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
