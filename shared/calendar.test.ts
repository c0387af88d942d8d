import { describe, expect, it } from 'vitest';
import { calendarQuarterStart, dayText, engineersOn, judgedOn, levelOn, quarterStartFromName, threeMonthsAfter } from './calendar.ts';
import type { LevelChange } from './schemas.ts';

const ana = { id: 1, level: 2 as const };
const change = (id: number, fromLevel: 0 | 1 | 2 | 3 | null, toLevel: 0 | 1 | 2 | 3, changedOn: string, engineerId = 1): LevelChange => ({
  id,
  engineerId,
  fromLevel,
  toLevel,
  changedOn,
});

describe('a quarter named after the calendar starts on its first day', () => {
  it('reads the names leads write', () => {
    expect(quarterStartFromName('2026 Q4')).toBe('2026-10-01');
    expect(quarterStartFromName('Q1 2027')).toBe('2027-01-01');
    expect(quarterStartFromName('2027-Q1')).toBe('2027-01-01');
    expect(quarterStartFromName(' q2/2027 ')).toBe('2027-04-01');
    expect(quarterStartFromName('2027Q3')).toBe('2027-07-01');
  });
  it('a name that does not say when has no date', () => {
    expect(quarterStartFromName('Autumn push')).toBeNull();
    expect(quarterStartFromName('2027 Q5')).toBeNull();
    expect(quarterStartFromName('Q1 27')).toBeNull();
  });
  it('days, quarters and how a day reads', () => {
    expect(calendarQuarterStart('2026-11-28')).toBe('2026-10-01');
    expect(calendarQuarterStart('2027-01-01')).toBe('2027-01-01');
    expect(threeMonthsAfter('2026-10-01')).toBe('2027-01-01');
    expect(threeMonthsAfter('2026-11-30')).toBe('2027-02-28');
    expect(dayText('2027-01-01')).toBe('1 Jan 2027');
  });
});

describe('a past quarter is judged by the level held then', () => {
  // Ana joined as a Junior; promoted to Mid on the first day of 2027 Q1.
  const promotedOnFirstDay = [change(1, null, 1, '2025-03-02'), change(2, 1, 2, '2027-01-01')];
  it('promoted on a quarter’s first day: that quarter already sees the new level, the one before does not', () => {
    expect(levelOn(ana, promotedOnFirstDay, '2027-01-01')).toBe(2);
    expect(levelOn(ana, promotedOnFirstDay, '2026-10-01')).toBe(1);
    expect(levelOn(ana, promotedOnFirstDay, '2026-12-31')).toBe(1);
  });
  it('promoted mid-quarter: that quarter, judged from its start, is still the old level; the next is the new one', () => {
    const mid = [change(1, null, 1, '2025-03-02'), change(2, 1, 2, '2026-11-15')];
    expect(levelOn(ana, mid, '2026-10-01')).toBe(1);
    expect(levelOn(ana, mid, '2027-01-01')).toBe(2);
  });
  it('before their first recorded change, the level it started from; without history, the level as stored', () => {
    expect(levelOn(ana, [change(1, 1, 2, '2026-11-15')], '2026-10-01')).toBe(1);
    expect(levelOn(ana, [change(1, null, 1, '2026-11-15')], '2026-10-01')).toBe(1);
    expect(levelOn(ana, [], '2026-10-01')).toBe(2);
    expect(levelOn(ana, [change(1, 0, 3, '2020-01-01', 99)], '2026-10-01')).toBe(2);
  });
  it('several changes on one day: the last recorded holds', () => {
    const sameDay = [change(3, 2, 1, '2026-11-15'), change(2, 1, 2, '2026-11-15')];
    expect(levelOn(ana, sameDay, '2026-11-15')).toBe(1);
  });
});

describe('which day judges a quarter’s plan', () => {
  const today = '2026-11-28';
  it('the quarter under way: today, so a promotion effective today counts at once and one dated next quarter does not', () => {
    expect(judgedOn('2026-10-01', today)).toBe(today);
    const changes = [change(1, null, 1, '2025-03-02'), change(2, 1, 2, '2027-01-01')];
    expect(levelOn(ana, changes, judgedOn('2026-10-01', today))).toBe(1);
    expect(levelOn(ana, changes, judgedOn('2027-01-01', today))).toBe(2);
  });
  it('a past or future quarter: its first day; a quarter without a date: today', () => {
    expect(judgedOn('2026-07-01', today)).toBe('2026-07-01');
    expect(judgedOn('2027-01-01', today)).toBe('2027-01-01');
    expect(judgedOn(null, today)).toBe(today);
  });
  it('engineersOn sets each engineer to their level then, leaving the others untouched', () => {
    const omar = { id: 2, level: 3 as const };
    const [a, o] = engineersOn([ana, omar], [change(1, 1, 2, '2026-11-15')], '2026-10-01');
    expect(a).toEqual({ id: 1, level: 1 });
    expect(o).toBe(omar);
  });
});
