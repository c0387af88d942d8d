import { describe, expect, it } from 'vitest';
import { currentQuarterName } from '../../data/seed/demo-team.ts';
import { ok, tempRoster } from '../helpers/temp-db.ts';

// History lists every change by its summary: each says what changed, and a plan change its quarter.

type Roster = ReturnType<typeof tempRoster>;
const id = (r: Roster, sql: string, name: string) => r.db.prepare(sql).pluck().get(name) as number;
const engineer = (r: Roster, name: string) => id(r, 'SELECT id FROM engineers WHERE name = ?', name);
const item = (r: Roster, title: string) => id(r, 'SELECT id FROM work_items WHERE title = ?', title);

describe('history entries say what changed and in which quarter', () => {
  const q = currentQuarterName();

  it('a move names the quarter, the item, who had it and who has it now', () => {
    const r = tempRoster();
    const checkout = item(r, 'Checkout revamp'); // Ana Sousa's
    expect(ok(r.dispatch('plan.assign', { itemId: checkout, engineerId: engineer(r, 'Omar Farouk') })).summary).toBe(
      `${q}: 'Checkout revamp' Ana Sousa → Omar Farouk`,
    );
    expect(ok(r.dispatch('plan.assign', { itemId: checkout, engineerId: null })).summary).toBe(
      `${q}: 'Checkout revamp' to the backlog (was Omar Farouk)`,
    );
    expect(ok(r.dispatch('plan.assign', { itemId: checkout, engineerId: engineer(r, 'Ana Sousa') })).summary).toBe(
      `${q}: 'Checkout revamp' from the backlog → Ana Sousa (stretch)`,
    );
  });

  it('an engineer’s edit names each field from → to', () => {
    const r = tempRoster();
    const ana = engineer(r, 'Ana Sousa');
    expect(ok(r.dispatch('engineers.update', { engineerId: ana, capacity: 12 })).summary).toBe('Ana Sousa: capacity 10 → 12');
    expect(ok(r.dispatch('engineers.update', { engineerId: ana, level: 2, fromLevel: 1, changedOn: '2099-01-01' })).summary).toBe(
      'Ana Sousa: Junior → Mid from 1 Jan 2099',
    );
  });

  it('a work item’s edit and a reviewer name the quarter and what changed', () => {
    const r = tempRoster();
    const checkout = item(r, 'Checkout revamp');
    expect(ok(r.dispatch('work.update', { itemId: checkout, size: 20, status: 'in_progress' })).summary).toBe(
      `${q}: 'Checkout revamp' size 13 → 20, Planned → In progress`,
    );
    expect(ok(r.dispatch('plan.setReviewer', { itemId: checkout, reviewerId: null, leadReviews: true })).summary).toBe(
      `${q}: the lead reviews 'Checkout revamp'`,
    );
  });
});
