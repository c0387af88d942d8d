import type { Rank } from './ladder.ts';
import type { Engineer, LevelChange } from './schemas.ts';

// Quarters in the calendar, and the level an engineer held on a day. Dates are ISO calendar days
// ('2027-01-01'), the lead's local day: a promotion is dated as the lead means it, not in UTC.

/**
 * "Today" everywhere (main process, renderer, seed): the lead's calendar day, not UTC's. A promotion
 * on the evening of the 31st is still the 31st; never `toISOString().slice(0, 10)`.
 */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const firstDay = (year: number, q: number): string => `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;

/**
 * When a quarter named after the calendar starts: "2026 Q4", "Q1 2027", "2027-Q1", "q1/2027".
 * Null when the name does not say (a quarter called "Autumn push" has no date until the lead gives it one).
 */
export function quarterStartFromName(name: string): string | null {
  const s = name.trim();
  const yearFirst = /^(\d{4})\s*[-/ ]?\s*Q([1-4])$/i.exec(s);
  if (yearFirst) return firstDay(Number(yearFirst[1]), Number(yearFirst[2]));
  const quarterFirst = /^Q([1-4])\s*[-/ ]?\s*(\d{4})$/i.exec(s);
  if (quarterFirst) return firstDay(Number(quarterFirst[2]), Number(quarterFirst[1]));
  return null;
}

/** The first day of the calendar quarter a day falls in: '2026-11-28' → '2026-10-01'. */
export function calendarQuarterStart(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return firstDay(y, Math.floor((m - 1) / 3) + 1);
}

/** Three months on from a day: where a quarter starting on it ends (exclusive), and the next one starts. */
export function threeMonthsAfter(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const month = m - 1 + 3;
  const year = y + Math.floor(month / 12);
  const mm = (month % 12) + 1;
  const last = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  return `${year}-${String(mm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** "1 Jan 2027": how a day reads in summaries and dialogs, the same in every locale. */
export function dayText(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/**
 * The day whose levels judge a quarter's plan. A quarter that has ended, or not yet begun, is
 * judged by the level held on its first day: the past as it was (a stretch stays a stretch after
 * the promotion it earned), the future as it will start (a promotion dated on or before the next
 * quarter's first day applies to that quarter from its start, and not to this one). The quarter
 * under way is judged today, so a promotion effective today re-judges its fits at once. A quarter
 * without a date is judged today.
 */
export function judgedOn(startsOn: string | null, today: string): string {
  if (startsOn === null) return today;
  const underWay = startsOn <= today && today < threeMonthsAfter(startsOn);
  return underWay ? today : startsOn;
}

const chronological = (a: LevelChange, b: LevelChange) => a.changedOn.localeCompare(b.changedOn) || a.id - b.id;

/**
 * The level an engineer held on a day, from their dated level changes (any order, anyone's: only
 * theirs are read). On or after a change's day they hold its new level; before their first change,
 * the level it started from (or the one they joined at). Without history, their level as stored.
 */
export function levelOn(engineer: Pick<Engineer, 'id' | 'level'>, levelChanges: readonly LevelChange[], day: string): Rank {
  const theirs = levelChanges.filter((c) => c.engineerId === engineer.id).toSorted(chronological);
  if (theirs.length === 0) return engineer.level;
  const held = theirs.filter((c) => c.changedOn <= day).at(-1);
  if (held) return held.toLevel;
  return theirs[0]!.fromLevel ?? theirs[0]!.toLevel;
}

/**
 * The day from which a new level change of an engineer may take effect: the day of their latest
 * dated change (joining, a promotion), or null when they have none. A change dated before it
 * would sit under a later one: the roster would store the new level while every quarter read the
 * later change's, and the promotion would be confirmed and never seen.
 */
export function levelChangeableFrom(engineerId: number, levelChanges: readonly LevelChange[]): string | null {
  return (
    levelChanges
      .filter((c) => c.engineerId === engineerId)
      .toSorted(chronological)
      .at(-1)?.changedOn ?? null
  );
}

/** Every engineer at the level they held on a day: the roster as a quarter's plan is judged. */
export function engineersOn<E extends Pick<Engineer, 'id' | 'level'>>(
  engineers: readonly E[],
  levelChanges: readonly LevelChange[],
  day: string,
): E[] {
  const byEngineer = Map.groupBy(levelChanges, (c) => c.engineerId);
  return engineers.map((e) => {
    const level = levelOn(e, byEngineer.get(e.id) ?? [], day);
    return level === e.level ? e : { ...e, level };
  });
}
