import { describe, expect, it } from 'vitest';
import { type AssignmentFacts, type Person, assignmentProblems, clearedByLevelChanges, clearedSentence } from './assignment.ts';

const ana: Person = { id: 1, name: 'Ana', level: 3, active: true };
const ben: Person = { id: 2, name: 'Ben', level: 1, active: true };
const cy: Person = { id: 3, name: 'Cy', level: 0, active: true };
const on = (facts: Partial<AssignmentFacts>): AssignmentFacts => ({
  title: 'Checkout revamp',
  rung: 2,
  assignee: ben,
  reviewer: null,
  ackNote: null,
  ...facts,
});
const breaches = (facts: Partial<AssignmentFacts>) => assignmentProblems(on(facts)).map((p) => p.breach);

// One describe per sentence of the rules in PRODUCT.md ("Engineer", "Fit").
describe('only active engineers take work', () => {
  it('an inactive DRI or owner breaks the plan', () => {
    expect(breaches({ assignee: { ...ben, active: false } })).toEqual(['assignee_inactive']);
  });
});

describe('a stretch is closed with review by an engineer at least one level above, or the lead', () => {
  it('a Senior reviewing a Junior holds', () => {
    expect(breaches({ reviewer: ana })).toEqual([]);
  });
  it('a reviewer at or below the assignee’s level does not', () => {
    expect(breaches({ reviewer: cy })).toEqual(['reviewer_not_above']);
    expect(breaches({ reviewer: { ...ana, level: 1 } })).toEqual(['reviewer_not_above']);
  });
  it('nobody reviews their own work', () => {
    expect(assignmentProblems(on({ reviewer: ben }))).toEqual([
      {
        breach: 'reviewer_is_assignee',
        message: 'Ben cannot review their own work: a reviewer is someone else, at least one level above.',
      },
    ]);
  });
  it('an inactive engineer reviews nothing', () => {
    expect(breaches({ reviewer: { ...ana, active: false } })).toEqual(['reviewer_inactive']);
  });
});

describe('the lead may keep an overreach with an acknowledgement note', () => {
  it('a note on an overreach holds', () => {
    expect(breaches({ rung: 3, ackNote: 'Pairs with Ana' })).toEqual([]);
  });
  it('a note on a stretch or on work in reach does not', () => {
    expect(breaches({ rung: 2, ackNote: 'x' })).toEqual(['ack_not_overreach']);
    expect(breaches({ rung: 1, ackNote: 'x' })).toEqual(['ack_not_overreach']);
  });
});

describe('a level change re-checks every review and note the person is part of', () => {
  const plan = [
    { itemId: 10, ...on({ title: 'Checkout revamp', assignee: ben, reviewer: ana }) },
    { itemId: 11, ...on({ title: 'Fraud rules', rung: 3, assignee: cy, reviewer: ben, ackNote: 'Pairs with Ana' }) },
  ];
  it('a reviewer moved down to the assignee’s level stops reviewing', () => {
    expect(clearedByLevelChanges(new Map([[ana.id, 1]]), plan)).toEqual([
      { itemId: 10, title: 'Checkout revamp', reviewer: ana, ackNote: false },
    ]);
  });
  it('an assignee moved up past their reviewer’s level loses the reviewer, and a note on what is an overreach no more', () => {
    expect(clearedByLevelChanges(new Map([[cy.id, 2]]), plan)).toEqual([
      { itemId: 11, title: 'Fraud rules', reviewer: ben, ackNote: true },
    ]);
  });
  it('a change that keeps every rule clears nothing', () => {
    expect(clearedByLevelChanges(new Map([[ana.id, 2]]), plan)).toEqual([]);
    expect(clearedByLevelChanges(new Map([[ben.id, 2]]), plan)).toEqual([]);
  });
  it('several changes at once are judged together: a reviewer and an assignee both moved down keep their review', () => {
    expect(
      clearedByLevelChanges(
        new Map([
          [ana.id, 1],
          [ben.id, 0],
        ]),
        plan.slice(0, 1),
      ),
    ).toEqual([]);
  });
  it('says what it cleared, in the words of the summary', () => {
    expect(clearedSentence(clearedByLevelChanges(new Map([[cy.id, 2]]), plan))).toBe(
      "cleared Ben as reviewer of 'Fraud rules' and withdrew the acknowledgement of 'Fraud rules', an overreach no more",
    );
    expect(clearedSentence([])).toBeNull();
  });
});
