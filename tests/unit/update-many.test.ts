import { describe, expect, it } from 'vitest';
import type { Db } from '../../data/store/db.ts';
import { MAX_MOVES } from '../../shared/contract/board.ts';
import { ids } from '../helpers/channel-samples.ts';
import { ok, rowCounts, tempRoster } from '../helpers/temp-db.ts';

// work.updateMany: one status or rung for several cards (the board's bulk bar), as one change.

const rowsOf = (db: Db) => db.prepare('SELECT id, status, rung FROM work_items ORDER BY id').all();
const assignments = (db: Db) => db.prepare('SELECT * FROM assignments ORDER BY item_id').all();
const storyIds = (db: Db, n: number) =>
  db.prepare(`SELECT id FROM work_items WHERE kind = 'story' AND status = 'planned' ORDER BY id LIMIT ?`).pluck().all(n) as number[];
const initiativeId = (db: Db) =>
  db.prepare(`SELECT id FROM work_items WHERE kind = 'initiative' ORDER BY id LIMIT 1`).pluck().get() as number;
const statusOf = (db: Db, id: number) => db.prepare('SELECT status FROM work_items WHERE id = ?').pluck().get(id);
const changes = (db: Db) => db.prepare('SELECT count(*) FROM changes').pluck().get();

describe('work.updateMany: a status or a rung for several items at once', () => {
  it('sets every item, logs one change, replies with the changed rows, and one undo reverts it all', () => {
    const { db, dispatch } = tempRoster();
    const stories = storyIds(db, 3);
    const before = rowsOf(db);
    const m = ok(dispatch('work.updateMany', { itemIds: stories, status: 'in_progress' }));
    expect(m.summary).toMatch(/: 3 items now In progress$/);
    for (const id of stories) expect(statusOf(db, id)).toBe('in_progress');
    expect(m.changed?.workItems.map((i) => i.id).sort()).toEqual([...stories].sort());
    expect(m.changed?.workItems.every((i) => i.status === 'in_progress')).toBe(true);
    expect(ok(dispatch('history.list', { limit: 10 }))).toHaveLength(1);
    const after = rowsOf(db);
    ok(dispatch('history.undo', {}));
    expect(rowsOf(db)).toEqual(before);
    ok(dispatch('history.redo', {}));
    expect(rowsOf(db)).toEqual(after);
  });

  it('sets a status and a rung together, and names one item by its title', () => {
    const { db, dispatch } = tempRoster();
    const [story] = storyIds(db, 1);
    const title = db.prepare('SELECT title FROM work_items WHERE id = ?').pluck().get(story);
    const m = ok(dispatch('work.updateMany', { itemIds: [story!], status: 'done', rung: 2 }));
    expect(m.summary).toMatch(new RegExp(`: '${title}' now Done, rung Mid$`));
    expect(rowsOf(db).find((r) => (r as { id: number }).id === story)).toEqual({ id: story, status: 'done', rung: 2 });
  });

  it('a rung that makes a kept overreach one no more withdraws its note, and undo brings the note back', () => {
    const { db, dispatch } = tempRoster();
    const { overreach } = ids(db);
    ok(dispatch('plan.acknowledge', { itemId: overreach, note: 'Pairs with a Senior' }));
    const level = db
      .prepare('SELECT e.level FROM assignments a JOIN engineers e ON e.id = a.engineer_id WHERE a.item_id = ?')
      .pluck()
      .get(overreach) as number;
    const kind = db.prepare('SELECT kind FROM work_items WHERE id = ?').pluck().get(overreach);
    // In reach of the assignee, and a rung the item's kind allows (an initiative is Junior at least).
    const rung = kind === 'initiative' ? Math.max(level, 1) : level;
    const m = ok(dispatch('work.updateMany', { itemIds: [overreach], rung }));
    expect(m.summary).toMatch(/withdrew 1 acknowledgement, an overreach no more$/);
    expect(db.prepare('SELECT ack_note FROM assignments WHERE item_id = ?').pluck().get(overreach)).toBeNull();
    ok(dispatch('history.undo', {}));
    expect(db.prepare('SELECT ack_note FROM assignments WHERE item_id = ?').pluck().get(overreach)).toBe('Pairs with a Senior');
  });

  it('all or nothing: a rung one item cannot take, an unknown item, or one deleted meanwhile refuses the batch', () => {
    const { db, dispatch } = tempRoster();
    const stories = storyIds(db, 2);
    const initiative = initiativeId(db);
    const counts = rowCounts(db);
    const before = rowsOf(db);
    const held = assignments(db);
    // Intern is a rung for stories only: the initiative refuses it, and the stories stay as they were.
    expect(dispatch('work.updateMany', { itemIds: [...stories, initiative], rung: 0, status: 'done' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/initiative's rung is Junior, Mid, Senior/) },
    });
    expect(dispatch('work.updateMany', { itemIds: [...stories, 987_654], status: 'done' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringMatching(/No work item 987654/) },
    });
    // A rung past the ladder's top (12 levels allowed, this ladder has 4).
    expect(dispatch('work.updateMany', { itemIds: stories, rung: 9 })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/not on the ladder/) },
    });
    expect(rowCounts(db)).toEqual(counts);
    expect(rowsOf(db)).toEqual(before);
    expect(assignments(db)).toEqual(held);
    // Deleted after the lead selected it: the rest of the selection is not changed either.
    ok(dispatch('work.delete', { itemId: stories[1]! }));
    const logged = changes(db);
    expect(dispatch('work.updateMany', { itemIds: stories, status: 'done' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(statusOf(db, stories[0]!)).toBe('planned');
    expect(changes(db)).toBe(logged);
  });

  it('a batch that changes nothing logs nothing', () => {
    const { db, dispatch } = tempRoster();
    const stories = storyIds(db, 2);
    const m = ok(dispatch('work.updateMany', { itemIds: stories, status: 'planned' }));
    expect(m.changeId).toBeNull();
    expect(changes(db)).toBe(0);
  });

  it('refuses hostile requests with a typed error and changes nothing', () => {
    const { db, dispatchUnknown } = tempRoster();
    const stories = storyIds(db, 2);
    const before = rowsOf(db);
    const refused = (request: unknown, message: RegExp) =>
      expect(dispatchUnknown('work.updateMany', request)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(message) },
      });
    refused({ itemIds: stories }, /Set a status, a rung or both/);
    refused({ itemIds: [], status: 'done' }, /at least one item/);
    refused({ itemIds: [stories[0], stories[0]], status: 'done' }, /only once/);
    refused({ itemIds: Array.from({ length: MAX_MOVES + 1 }, (_, i) => i + 1), status: 'done' }, /At most 5000/);
    refused({ itemIds: stories, status: 'abandoned' }, /status/);
    refused({ itemIds: stories, rung: -1 }, /rung/);
    refused({ itemIds: stories, rung: 1.5 }, /rung/);
    refused({ itemIds: ['1; DROP TABLE work_items'], status: 'done' }, /itemIds/);
    refused({ itemIds: stories, status: 'done', sql: 'DROP TABLE work_items' }, /Unrecognized key/i);
    expect(rowsOf(db)).toEqual(before);
    expect(changes(db)).toBe(0);
  });
});

describe('plan.assignMany names the one engineer a selection goes to', () => {
  it('"moved 3 items to <name>"', () => {
    const { db, dispatch } = tempRoster();
    const { senior } = ids(db);
    const name = db.prepare('SELECT name FROM engineers WHERE id = ?').pluck().get(senior);
    const free = db
      .prepare(`SELECT id FROM work_items WHERE id NOT IN (SELECT item_id FROM assignments) ORDER BY id LIMIT 3`)
      .pluck()
      .all() as number[];
    const m = ok(dispatch('plan.assignMany', { moves: free.map((itemId) => ({ itemId, engineerId: senior })) }));
    expect(m.summary).toMatch(new RegExp(`: moved 3 items to ${name}$`));
  });
});
