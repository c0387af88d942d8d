import { describe, expect, it } from 'vitest';
import type { Db } from '../../data/store/db.ts';
import { DEMO_ENGINEERS } from '../../data/seed/demo-team.ts';
import { ok, rowCounts, tempRoster } from '../helpers/temp-db.ts';

// A first run: an empty roster can open the demo team as one undoable change, and a quarter left
// empty (the one a new roster starts with, say) can be deleted; a quarter with a plan cannot.

const quarterIds = (db: Db) => db.prepare('SELECT id FROM quarters ORDER BY id').pluck().all() as number[];
const count = (db: Db, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('the demo team opens in an empty roster, as one change', () => {
  it('fills the roster and the quarter on screen; undo empties it again', () => {
    const { db, dispatch } = tempRoster({ demo: false });
    const empty = rowCounts(db);
    const [quarterId] = quarterIds(db) as [number];
    const m = ok(dispatch('roster.openDemo', { quarterId }));
    expect(m.summary).toMatch(/^Opened the demo team: 11 engineers in 2 teams, its plan in \d{4} Q\d$/);
    expect(count(db, 'engineers')).toBe(DEMO_ENGINEERS.length);
    expect(count(db, 'level_changes')).toBe(DEMO_ENGINEERS.length);
    const snap = ok(dispatch('board.snapshot', { quarterId }));
    expect(snap.items.length).toBeGreaterThan(20);
    expect(snap.items.some((i) => i.assignment?.reviewerId)).toBe(true);
    // The reply carries what changed: the board shows the team without fetching it again.
    expect(m.changed?.engineers).toHaveLength(DEMO_ENGINEERS.length);
    ok(dispatch('history.undo', {}));
    expect({ ...rowCounts(db), changes: empty.changes }).toEqual(empty);
    ok(dispatch('history.redo', {}));
    expect(count(db, 'engineers')).toBe(DEMO_ENGINEERS.length);
  });

  it('is refused, with what is there, in a roster that has anyone or anything in it', () => {
    const { db, dispatch } = tempRoster({ demo: false });
    ok(dispatch('teams.create', { name: 'Platform' }));
    const before = rowCounts(db);
    expect(dispatch('roster.openDemo', { quarterId: quarterIds(db)[0]! })).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: 'The demo team opens only in an empty roster; this one has 1 team, 0 engineers and 0 work items.',
      },
    });
    expect(rowCounts(db)).toEqual(before);
  });
});

describe('a quarter can be deleted while it is empty', () => {
  it('an empty quarter goes in one change; undo brings it back', () => {
    const { db, dispatch } = tempRoster();
    const { quarterId } = ok(dispatch('quarters.create', { name: '2031 Q1' }));
    const m = ok(dispatch('quarters.delete', { quarterId }));
    expect(m.summary).toBe('Deleted the quarter 2031 Q1');
    expect(m.changed?.removedQuarterIds).toEqual([quarterId]);
    expect(quarterIds(db)).not.toContain(quarterId);
    ok(dispatch('history.undo', {}));
    expect(quarterIds(db)).toContain(quarterId);
  });

  it('a quarter with a plan is refused with the reason; nothing changes', () => {
    const { db, dispatch } = tempRoster();
    const [demoQuarter] = quarterIds(db) as [number];
    const items = count(db, 'work_items');
    const before = rowCounts(db);
    expect(dispatch('quarters.delete', { quarterId: demoQuarter })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(new RegExp(`holds ${items} work items; delete or move them first\\.$`)) },
    });
    expect(rowCounts(db)).toEqual(before);
  });

  it('the only quarter stays, and so does one that work was carried over from', () => {
    const { db, dispatch } = tempRoster({ demo: false });
    const [only] = quarterIds(db) as [number];
    expect(dispatch('quarters.delete', { quarterId: only })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/is the only quarter; create the next one before deleting it\.$/) },
    });
    const { quarterId: next } = ok(dispatch('quarters.create', { name: '2031 Q1' }));
    const item = ok(dispatch('work.create', { quarterId: only, kind: 'story', title: 'Carry me' }));
    expect(item.changeId).not.toBeNull();
    ok(dispatch('quarters.copyUnfinished', { fromQuarterId: only, toQuarterId: next }));
    const created = db.prepare(`SELECT id FROM work_items WHERE quarter_id = ?`).pluck().get(only) as number;
    ok(dispatch('work.delete', { itemId: created }));
    const before = rowCounts(db);
    expect(dispatch('quarters.delete', { quarterId: only })).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringMatching(/ is where 1 work item of other quarters came from; it stays while they do\.$/),
      },
    });
    expect(rowCounts(db)).toEqual(before);
  });
});
