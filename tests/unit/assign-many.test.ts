import { describe, expect, it } from 'vitest';
import { MAX_MOVES } from '../../shared/contract/board.ts';
import type { Db } from '../../data/store/db.ts';
import { ids } from '../helpers/channel-samples.ts';
import { ok, rowCounts, tempRoster } from '../helpers/temp-db.ts';

// plan.assignMany: many drops as one change, following plan.assign's rules move by move.

const assignments = (db: Db) => db.prepare('SELECT * FROM assignments ORDER BY item_id').all();
const storyIds = (db: Db) => db.prepare(`SELECT id FROM work_items WHERE kind = 'story' ORDER BY id`).pluck().all() as number[];
const engineerIds = (db: Db) => db.prepare('SELECT id FROM engineers ORDER BY id').pluck().all() as number[];

describe('plan.assignMany: moving many items at once', () => {
  it('moves every item as asked, logs one change, and one undo reverts it all (redo re-applies it)', () => {
    const { db, dispatch } = tempRoster();
    const before = assignments(db);
    const stories = storyIds(db);
    const engineers = engineerIds(db);
    const moves = stories.map((itemId, i) => ({ itemId, engineerId: i % 5 === 0 ? null : engineers[i % engineers.length]! }));
    const m = ok(dispatch('plan.assignMany', { moves }));
    expect(m.changeId).toBeGreaterThan(0);
    expect(m.summary).toMatch(/^\d{4} Q\d: moved \d+ items/);
    for (const { itemId, engineerId } of moves) {
      expect(db.prepare('SELECT engineer_id FROM assignments WHERE item_id = ?').pluck().get(itemId) ?? null).toBe(engineerId);
    }
    expect(ok(dispatch('history.list', { limit: 10 }))).toHaveLength(1);
    const after = assignments(db);
    ok(dispatch('history.undo', {}));
    expect(assignments(db)).toEqual(before);
    ok(dispatch('history.redo', {}));
    expect(assignments(db)).toEqual(after);
  });

  it('each move gives the same row one plan.assign would (reviewer kept only if they can still review, acknowledgement cleared)', () => {
    const a = tempRoster();
    const b = tempRoster();
    const items = a.db.prepare('SELECT id FROM work_items ORDER BY id').pluck().all() as number[];
    const engineers = engineerIds(a.db);
    // Every item to a spread of engineers, one at a time on one roster and as one batch on the other.
    const moves = items.map((itemId, i) => ({ itemId, engineerId: engineers[(i * 7) % engineers.length]! }));
    for (const move of moves) ok(a.dispatch('plan.assign', move));
    ok(b.dispatch('plan.assignMany', { moves }));
    expect(assignments(b.db)).toEqual(assignments(a.db));
  });

  it('a batch that changes nothing logs nothing', () => {
    const { db, dispatch } = tempRoster();
    const { stretch, backlogStory } = ids(db);
    const owner = db.prepare('SELECT engineer_id FROM assignments WHERE item_id = ?').pluck().get(stretch) as number;
    const m = ok(
      dispatch('plan.assignMany', {
        moves: [
          { itemId: stretch, engineerId: owner },
          { itemId: backlogStory, engineerId: null },
        ],
      }),
    );
    expect(m.changeId).toBeNull();
    expect(db.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(0);
  });

  it('one bad move refuses the whole batch and changes no row', () => {
    const { db, dispatch } = tempRoster();
    const { backlogStory, junior, stretch } = ids(db);
    const before = rowCounts(db);
    const snapshot = assignments(db);
    expect(
      dispatch('plan.assignMany', {
        moves: [
          { itemId: backlogStory, engineerId: junior },
          { itemId: 987_654, engineerId: junior },
        ],
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(
      dispatch('plan.assignMany', {
        moves: [
          { itemId: backlogStory, engineerId: junior },
          { itemId: stretch, engineerId: 987_654 },
        ],
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    db.prepare('UPDATE engineers SET active = 0 WHERE id = ?').run(junior);
    expect(dispatch('plan.assignMany', { moves: [{ itemId: stretch, engineerId: junior }] })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/inactive/) },
    });
    expect(rowCounts(db)).toEqual(before);
    expect(assignments(db)).toEqual(snapshot);
  });

  it('refuses an item listed twice, an empty batch, and more than the limit', () => {
    const { db, dispatchUnknown } = tempRoster();
    const { backlogStory, junior, senior } = ids(db);
    const twice = dispatchUnknown('plan.assignMany', {
      moves: [
        { itemId: backlogStory, engineerId: junior },
        { itemId: backlogStory, engineerId: senior },
      ],
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/only once/) } });
    expect(dispatchUnknown('plan.assignMany', { moves: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const tooMany = Array.from({ length: MAX_MOVES + 1 }, (_, i) => ({ itemId: i + 1, engineerId: null }));
    expect(dispatchUnknown('plan.assignMany', { moves: tooMany })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/At most 5000/) },
    });
    expect(db.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(0);
  });
});
