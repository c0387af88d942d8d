import { describe, expect, it } from 'vitest';
import { canReview, fit, fitSentence, whoReviews } from './fit.ts';
import { DEFAULT_LADDER } from './default-ladder.ts';
import { defaultRung, parseLevel } from './ladder.ts';

// One describe per sentence of the rules in PRODUCT.md, "Fit".
describe('gap <= 0: in reach', () => {
  it('work at the engineer’s own rung is in reach', () => {
    expect(fit(2, 2)).toEqual({ kind: 'in_reach', gap: 0, belowLevel: false });
  });
  it('a Junior story on a Senior is in reach, and noted as below level', () => {
    expect(fit(1, 3)).toEqual({ kind: 'in_reach', gap: -2, belowLevel: true });
  });
  it('one rung below is in reach but not yet "below level"', () => {
    expect(fit(1, 2).belowLevel).toBe(false);
  });
});

describe('gap == 1: stretch, delegate one rung past what is comfortable, then close the gap with review', () => {
  it('a Mid-rung initiative on a Junior is a stretch', () => {
    expect(fit(2, 1).kind).toBe('stretch');
  });
  it('the reviewer is at least one level above the engineer', () => {
    expect(canReview(2, 1)).toBe(true);
    expect(canReview(1, 1)).toBe(false);
    expect(canReview(0, 1)).toBe(false);
  });
});

describe('gap >= 2: overreach, more than one rung past the engineer’s level', () => {
  it('a Senior-rung initiative on an Intern is an overreach of three rungs', () => {
    expect(fit(3, 0)).toEqual({ kind: 'overreach', gap: 3, belowLevel: false });
  });
  it('a Mid-rung story on an Intern is an overreach', () => {
    expect(fit(2, 0).kind).toBe('overreach');
  });
});

describe('defaults: an initiative asks for a Mid, a story for a Junior', () => {
  it('has the default rungs of the product', () => {
    expect([defaultRung(DEFAULT_LADDER, 'initiative'), defaultRung(DEFAULT_LADDER, 'story')]).toEqual([2, 1]);
  });
});

describe('the sentence a screen reader hears names the work, rung, engineer, level and fit', () => {
  it('reads like the product', () => {
    expect(fitSentence(DEFAULT_LADDER, 'Checkout revamp', 2, 'Ana', 1)).toBe(
      "'Checkout revamp' (Mid rung) on Ana, Junior: stretch, one rung past, needs a reviewer",
    );
  });
});

describe('levels from spreadsheets match the ladder case-insensitively', () => {
  it.each([
    ['Mid-level', 2],
    ['Sr', 3],
    ['Senior Engineer', 3],
    ['junior', 1],
    ['INTERN', 0],
    ['Software Engineer II', null],
    ['Principal', null],
    ['', null],
    ['2', 2],
  ] as const)('%s → %s', (text, rank) => {
    expect(parseLevel(DEFAULT_LADDER, text)).toBe(rank);
  });
});

describe('a stretch closes with review by an engineer at least one level above, or the lead', () => {
  it('names the reviewing engineer first, then the lead, else nobody', () => {
    expect(whoReviews('Sofia Lindqvist', true)).toBe('Sofia Lindqvist');
    expect(whoReviews(null, true)).toBe('the lead');
    expect(whoReviews(undefined, false)).toBeNull();
  });
});
