import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../data/store/db.ts';
import { MIGRATIONS } from '../../data/store/migrations/index.ts';
import { calendarQuarterStart, dayText, localToday, threeMonthsAfter } from '../../shared/calendar.ts';
import { fit } from '../../shared/fit.ts';
import type { Snapshot } from '../../shared/schemas.ts';
import { ok, rowCounts, tempDir, tempRoster } from '../helpers/temp-db.ts';

type Roster = ReturnType<typeof tempRoster>;
const idOf = (r: Roster, sql: string) => r.db.prepare(sql).pluck().get() as number;
const jadeOf = (r: Roster) => idOf(r, `SELECT id FROM engineers WHERE name = 'Jade Martin'`); // Junior; carries the Mid-rung 'Referral rewards'
const fitOf = (s: Snapshot, title: string) => {
  const item = s.items.find((i) => i.title === title)!;
  return fit(item.rung, s.engineers.find((e) => e.id === item.assignment!.engineerId)!.level).kind;
};
/** The quarter after today's, by the calendar: '2027 Q1' on 28 Nov 2026. */
const nextQuarter = () => {
  const start = threeMonthsAfter(calendarQuarterStart(localToday()));
  return { start, name: `${start.slice(0, 4)} Q${(Number(start.slice(5, 7)) - 1) / 3 + 1}` };
};

describe('a level change names the level it changes from', () => {
  it('a second identical request (a double click) is refused in words and changes nothing', () => {
    const r = tempRoster();
    const request = { engineerId: jadeOf(r), level: 2 as const, fromLevel: 1 as const };
    ok(r.dispatch('engineers.update', request));
    const before = rowCounts(r.db);
    expect(r.dispatch('engineers.update', request)).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Jade Martin is a Mid now, not a Junior; their level was changed already. Nothing was changed.',
      },
    });
    expect(rowCounts(r.db)).toEqual(before);
  });

  it('a level without the level it changes from is refused as a bad request', () => {
    const r = tempRoster();
    expect(r.dispatch('engineers.update', { engineerId: jadeOf(r), level: 2 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});

describe('a level change is dated no earlier than the day the level was last set', () => {
  it('someone added today cannot be promoted from before today: refused in words, nothing changed', () => {
    const r = tempRoster();
    const today = '2026-11-29';
    const added = ok(
      r.dispatch('engineers.create', { name: 'Alex Kim', level: 2, teamId: 1, capacity: null, active: true, changedOn: today }),
    );
    const alex = idOf(r, `SELECT id FROM engineers WHERE name = 'Alex Kim'`);
    expect(added.summary).toMatch(/^Added Alex Kim/);
    const before = rowCounts(r.db);
    expect(r.dispatch('engineers.update', { engineerId: alex, level: 3, fromLevel: 2, changedOn: '2026-10-01' })).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: `Alex Kim's level was last set on ${dayText(today)}: a new level takes effect on that day or later, not on ${dayText('2026-10-01')}. Nothing was changed.`,
      },
    });
    expect(rowCounts(r.db)).toEqual(before);
    // From that day on it is an ordinary promotion, and the board sees it.
    ok(r.dispatch('engineers.update', { engineerId: alex, level: 3, fromLevel: 2, changedOn: today }));
    expect(r.db.prepare('SELECT level FROM engineers WHERE id = ?').pluck().get(alex)).toBe(3);
  });

  it('a change dated before a promotion already set for next quarter is refused too', () => {
    const r = tempRoster();
    const next = nextQuarter();
    ok(r.dispatch('engineers.update', { engineerId: jadeOf(r), level: 2, fromLevel: 1, changedOn: next.start }));
    const before = rowCounts(r.db);
    const refused = r.dispatch('engineers.update', { engineerId: jadeOf(r), level: 3, fromLevel: 2, changedOn: localToday() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(rowCounts(r.db)).toEqual(before);
  });
});

describe('a promotion dated next quarter', () => {
  it('leaves this quarter’s fits alone and re-judges the next quarter’s from its first day', () => {
    const r = tempRoster();
    const next = nextQuarter();
    const q2 = ok(r.dispatch('quarters.create', { name: next.name })).quarterId;
    ok(r.dispatch('quarters.copyUnfinished', { fromQuarterId: 1, toQuarterId: q2 }));
    const m = ok(r.dispatch('engineers.update', { engineerId: jadeOf(r), level: 2, fromLevel: 1, changedOn: next.start }));
    expect(m.summary).toMatch(new RegExp(`^Jade Martin: Junior → Mid from ${dayText(next.start)}`));

    const now = ok(r.dispatch('board.snapshot', { quarterId: 1 }));
    expect(now.judgedOn).toBe(localToday());
    expect(now.engineers.find((e) => e.name === 'Jade Martin')!.level).toBe(1);
    expect(fitOf(now, 'Referral rewards')).toBe('stretch');

    const later = ok(r.dispatch('board.snapshot', { quarterId: q2 }));
    expect(later.quarter.startsOn).toBe(next.start);
    expect(later.judgedOn).toBe(next.start);
    expect(later.engineers.find((e) => e.name === 'Jade Martin')!.level).toBe(2);
    expect(fitOf(later, 'Referral rewards')).toBe('in_reach');
  });

  it('a past quarter keeps the levels held when it began, and its stretch stays in the growth trail', () => {
    const r = tempRoster();
    const past = ok(r.dispatch('quarters.create', { name: 'Q1 2025' })).quarterId;
    ok(r.dispatch('quarters.copyUnfinished', { fromQuarterId: 1, toQuarterId: past }));
    ok(r.dispatch('engineers.update', { engineerId: jadeOf(r), level: 2, fromLevel: 1 }));

    const then = ok(r.dispatch('board.snapshot', { quarterId: past }));
    expect(then.judgedOn).toBe('2025-01-01');
    expect(fitOf(then, 'Referral rewards')).toBe('stretch');
    const trail = ok(r.dispatch('insights.growthTrail', { engineerId: jadeOf(r) }));
    const q = trail.quarters.find((t) => t.quarter.id === past)!;
    expect(q.levelThen).toBe(1);
    expect(q.items.map((i) => [i.item.title, i.fit.kind])).toEqual([['Referral rewards', 'stretch']]);
  });
});

describe('a level change clears the reviews it breaks only in the quarters it reaches', () => {
  const reviewerOf = (r: Roster, quarterId: number) =>
    r.db
      .prepare(
        `SELECT a.reviewer_id FROM assignments a JOIN work_items w ON w.id = a.item_id WHERE w.title = 'Referral rewards' AND w.quarter_id = ?`,
      )
      .pluck()
      .get(quarterId);
  const sofiaOf = (r: Roster) => idOf(r, `SELECT id FROM engineers WHERE name = 'Sofia Lindqvist'`); // Mid; reviews Jade on 'Referral rewards'

  it('dated next quarter: Sofia keeps reviewing Jade this quarter, and stops next quarter, where Jade is a Mid too', () => {
    const r = tempRoster();
    const next = nextQuarter();
    const q2 = ok(r.dispatch('quarters.create', { name: next.name })).quarterId;
    ok(r.dispatch('quarters.copyUnfinished', { fromQuarterId: 1, toQuarterId: q2 }));
    const m = ok(r.dispatch('engineers.update', { engineerId: jadeOf(r), level: 2, fromLevel: 1, changedOn: next.start }));
    expect(m.summary).toBe(
      `Jade Martin: Junior → Mid from ${dayText(next.start)}; cleared Sofia Lindqvist as reviewer of 'Referral rewards'`,
    );
    expect(reviewerOf(r, 1)).toBe(sofiaOf(r));
    expect(reviewerOf(r, q2)).toBeNull();
    // And the reviewer can still be picked where the stretch still is one.
    ok(
      r.dispatch('plan.setReviewer', {
        itemId: idOf(r, `SELECT id FROM work_items WHERE title = 'Referral rewards' AND quarter_id = 1`),
        reviewerId: sofiaOf(r),
        leadReviews: false,
      }),
    );
  });

  it('dated today: a quarter already over keeps the reviewer of the stretch that earned the promotion', () => {
    const r = tempRoster();
    const past = ok(r.dispatch('quarters.create', { name: '2025 Q1' })).quarterId;
    ok(r.dispatch('quarters.copyUnfinished', { fromQuarterId: 1, toQuarterId: past }));
    ok(r.dispatch('engineers.update', { engineerId: jadeOf(r), level: 2, fromLevel: 1 }));
    expect(reviewerOf(r, past)).toBe(sofiaOf(r));
    expect(reviewerOf(r, 1)).toBeNull();
    const trail = ok(r.dispatch('insights.growthTrail', { engineerId: jadeOf(r) }));
    expect(trail.quarters.find((t) => t.quarter.id === past)!.items[0]!.reviewer?.name).toBe('Sofia Lindqvist');
  });
});

describe('quarters have a first day', () => {
  it('read from the name when not given; given when the name does not say; named in the change', () => {
    const r = tempRoster();
    expect(ok(r.dispatch('quarters.create', { name: 'Q3 2027' })).summary).toBe('Added the quarter Q3 2027 (from 1 Jul 2027)');
    ok(r.dispatch('quarters.create', { name: 'Autumn push', startsOn: '2027-09-15' }));
    ok(r.dispatch('quarters.create', { name: 'Someday' }));
    const { quarters } = ok(r.dispatch('board.snapshot', {}));
    expect(quarters.slice(1).map((q) => [q.name, q.startsOn])).toEqual([
      ['Q3 2027', '2027-07-01'],
      ['Autumn push', '2027-09-15'],
      ['Someday', null],
    ]);
  });

  it('0002_quarter_dates fills the date of an existing quarter from its name', () => {
    const file = join(tempDir(), 'older.sqlite');
    const older = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) });
    const add = older.prepare('INSERT INTO quarters (name) VALUES (?)');
    for (const name of ['2026 Q4', 'Q1 2027', '2027-Q2', 'Winter']) add.run(name);
    older.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT name, starts_on FROM quarters ORDER BY id').raw().all()).toEqual([
      ['2026 Q4', '2026-10-01'],
      ['Q1 2027', '2027-01-01'],
      ['2027-Q2', '2027-04-01'],
      ['Winter', null],
    ]);
    db.close();
  });
});
