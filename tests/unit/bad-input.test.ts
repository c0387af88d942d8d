import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/contract/index.ts';
import { CHANNEL_SAMPLES } from '../helpers/channel-samples.ts';
import { rowCounts, tempRoster } from '../helpers/temp-db.ts';

// Every channel, every kind of bad input: a typed error, and not one row changed.

const HUGE = 'x'.repeat(100_000);
const UNKNOWN_ID = 987_654;

function hostileVariants(sample: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [
    ['a string instead of an object', 'plan'],
    ['an array', [1, 2]],
    ['an unknown key', { ...sample, dropTable: true }],
    ['a prototype-pollution key', JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(sample).slice(1, -1) || '"x": 1'}}`)],
  ];
  for (const [key, value] of Object.entries(sample)) {
    const { [key]: _dropped, ...missing } = sample;
    out.push([`missing ${key}`, missing]);
    out.push([`${key} of the wrong type`, { ...sample, [key]: typeof value === 'string' ? 12 : 'twelve' }]);
    out.push([`${key} as an object`, { ...sample, [key]: { $gt: 0 } }]);
    // zod's length checks compare `length` with a number; one that cannot become a number throws
    // inside safeParse (found by the property test: { name: { length: {__proto__: null} } }).
    out.push([`${key} with a length that is no number`, { ...sample, [key]: { length: Object.create(null) } }]);
    if (typeof value === 'string') out.push([`${key} oversized`, { ...sample, [key]: HUGE }]);
    if (typeof value === 'number') {
      out.push([`${key} negative`, { ...sample, [key]: -1 }]);
      out.push([`${key} fractional`, { ...sample, [key]: 1.5 }]);
    }
  }
  return out.filter(([, v]) => JSON.stringify(v) !== JSON.stringify(sample));
}

describe('every channel refuses bad input with a typed error and changes nothing', () => {
  it('has a sample request for every channel', () => {
    expect(Object.keys(CHANNEL_SAMPLES).sort()).toEqual([...CHANNELS].sort());
  });

  for (const channel of CHANNELS) {
    it(channel, () => {
      const { db, dispatchUnknown } = tempRoster();
      const sample = CHANNEL_SAMPLES[channel](db) as Record<string, unknown>;
      const before = rowCounts(db);
      const variants = hostileVariants(sample);
      for (const [what, payload] of variants) {
        const r = dispatchUnknown(channel, payload);
        // Optional fields may be dropped legitimately; every other variant must be refused.
        if (r.ok) {
          expect(what, `${channel} accepted ${what}`).toMatch(/^missing /);
          continue;
        }
        expect(r.error.code, `${channel} with ${what}`).toBe('invalid_input');
        expect(r.error.message).toMatch(new RegExp(`Invalid request for ${channel.replace('.', '\\.')}`));
      }
      expect(rowCounts(db)).toEqual(before);
    });

    it(`${channel} with unknown ids`, () => {
      const { db, dispatchUnknown } = tempRoster();
      const sample = CHANNEL_SAMPLES[channel](db) as Record<string, unknown>;
      const idKeys = Object.keys(sample).filter((k) => /Id$/.test(k) && typeof sample[k] === 'number');
      const before = rowCounts(db);
      for (const key of idKeys) {
        const r = dispatchUnknown(channel, { ...sample, [key]: UNKNOWN_ID });
        expect(r, `${channel} with unknown ${key}`).toMatchObject({ ok: false, error: { code: 'not_found' } });
      }
      expect(rowCounts(db)).toEqual(before);
    });
  }

  it('an unknown channel is refused', () => {
    const { dispatchUnknown } = tempRoster();
    expect(dispatchUnknown('db.exec', { sql: 'DROP TABLE engineers' })).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(dispatchUnknown('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(dispatchUnknown('toString', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    // Values that cannot even be turned into a string still get a typed refusal, not a throw.
    expect(dispatchUnknown(Object.create(null), {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(
      dispatchUnknown(
        {
          toString: () => {
            throw new Error('hostile');
          },
        },
        {},
      ),
    ).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(dispatchUnknown(Symbol('x'), {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });
});
