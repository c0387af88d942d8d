import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CHANNELS, type ChannelName, contract } from '../../shared/contract/index.ts';
import { ERROR_CODES } from '../../shared/errors.ts';
import type { Db } from '../../data/db.ts';
import { CHANNEL_SAMPLES } from '../helpers/channel-samples.ts';
import { rowCounts, tempRoster } from '../helpers/temp-db.ts';

// Property-based: every channel gets random and adversarial payloads, many derived from its valid
// sample. Each answer is a typed error that changed no row, or a result its schema accepts; after
// every call the database holds its invariants. RUNGS_PROPERTY_RUNS raises the count (200 per channel).

const RUNS = Number(process.env.RUNGS_PROPERTY_RUNS ?? 200);
let tried = 0;
afterAll(() => console.log(`[property] ${tried} payloads over ${CHANNELS.length} channels, ${RUNS} runs each`));

const HOSTILE_TEXT = [
  "'; DROP TABLE engineers; --",
  "Robert'); DELETE FROM assignments WHERE 1=1; --",
  '1 OR 1=1',
  '" OR ""="',
  'ATTACH DATABASE "/tmp/x" AS x',
  '../../../etc/passwd',
  '..\\..\\rungs.sqlite',
  '\u0000',
  '\u202Eevil\u202C',
  '\uD800',
  '<script>alert(1)</script>',
  '{{constructor.constructor("alert(1)")()}}',
  '__proto__',
  'constructor',
  'x'.repeat(100_000),
  '🧑🏽‍💻'.repeat(5_000),
  'é'.normalize('NFD').repeat(3_000),
  '',
  ' ',
];

/** Objects with an own "__proto__"/"constructor" key, as JSON.parse and structured clone can make them. */
const POLLUTERS = [
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  JSON.parse('{"__proto__": null}'),
  Object.create(null) as object,
];

function withKey(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...base };
  // defineProperty, so "__proto__" becomes an own key rather than changing the prototype.
  Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
  return out;
}

function payloads(sample: Record<string, unknown>, idsToTry: number[]): fc.Arbitrary<unknown> {
  const keys = Object.keys(sample);
  const value: fc.Arbitrary<unknown> = fc.oneof(
    fc.anything({ maxDepth: 2, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withTypedArray: true }),
    fc.constantFrom(...HOSTILE_TEXT),
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.constantFrom(0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -0, 2 ** 31, 2 ** 53, ...idsToTry),
    fc.integer(),
    fc.double(),
    fc.constantFrom(true, false, null, undefined),
    fc.constantFrom(...POLLUTERS),
  );
  const arbs: fc.Arbitrary<unknown>[] = [
    value,
    fc.constant(sample),
    fc
      .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'dropTable', 'sql'), value)
      .map(([k, v]) => withKey(sample, k, v)),
  ];
  if (keys.length > 0) {
    arbs.push(
      fc.tuple(fc.constantFrom(...keys), value).map(([k, v]) => withKey(sample, k, v)),
      fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(sample).filter(([key]) => key !== k))),
      // Unknown and deleted ids in every field that holds an id.
      fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...idsToTry)).map(([k, id]) => withKey(sample, k, id)),
      fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...HOSTILE_TEXT)).map(([k, t]) => withKey(sample, k, t)),
    );
  }
  return fc.oneof(...arbs);
}

/** Ids that once existed and were deleted, next to ones that never did. */
function deletedIds(db: Db): number[] {
  const quarter = db.prepare('SELECT id FROM quarters ORDER BY id LIMIT 1').pluck().get() as number | undefined;
  const team = db.prepare('SELECT id FROM teams ORDER BY id LIMIT 1').pluck().get() as number | undefined;
  const out: number[] = [];
  if (quarter !== undefined) {
    const item = db
      .prepare(`INSERT INTO work_items (kind, quarter_id, title, rung) VALUES ('story', ?, 'Deleted story', 1)`)
      .run(quarter).lastInsertRowid;
    db.prepare('DELETE FROM work_items WHERE id = ?').run(item);
    out.push(Number(item));
  }
  if (team !== undefined) {
    const e = db.prepare(`INSERT INTO engineers (name, level, team_id) VALUES ('Deleted Engineer', 1, ?)`).run(team).lastInsertRowid;
    db.prepare('DELETE FROM engineers WHERE id = ?').run(e);
    out.push(Number(e));
  }
  return [...out, 987_654, 2 ** 31 - 1];
}

function invariants(db: Db): void {
  expect(db.pragma('foreign_key_check')).toEqual([]);
  // One DRI per initiative, one owner per story: the assignment's key is the item.
  expect(db.prepare('SELECT count(*) - count(DISTINCT item_id) FROM assignments').pluck().get()).toBe(0);
  const orphans = db
    .prepare(
      `SELECT count(*) FROM assignments a
       LEFT JOIN work_items w ON w.id = a.item_id LEFT JOIN engineers e ON e.id = a.engineer_id
       LEFT JOIN engineers r ON r.id = a.reviewer_id
       WHERE w.id IS NULL OR e.id IS NULL OR (a.reviewer_id IS NOT NULL AND r.id IS NULL)`,
    )
    .pluck()
    .get();
  expect(orphans).toBe(0);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('every channel, random and adversarial payloads', () => {
  it.each(CHANNELS as ChannelName[])('%s: a typed error changing nothing, or a correct result', (channel) => {
    const { db, dispatchUnknown } = tempRoster();
    const sample = CHANNEL_SAMPLES[channel](db) as Record<string, unknown>;
    const idsToTry = deletedIds(db);
    fc.assert(
      fc.property(payloads(sample, idsToTry), (payload) => {
        tried++;
        const before = rowCounts(db);
        const r = dispatchUnknown(channel, payload);
        if (r.ok) {
          const parsed = contract[channel].response.safeParse(r.value);
          expect(parsed.success, `${channel} answered outside its schema`).toBe(true);
        } else {
          expect(ERROR_CODES).toContain(r.error.code);
          expect(r.error.code, r.error.message).not.toBe('internal');
          expect(r.error.message.length).toBeGreaterThan(0);
          expect(rowCounts(db), `${channel} refused but changed rows`).toEqual(before);
        }
        invariants(db);
      }),
      { numRuns: RUNS },
    );
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
