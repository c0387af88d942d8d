import { describe, expect, it } from 'vitest';
import { prepared } from '../../data/store/statements.ts';
import { tempRoster } from '../helpers/temp-db.ts';

describe('prepared statements are cached per connection', () => {
  it('the same SQL on the same connection reuses one statement; another connection gets its own', () => {
    const a = tempRoster();
    const b = tempRoster();
    const sql = 'SELECT count(*) AS n FROM engineers';
    expect(prepared(a.db, sql)).toBe(prepared(a.db, sql));
    expect(prepared(b.db, sql)).not.toBe(prepared(a.db, sql));
    expect(prepared(a.db, sql).get()).toEqual(a.db.prepare(sql).get());
  });
});
