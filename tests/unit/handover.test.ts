import { describe, expect, it } from 'vitest';
import type { Db } from '../../data/store/db.ts';
import { ok, rowCounts, tempRoster } from '../helpers/temp-db.ts';

// Deactivating someone who carries work hands it, in the same change, to one active engineer (as a
// drop on their lane would) or to the backlog; the stretches they reviewed lose them as reviewer.

const named = (db: Db, name: string) => db.prepare('SELECT id FROM engineers WHERE name = ?').pluck().get(name) as number;
type Row = { title: string; engineer: string | null; reviewer: string | null; ack_note: string | null };
const workOf = (db: Db, titles: string[]): Row[] =>
  db
    .prepare(
      `SELECT w.title, e.name AS engineer, r.name AS reviewer, a.ack_note FROM work_items w
       LEFT JOIN assignments a ON a.item_id = w.id LEFT JOIN engineers e ON e.id = a.engineer_id
       LEFT JOIN engineers r ON r.id = a.reviewer_id WHERE w.title IN (${titles.map(() => '?').join(', ')}) ORDER BY w.title`,
    )
    .all(...titles) as Row[];
const isActive = (db: Db, id: number) => db.prepare('SELECT active FROM engineers WHERE id = ?').pluck().get(id) === 1;

const JADES = ['Referral link generation', 'Referral rewards'];

describe('deactivating someone hands their work on, as one change', () => {
  it('to one engineer: each item as a drop on their lane; a reviewer no longer above them stops reviewing; undo gives it all back', () => {
    const { db, dispatch } = tempRoster();
    const jade = named(db, 'Jade Martin');
    const before = workOf(db, JADES);
    expect(before.map((r) => r.engineer)).toEqual(['Jade Martin', 'Jade Martin']);
    const m = ok(dispatch('engineers.deactivate', { engineerId: jade, handTo: named(db, 'Omar Farouk') }));
    expect(m.summary).toBe('Deactivated Jade Martin; 2 items handed to Omar Farouk');
    // Sofia (Mid) reviewed Jade (Junior) on Referral rewards; Omar is Mid too, so she cannot review him.
    expect(workOf(db, JADES)).toEqual([
      { title: 'Referral link generation', engineer: 'Omar Farouk', reviewer: null, ack_note: null },
      { title: 'Referral rewards', engineer: 'Omar Farouk', reviewer: null, ack_note: null },
    ]);
    expect(isActive(db, jade)).toBe(false);
    ok(dispatch('history.undo', {}));
    expect(workOf(db, JADES)).toEqual(before);
    expect(isActive(db, jade)).toBe(true);
  });

  it('a reviewer still above the new assignee stays; a note kept on the old assignee’s overreach does not', () => {
    const { db, dispatch } = tempRoster();
    const fraud = 'Fraud rules for self-referrals'; // Mid rung on Leo Okafor, an Intern
    const itemId = db.prepare('SELECT id FROM work_items WHERE title = ?').pluck().get(fraud) as number;
    ok(dispatch('plan.acknowledge', { itemId, note: 'Pairs with Omar' }));
    ok(dispatch('engineers.deactivate', { engineerId: named(db, 'Leo Okafor'), handTo: named(db, 'Mia Chen') }));
    expect(workOf(db, [fraud])).toEqual([{ title: fraud, engineer: 'Mia Chen', reviewer: null, ack_note: null }]);

    const jade = named(db, 'Jade Martin');
    ok(dispatch('engineers.deactivate', { engineerId: jade, handTo: named(db, 'Ana Sousa') }));
    // Ana is a Junior: Sofia (Mid) still reviews the Mid-rung initiative.
    expect(workOf(db, ['Referral rewards'])).toEqual([
      { title: 'Referral rewards', engineer: 'Ana Sousa', reviewer: 'Sofia Lindqvist', ack_note: null },
    ]);
  });

  it('to the backlog: the items lose their assignment; the reviews they did are cleared', () => {
    const { db, dispatch } = tempRoster();
    const sofia = named(db, 'Sofia Lindqvist');
    const m = ok(dispatch('engineers.deactivate', { engineerId: sofia, handTo: null }));
    expect(m.summary).toBe('Deactivated Sofia Lindqvist');
    expect(db.prepare('SELECT count(*) FROM assignments WHERE reviewer_id = ?').pluck().get(sofia)).toBe(0);
    const tom = named(db, 'Tom Becker');
    expect(ok(dispatch('engineers.deactivate', { engineerId: tom, handTo: null })).summary).toBe(
      'Deactivated Tom Becker; 2 items back to the backlog',
    );
    expect(workOf(db, ['Saved payment methods', 'Store a tokenised card on the account']).map((r) => r.engineer)).toEqual([null, null]);
  });

  it('to themselves, to someone inactive, or when inactive already: refused with the reason, nothing changes', () => {
    const { db, dispatch } = tempRoster();
    const jade = named(db, 'Jade Martin');
    const mia = named(db, 'Mia Chen');
    ok(dispatch('engineers.update', { engineerId: mia, active: false }));
    const before = rowCounts(db);
    expect(dispatch('engineers.deactivate', { engineerId: jade, handTo: jade })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Jade Martin cannot hand their work to themselves; pick someone else.' },
    });
    expect(dispatch('engineers.deactivate', { engineerId: jade, handTo: mia })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('Mia Chen') },
    });
    expect(dispatch('engineers.deactivate', { engineerId: mia, handTo: null })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Mia Chen is inactive already. Nothing was changed.' },
    });
    expect(dispatch('engineers.deactivate', { engineerId: jade, handTo: 999_999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(rowCounts(db)).toEqual(before);
    expect(isActive(db, jade)).toBe(true);
  });
});
