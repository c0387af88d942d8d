import { describe, expect, it } from 'vitest';
import type { Db } from '../../data/store/db.ts';
import { dayText, localToday } from '../../shared/calendar.ts';
import { currentQuarterName } from '../../data/seed/demo-team.ts';
import { fit } from '../../shared/fit.ts';
import { ids } from '../helpers/channel-samples.ts';
import { csvBytes, ok, rowCounts, tempRoster } from '../helpers/temp-db.ts';

/** The demo team joined the roster today: a level change is dated that day or later. */
const TODAY = localToday();

describe('engineers: create, edit, promote', () => {
  it('a new engineer starts their level history on the day given', () => {
    const { db, dispatch } = tempRoster();
    ok(dispatch('engineers.create', { name: 'Nadia Ali', level: 0, teamId: ids(db).team, capacity: 6, changedOn: '2026-01-05' }));
    const nadia = ok(dispatch('board.snapshot', {})).engineers.find((e) => e.name === 'Nadia Ali')!;
    expect(nadia).toMatchObject({ level: 0, capacity: 6, active: true });
    expect(ok(dispatch('engineers.levelHistory', { engineerId: nadia.id }))).toEqual([
      { id: expect.any(Number), engineerId: nadia.id, fromLevel: null, toLevel: 0, changedOn: '2026-01-05' },
    ]);
  });

  it('a promotion records the date, and the overreach on their card becomes a stretch at once', () => {
    const { db, dispatch } = tempRoster();
    const itemId = ids(db).overreach;
    const item = () => ok(dispatch('board.snapshot', {})).items.find((i) => i.id === itemId)!;
    const owner = () => ok(dispatch('board.snapshot', {})).engineers.find((e) => e.id === item().assignment!.engineerId)!;
    expect(fit(item().rung, owner().level).kind).toBe('overreach');
    const m = ok(dispatch('engineers.update', { engineerId: owner().id, level: 1, fromLevel: 0 }));
    expect(m.summary).toBe(`Leo Okafor: Intern → Junior from ${dayText(localToday())}`);
    expect(fit(item().rung, owner().level).kind).toBe('stretch');
    expect(ok(dispatch('engineers.levelHistory', { engineerId: owner().id })).at(-1)).toMatchObject({
      fromLevel: 0,
      toLevel: 1,
      changedOn: localToday(),
    });
    ok(dispatch('history.undo', {}));
    expect(fit(item().rung, owner().level).kind).toBe('overreach');
  });

  it('a second engineer with the same name, or a missing team, is refused and nothing changes', () => {
    const { db, dispatch } = tempRoster();
    const before = rowCounts(db);
    expect(dispatch('engineers.create', { name: 'priya natarajan', level: 1, teamId: ids(db).team })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Priya Natarajan is already on the roster; use another name (add an initial).' },
    });
    expect(dispatch('engineers.update', { engineerId: ids(db).junior, teamId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(rowCounts(db)).toEqual(before);
  });
});

describe('a level or rung change re-checks the reviews and notes it touches, in the same undoable change', () => {
  const named = (db: Db, name: string) => db.prepare('SELECT id FROM engineers WHERE name = ?').pluck().get(name) as number;
  const itemNamed = (db: Db, title: string) => db.prepare('SELECT id FROM work_items WHERE title = ?').pluck().get(title) as number;
  const reviewerOf = (db: Db, itemId: number) => db.prepare('SELECT reviewer_id FROM assignments WHERE item_id = ?').pluck().get(itemId);

  it('a reviewer moved down to the assignee’s level stops reviewing; the summary says so; undo gives the review back', () => {
    const { db, dispatch } = tempRoster();
    const sofia = named(db, 'Sofia Lindqvist'); // Mid, reviews Jade Martin (Junior) on Referral rewards
    const referrals = itemNamed(db, 'Referral rewards');
    const m = ok(dispatch('engineers.update', { engineerId: sofia, level: 0, fromLevel: 2, changedOn: TODAY }));
    expect(m.summary).toBe(
      `Sofia Lindqvist: Mid → Intern from ${dayText(TODAY)}; cleared Sofia Lindqvist as reviewer of 'Referral rewards'`,
    );
    expect(reviewerOf(db, referrals)).toBeNull();
    ok(dispatch('history.undo', {}));
    expect(reviewerOf(db, referrals)).toBe(sofia);
    expect(db.prepare('SELECT level FROM engineers WHERE id = ?').pluck().get(sofia)).toBe(2);
  });

  it('an assignee moved up to their reviewer’s level loses the reviewer', () => {
    const { db, dispatch } = tempRoster();
    const m = ok(dispatch('engineers.update', { engineerId: named(db, 'Jade Martin'), level: 2, fromLevel: 1, changedOn: TODAY }));
    expect(m.summary).toBe(`Jade Martin: Junior → Mid from ${dayText(TODAY)}; cleared Sofia Lindqvist as reviewer of 'Referral rewards'`);
    expect(reviewerOf(db, itemNamed(db, 'Referral rewards'))).toBeNull();
  });

  it('a promotion that turns an overreach into a stretch withdraws the note kept on it', () => {
    const { db, dispatch } = tempRoster();
    const fraud = itemNamed(db, 'Fraud rules for self-referrals'); // Mid rung on Leo Okafor, an Intern
    ok(dispatch('plan.acknowledge', { itemId: fraud, note: 'Pairs with Omar' }));
    const m = ok(dispatch('engineers.update', { engineerId: named(db, 'Leo Okafor'), level: 1, fromLevel: 0, changedOn: TODAY }));
    expect(m.summary).toBe(
      `Leo Okafor: Intern → Junior from ${dayText(TODAY)}; withdrew the acknowledgement of 'Fraud rules for self-referrals', an overreach no more`,
    );
    expect(db.prepare('SELECT ack_note FROM assignments WHERE item_id = ?').pluck().get(fraud)).toBeNull();
    ok(dispatch('history.undo', {}));
    expect(db.prepare('SELECT ack_note FROM assignments WHERE item_id = ?').pluck().get(fraud)).toBe('Pairs with Omar');
  });

  it('a roster CSV that changes levels clears the same way, and says so', () => {
    const { db, dispatch } = tempRoster();
    const m = ok(
      dispatch('import.commitCsv', {
        kind: 'roster',
        quarterId: null,
        bytes: csvBytes('name,level,team,capacity\nSofia Lindqvist,Junior,Growth,13\n'),
      }),
    );
    expect(m.summary).toBe("Updated 1 engineer (1 level change) from CSV; cleared Sofia Lindqvist as reviewer of 'Referral rewards'");
    expect(reviewerOf(db, itemNamed(db, 'Referral rewards'))).toBeNull();
  });

  it('a rung lowered under a kept overreach withdraws its note too, and undo gives it back', () => {
    const { db, dispatch } = tempRoster();
    const fraud = itemNamed(db, 'Fraud rules for self-referrals');
    ok(dispatch('plan.acknowledge', { itemId: fraud, note: 'Pairs with Omar' }));
    const m = ok(dispatch('work.update', { itemId: fraud, rung: 1 }));
    expect(m.summary).toBe(
      `${currentQuarterName()}: 'Fraud rules for self-referrals' rung Mid → Junior; withdrew its acknowledgement, an overreach no more`,
    );
    expect(db.prepare('SELECT ack_note FROM assignments WHERE item_id = ?').pluck().get(fraud)).toBeNull();
    ok(dispatch('history.undo', {}));
    expect(db.prepare('SELECT ack_note FROM assignments WHERE item_id = ?').pluck().get(fraud)).toBe('Pairs with Omar');
    expect(ok(dispatch('work.update', { itemId: fraud, rung: 3 })).summary).toBe(
      `${currentQuarterName()}: 'Fraud rules for self-referrals' rung Mid → Senior`,
    );
  });

  it('a level change that keeps every review clears nothing', () => {
    const { db, dispatch } = tempRoster();
    const m = ok(
      dispatch('engineers.update', { engineerId: named(db, 'Sofia Lindqvist'), level: 3, fromLevel: 2, changedOn: '2099-01-01' }),
    );
    expect(m.summary).toBe('Sofia Lindqvist: Mid → Senior from 1 Jan 2099');
    expect(reviewerOf(db, itemNamed(db, 'Referral rewards'))).toBe(named(db, 'Sofia Lindqvist'));
  });
});

describe('deleting an engineer returns their work to the backlog, in one undoable change', () => {
  it('says what will happen, does it, and undo brings everything back', () => {
    const { db, dispatch } = tempRoster();
    const marco = db.prepare(`SELECT id FROM engineers WHERE name = 'Marco Rossi'`).pluck().get() as number;
    const impact = ok(dispatch('engineers.deleteImpact', { engineerId: marco }));
    expect(impact.items.map((i) => i.title)).toEqual(['One-page payment form behind a flag']);
    const before = rowCounts(db);
    const m = ok(dispatch('engineers.delete', { engineerId: marco }));
    expect(m.summary).toBe('Deleted Marco Rossi; 1 item back to the backlog');
    const snap = ok(dispatch('board.snapshot', {}));
    expect(snap.engineers.some((e) => e.id === marco)).toBe(false);
    expect(snap.items.find((i) => i.id === impact.items[0]!.id)!.assignment).toBeNull();
    ok(dispatch('history.undo', {}));
    expect({ ...rowCounts(db), changes: 0 }).toEqual({ ...before, changes: 0 });
    expect(ok(dispatch('board.snapshot', {})).items.find((i) => i.id === impact.items[0]!.id)!.assignment?.engineerId).toBe(marco);
  });

  it('a reviewer who leaves is cleared from the stretch they reviewed', () => {
    const { db, dispatch } = tempRoster();
    const sofia = db.prepare(`SELECT id FROM engineers WHERE name = 'Sofia Lindqvist'`).pluck().get() as number;
    expect(ok(dispatch('engineers.deleteImpact', { engineerId: sofia })).reviews).toBe(1);
    ok(dispatch('engineers.delete', { engineerId: sofia }));
    expect(db.prepare('SELECT count(*) FROM assignments WHERE reviewer_id = ?').pluck().get(sofia)).toBe(0);
  });
});

describe('deactivating an engineer who carries work releases it, in one undoable change', () => {
  it('their items return to the backlog; undo puts them back on them', () => {
    const { db, dispatch } = tempRoster();
    const ana = db.prepare(`SELECT id FROM engineers WHERE name = 'Ana Sousa'`).pluck().get() as number;
    const impact = ok(dispatch('engineers.deleteImpact', { engineerId: ana }));
    expect(impact.items).toHaveLength(2);
    const assignments = () => db.prepare('SELECT * FROM assignments ORDER BY item_id').all();
    const before = { counts: rowCounts(db), assignments: assignments() };
    const m = ok(dispatch('engineers.update', { engineerId: ana, active: false }));
    expect(m.summary).toBe('Deactivated Ana Sousa; 2 items back to the backlog');
    const snap = ok(dispatch('board.snapshot', {}));
    for (const i of impact.items) expect(snap.items.find((s) => s.id === i.id)!.assignment).toBeNull();
    expect(snap.engineers.find((e) => e.id === ana)!.active).toBe(false);
    expect(rowCounts(db)).toEqual({ ...before.counts, assignments: before.counts.assignments! - 2, changes: before.counts.changes! + 1 });
    ok(dispatch('history.undo', {}));
    expect(assignments()).toEqual(before.assignments);
    expect(db.prepare('SELECT active FROM engineers WHERE id = ?').pluck().get(ana)).toBe(1);
  });

  it('the stretches they review lose them as reviewer, in the same change', () => {
    const { db, dispatch } = tempRoster();
    const sofia = db.prepare(`SELECT id FROM engineers WHERE name = 'Sofia Lindqvist'`).pluck().get() as number;
    expect(ok(dispatch('engineers.deleteImpact', { engineerId: sofia })).reviews).toBe(1);
    const reviewed = db.prepare('SELECT item_id FROM assignments WHERE reviewer_id = ?').pluck().get(sofia) as number;
    ok(dispatch('engineers.update', { engineerId: sofia, active: false }));
    expect(db.prepare('SELECT engineer_id, reviewer_id FROM assignments WHERE item_id = ?').get(reviewed)).toMatchObject({
      engineer_id: expect.any(Number),
      reviewer_id: null,
    });
    ok(dispatch('history.undo', {}));
    expect(db.prepare('SELECT reviewer_id FROM assignments WHERE item_id = ?').pluck().get(reviewed)).toBe(sofia);
  });

  it('reactivating them gives nothing back', () => {
    const { db, dispatch } = tempRoster();
    const marco = db.prepare(`SELECT id FROM engineers WHERE name = 'Marco Rossi'`).pluck().get() as number;
    ok(dispatch('engineers.update', { engineerId: marco, active: false }));
    const m = ok(dispatch('engineers.update', { engineerId: marco, active: true }));
    expect(m.summary).toBe('Reactivated Marco Rossi');
    expect(db.prepare('SELECT count(*) FROM assignments WHERE engineer_id = ?').pluck().get(marco)).toBe(0);
  });

  it('someone without work is simply deactivated; a promotion in the same edit is named too', () => {
    const { db, dispatch } = tempRoster();
    ok(dispatch('engineers.create', { name: 'Nadia Ali', level: 0, teamId: ids(db).team }));
    const nadia = db.prepare(`SELECT id FROM engineers WHERE name = 'Nadia Ali'`).pluck().get() as number;
    const before = db.prepare('SELECT * FROM assignments ORDER BY item_id').all();
    expect(ok(dispatch('engineers.update', { engineerId: nadia, active: false, level: 1, fromLevel: 0, changedOn: TODAY })).summary).toBe(
      `Nadia Ali: Intern → Junior from ${dayText(TODAY)}, deactivated`,
    );
    expect(db.prepare('SELECT * FROM assignments ORDER BY item_id').all()).toEqual(before);
  });
});

describe('teams', () => {
  it('a team with engineers cannot be deleted; an empty one can, and can be renamed', () => {
    const { db, dispatch } = tempRoster();
    expect(dispatch('teams.delete', { teamId: ids(db).team })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: /still has 5 engineers/ },
    });
    ok(dispatch('teams.create', { name: 'Platform' }));
    expect(dispatch('teams.create', { name: 'platform' })).toMatchObject({
      ok: false,
      error: { message: 'There is already a team called Platform.' },
    });
    const platform = ok(dispatch('board.snapshot', {})).teams.find((t) => t.name === 'Platform')!;
    ok(dispatch('teams.rename', { teamId: platform.id, name: 'Infra' }));
    ok(dispatch('teams.delete', { teamId: platform.id }));
    expect(ok(dispatch('board.snapshot', {})).teams.map((t) => t.name)).toEqual(['Checkout', 'Growth']);
  });
});

describe('work items: a story sits under an initiative of the same quarter', () => {
  it('creates a story under an initiative, with the default Junior rung', () => {
    const { db, dispatch } = tempRoster();
    const q = ids(db).quarter;
    const parent = ok(dispatch('board.snapshot', {})).items.find((i) => i.kind === 'initiative')!;
    ok(
      dispatch('work.create', {
        quarterId: q,
        kind: 'story',
        title: 'Retry failed payments',
        parentId: parent.id,
        size: 2,
        touchpoints: ['Build'],
      }),
    );
    const story = ok(dispatch('board.snapshot', {})).items.find((i) => i.title === 'Retry failed payments')!;
    expect(story).toMatchObject({ kind: 'story', rung: 1, parentId: parent.id, size: 2, status: 'planned', assignment: null });
  });

  it('refuses an Intern-rung initiative, a story as parent, and a parent from another quarter', () => {
    const { db, dispatch } = tempRoster();
    const q = ids(db).quarter;
    const before = rowCounts(db);
    expect(dispatch('work.create', { quarterId: q, kind: 'initiative', title: 'X', rung: 0 })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: /An initiative's rung is Junior, Mid, Senior/ },
    });
    expect(dispatch('work.create', { quarterId: q, kind: 'story', title: 'X', parentId: ids(db).backlogStory })).toMatchObject({
      ok: false,
      error: { message: /is a story; a story's parent is an initiative/ },
    });
    const next = ok(dispatch('quarters.create', { name: 'Next' })).quarterId;
    const initiative = ok(dispatch('board.snapshot', { quarterId: q })).items.find((i) => i.kind === 'initiative' && i.quarterId === q);
    const before2 = rowCounts(db);
    expect(dispatch('work.create', { quarterId: next, kind: 'story', title: 'X', parentId: initiative!.id })).toMatchObject({
      ok: false,
      error: { message: /belongs to another quarter/ },
    });
    expect(rowCounts(db)).toEqual(before2);
    expect(before2.quarters).toBe(before.quarters! + 1);
  });

  it('deleting an initiative keeps its stories in the backlog without an owner; undo restores all', () => {
    const { db, dispatch } = tempRoster();
    const revamp = db.prepare(`SELECT id FROM work_items WHERE title = 'Checkout revamp'`).pluck().get() as number;
    const impact = ok(dispatch('work.deleteImpact', { itemId: revamp }));
    expect(impact).toMatchObject({ kind: 'initiative', assignee: 'Ana Sousa' });
    expect(impact.stories).toHaveLength(4);
    const before = rowCounts(db);
    ok(dispatch('work.delete', { itemId: revamp }));
    const items = ok(dispatch('board.snapshot', {})).items;
    for (const s of impact.stories) expect(items.find((i) => i.id === s.id)).toMatchObject({ parentId: null, assignment: null });
    ok(dispatch('history.undo', {}));
    expect({ ...rowCounts(db), changes: 0 }).toEqual({ ...before, changes: 0 });
    expect(ok(dispatch('board.snapshot', {})).items.filter((i) => i.parentId === revamp)).toHaveLength(4);
  });
});

describe('quarters: create, rename, copy the unfinished plan', () => {
  it('copies what is not done, with its people, once', () => {
    const { db, dispatch } = tempRoster();
    const q = ids(db).quarter;
    const next = ok(dispatch('quarters.create', { name: '2099 Q1' })).quarterId;
    ok(dispatch('quarters.rename', { quarterId: next, name: '2099 Q2' }));
    const source = ok(dispatch('board.snapshot', { quarterId: q })).items;
    const unfinished = source.filter((i) => i.status !== 'done');
    const m = ok(dispatch('quarters.copyUnfinished', { fromQuarterId: q, toQuarterId: next }));
    expect(m).toMatchObject({ copied: unfinished.length, skipped: 0 });
    const copied = ok(dispatch('board.snapshot', { quarterId: next }));
    expect(copied.quarter.name).toBe('2099 Q2');
    expect(copied.items.map((i) => i.title).sort()).toEqual(unfinished.map((i) => i.title).sort());
    const tokenised = copied.items.find((i) => i.title === 'Store a tokenised card on the account')!;
    expect(copied.items.find((i) => i.id === tokenised.parentId)!.title).toBe('Saved payment methods');
    expect(tokenised).toMatchObject({
      status: 'in_progress',
      assignment: { engineerId: source.find((i) => i.title === tokenised.title)!.assignment!.engineerId },
    });
    const again = ok(dispatch('quarters.copyUnfinished', { fromQuarterId: q, toQuarterId: next }));
    expect(again).toMatchObject({ copied: 0, skipped: unfinished.length, changeId: null });
  });
});
