import { describe, expect, it } from 'vitest';
import { withAssignment } from '../../renderer/board/optimistic.ts';
import { ok, tempRoster } from '../helpers/temp-db.ts';

// The assignment after a move is one shared rule (assignmentAfterMove). The board shows it before
// the reply and the handler writes it: for every move from the demo plan, both give the same answer.

describe('a move gives the same plan on the board at once as in the roster after the reply', () => {
  it('for every item onto every active engineer, and back to the backlog', () => {
    const { dispatch } = tempRoster();
    const start = ok(dispatch('board.snapshot', {}));
    const active = start.engineers.filter((e) => e.active);
    let compared = 0;
    for (const item of start.items) {
      for (const target of [...active.map((e) => e.id), null]) {
        const before = ok(dispatch('board.snapshot', {}));
        const optimistic = withAssignment(before, item.id, target);
        const r = dispatch('plan.assign', { itemId: item.id, engineerId: target });
        if (!r.ok) continue;
        const after = ok(dispatch('board.snapshot', {}));
        expect(optimistic.items.find((i) => i.id === item.id)!.assignment).toEqual(after.items.find((i) => i.id === item.id)!.assignment);
        compared++;
        if (r.value.changeId !== null) ok(dispatch('history.undo', {}));
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('keeps a reviewer who can still review the new assignee and drops the note', () => {
    const { dispatch } = tempRoster();
    const snap = ok(dispatch('board.snapshot', {}));
    const reviewed = snap.items.find((i) => i.assignment?.reviewerId);
    expect(reviewed).toBeDefined();
    const reviewer = snap.engineers.find((e) => e.id === reviewed!.assignment!.reviewerId)!;
    // Someone below the reviewer, not the reviewer: the reviewer stays.
    const below = snap.engineers.find((e) => e.active && e.level < reviewer.level && e.id !== reviewed!.assignment!.engineerId)!;
    const optimistic = withAssignment(snap, reviewed!.id, below.id);
    ok(dispatch('plan.assign', { itemId: reviewed!.id, engineerId: below.id }));
    const after = ok(dispatch('board.snapshot', {}));
    const stored = after.items.find((i) => i.id === reviewed!.id)!.assignment;
    expect(stored?.reviewerId).toBe(reviewer.id);
    expect(optimistic.items.find((i) => i.id === reviewed!.id)!.assignment).toEqual(stored);
    // Onto the reviewer themself: they cannot review their own work.
    const onReviewer = withAssignment(after, reviewed!.id, reviewer.id);
    ok(dispatch('plan.assign', { itemId: reviewed!.id, engineerId: reviewer.id }));
    const last = ok(dispatch('board.snapshot', {})).items.find((i) => i.id === reviewed!.id)!.assignment;
    expect(last?.reviewerId).toBeNull();
    expect(onReviewer.items.find((i) => i.id === reviewed!.id)!.assignment).toEqual(last);
  });
});
