import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract/index.ts';
import { fit } from '../../shared/fit.ts';
import { DEMO_ENGINEERS, DEMO_INITIATIVES } from '../../data/seed/demo-team.ts';
import { ids } from '../helpers/channel-samples.ts';
import { ok, tempRoster } from '../helpers/temp-db.ts';

describe('the demo team a new user meets', () => {
  it('has 10+ engineers at all four levels in two teams, 4 initiatives (Junior, Mid, Mid, Senior), 16+ stories, a stretch, an overreach and a backlog', () => {
    const { dispatch } = tempRoster();
    const snap = ok(dispatch('board.snapshot', {}));
    expect(contract['board.snapshot'].response.safeParse(snap).success).toBe(true);
    expect(snap.engineers.length).toBeGreaterThanOrEqual(10);
    expect(new Set(snap.engineers.map((e) => e.level))).toEqual(new Set([0, 1, 2, 3]));
    expect(snap.teams).toHaveLength(2);
    expect(snap.items.filter((i) => i.kind === 'initiative').map((i) => i.rung)).toEqual([1, 2, 2, 3]);
    const stories = snap.items.filter((i) => i.kind === 'story');
    expect(stories.length).toBeGreaterThanOrEqual(16);
    expect(stories.some((s) => s.rung === 0)).toBe(true);
    const levelOf = new Map(snap.engineers.map((e) => [e.id, e.level]));
    const fits = snap.items.filter((i) => i.assignment).map((i) => fit(i.rung, levelOf.get(i.assignment!.engineerId)!).kind);
    expect(fits).toContain('stretch');
    expect(fits).toContain('overreach');
    expect(snap.items.some((i) => !i.assignment)).toBe(true);
    expect(DEMO_ENGINEERS.length + DEMO_INITIATIVES.length).toBeGreaterThan(0);
  });

  it('can start empty instead', () => {
    const { dispatch } = tempRoster({ demo: false });
    const snap = ok(dispatch('board.snapshot', {}));
    expect(snap.engineers).toEqual([]);
    expect(snap.items).toEqual([]);
    expect(snap.quarters).toHaveLength(1);
  });
});

describe('plan.assign: dropping an item on an engineer', () => {
  it('makes them its owner, and a second connection to the file sees the row', () => {
    const { db, file, dispatch } = tempRoster();
    const { backlogStory, junior } = ids(db);
    const m = ok(dispatch('plan.assign', { itemId: backlogStory, engineerId: junior }));
    expect(m.changeId).toBeGreaterThan(0);
    const other = new Database(file, { readonly: true });
    expect(other.prepare('SELECT engineer_id FROM assignments WHERE item_id = ?').pluck().get(backlogStory)).toBe(junior);
    other.close();
  });

  it('replaces the DRI of an initiative: one DRI only', () => {
    const { db, dispatch } = tempRoster();
    const initiative = db
      .prepare(`SELECT item_id FROM assignments a JOIN work_items w ON w.id = a.item_id WHERE w.kind = 'initiative'`)
      .pluck()
      .get() as number;
    const { senior } = ids(db);
    ok(dispatch('plan.assign', { itemId: initiative, engineerId: senior }));
    expect(db.prepare('SELECT engineer_id FROM assignments WHERE item_id = ?').pluck().all(initiative)).toEqual([senior]);
  });

  it('back to the backlog removes the assignment; undo restores it; redo removes it again', () => {
    const { db, dispatch } = tempRoster();
    const { stretch } = ids(db);
    const owner = db.prepare('SELECT engineer_id FROM assignments WHERE item_id = ?').pluck().get(stretch);
    ok(dispatch('plan.assign', { itemId: stretch, engineerId: null }));
    expect(db.prepare('SELECT count(*) FROM assignments WHERE item_id = ?').pluck().get(stretch)).toBe(0);
    expect(ok(dispatch('history.undo', {})).summary).toMatch(/^Undid: .* to the backlog \(was /);
    expect(db.prepare('SELECT engineer_id FROM assignments WHERE item_id = ?').pluck().get(stretch)).toBe(owner);
    ok(dispatch('history.redo', {}));
    expect(db.prepare('SELECT count(*) FROM assignments WHERE item_id = ?').pluck().get(stretch)).toBe(0);
    expect(ok(dispatch('board.snapshot', {})).history).toMatchObject({ canUndo: true, canRedo: false });
  });

  it('a new change discards what could have been redone', () => {
    const { db, dispatch } = tempRoster();
    const { backlogStory, junior, senior } = ids(db);
    ok(dispatch('plan.assign', { itemId: backlogStory, engineerId: junior }));
    ok(dispatch('history.undo', {}));
    ok(dispatch('plan.assign', { itemId: backlogStory, engineerId: senior }));
    expect(ok(dispatch('board.snapshot', {})).history.canRedo).toBe(false);
    expect(ok(dispatch('history.list', { limit: 5 })).map((c) => c.state)).toEqual(['done', 'discarded']);
  });

  it('refuses an inactive engineer and changes nothing', () => {
    const { db, dispatch } = tempRoster();
    const { backlogStory, junior } = ids(db);
    db.prepare('UPDATE engineers SET active = 0 WHERE id = ?').run(junior);
    const r = dispatch('plan.assign', { itemId: backlogStory, engineerId: junior });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(db.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(0);
  });
});

describe('plan.setReviewer: a stretch closes with review by someone at least one level above, or the lead', () => {
  it('accepts a Senior reviewing a Junior', () => {
    const { db, dispatch } = tempRoster();
    const { stretch, senior } = ids(db);
    ok(dispatch('plan.setReviewer', { itemId: stretch, reviewerId: senior, leadReviews: false }));
    expect(db.prepare('SELECT reviewer_id FROM assignments WHERE item_id = ?').pluck().get(stretch)).toBe(senior);
  });
  it('refuses an Intern reviewing a Junior', () => {
    const { db, dispatch } = tempRoster();
    const { stretch, intern } = ids(db);
    const r = dispatch('plan.setReviewer', { itemId: stretch, reviewerId: intern, leadReviews: false });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/at least one level above/) } });
  });
  it('accepts the lead', () => {
    const { db, dispatch } = tempRoster();
    const { stretch } = ids(db);
    ok(dispatch('plan.setReviewer', { itemId: stretch, reviewerId: null, leadReviews: true }));
    expect(db.prepare('SELECT lead_reviews FROM assignments WHERE item_id = ?').pluck().get(stretch)).toBe(1);
  });
});

describe('plan.acknowledge: the lead may keep an overreach with a note', () => {
  it('stores the note on an overreach', () => {
    const { db, dispatch } = tempRoster();
    const { overreach } = ids(db);
    ok(dispatch('plan.acknowledge', { itemId: overreach, note: 'Pairs with Omar' }));
    expect(db.prepare('SELECT ack_note FROM assignments WHERE item_id = ?').pluck().get(overreach)).toBe('Pairs with Omar');
  });
  it('refuses a note on a stretch: nothing to acknowledge', () => {
    const { db, dispatch } = tempRoster();
    const r = dispatch('plan.acknowledge', { itemId: ids(db).stretch, note: 'fine' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
  it('is cleared when the item moves to someone else', () => {
    const { db, dispatch } = tempRoster();
    const { overreach, senior } = ids(db);
    ok(dispatch('plan.acknowledge', { itemId: overreach, note: 'Pairs with Omar' }));
    ok(dispatch('plan.assign', { itemId: overreach, engineerId: senior }));
    expect(db.prepare('SELECT ack_note FROM assignments WHERE item_id = ?').pluck().get(overreach)).toBeNull();
  });
});

describe('read channels', () => {
  it('answer with data that matches their response schema', () => {
    const { dispatch } = tempRoster();
    const snapshot = ok(dispatch('board.snapshot', {}));
    expect(contract['board.snapshot'].response.safeParse(snapshot).success).toBe(true);
    expect(snapshot.history).toEqual({ canUndo: false, canRedo: false, undoSummary: null, redoSummary: null });
    expect(contract['history.list'].response.safeParse(ok(dispatch('history.list', {}))).success).toBe(true);
  });
});
