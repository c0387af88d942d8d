import { describe, expect, it } from 'vitest';
import { RungsDocument } from '../../shared/contract/transfer.ts';
import { parseCsv } from '../../shared/csv.ts';
import { csvBytes, ok, rowCounts, tempRoster } from '../helpers/temp-db.ts';

const withoutTimestamp = (text: string) => text.replace(/"exportedAt": "[^"]+"/, '"exportedAt": "…"');

describe('the whole database as a versioned JSON document', () => {
  it('round trip: demo → export → empty database → export again is byte-identical apart from the timestamp', () => {
    const demo = tempRoster();
    // Edits, a promotion, a second quarter and an acknowledgement make the demo less tidy than a seed.
    const q2 = ok(demo.dispatch('quarters.create', { name: 'Later' })).quarterId;
    ok(demo.dispatch('quarters.copyUnfinished', { fromQuarterId: 1, toQuarterId: q2 }));
    ok(demo.dispatch('engineers.update', { engineerId: 5, level: 1, changedOn: '2026-10-01' }));
    ok(demo.dispatch('work.update', { itemId: 3, description: 'Émoji 🚀, "quotes", and a\nnewline', size: null }));
    const first = ok(demo.dispatch('export.json', {}));
    expect(first.filename).toMatch(/^rungs-\d{4}-\d\d-\d\d\.json$/);
    const doc = RungsDocument.parse(JSON.parse(first.text));
    expect(doc).toMatchObject({ format: 'rungs', version: 1 });

    const empty = tempRoster({ demo: false });
    const m = ok(empty.dispatch('import.json', { text: JSON.stringify(doc) }));
    expect(m.summary).toMatch(/^Imported a Rungs document: 11 engineers, \d+ work items in 2 quarters$/);
    const second = ok(empty.dispatch('export.json', {}));
    expect(withoutTimestamp(second.text)).toBe(withoutTimestamp(first.text));
    expect({ ...rowCounts(empty.db), changes: 0 }).toEqual({ ...rowCounts(demo.db), changes: 0 });
    // The boards agree too, fits and all.
    const a = ok(demo.dispatch('board.snapshot', { quarterId: 1 }));
    const b = ok(empty.dispatch('board.snapshot', { quarterId: 1 }));
    expect({ ...b, history: null }).toEqual({ ...a, history: null });
  });

  it('the import is one change: undo leaves the empty roster it found', () => {
    const demo = tempRoster();
    const doc = JSON.parse(ok(demo.dispatch('export.json', {})).text);
    const empty = tempRoster({ demo: false });
    const before = rowCounts(empty.db);
    ok(empty.dispatch('import.json', { text: JSON.stringify(doc) }));
    ok(empty.dispatch('history.undo', {}));
    expect({ ...rowCounts(empty.db), changes: 0 }).toEqual({ ...before, changes: 0 });
  });

  it('a roster that is not empty is refused with a clear message, and nothing changes', () => {
    const demo = tempRoster();
    const doc = JSON.parse(ok(demo.dispatch('export.json', {})).text);
    const before = rowCounts(demo.db);
    expect(demo.dispatch('import.json', { text: JSON.stringify(doc) })).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringMatching(
          /^This roster is not empty \(2 teams, 11 engineers, 22 work items\)\. A Rungs document imports only into an empty roster/,
        ),
      },
    });
    expect(rowCounts(demo.db)).toEqual(before);
  });

  it('an inconsistent document, or another version, is refused before anything is written', () => {
    const demo = tempRoster();
    const doc = JSON.parse(ok(demo.dispatch('export.json', {})).text);
    const empty = tempRoster({ demo: false });
    const before = rowCounts(empty.db);
    const broken = { ...doc, engineers: doc.engineers.map((e: { teamId: number }, i: number) => (i === 0 ? { ...e, teamId: 77 } : e)) };
    expect(empty.dispatch('import.json', { text: JSON.stringify(broken) })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: /^This document is inconsistent: Priya Natarajan is in team 77/ },
    });
    expect(empty.dispatch('import.json', { text: JSON.stringify({ ...doc, version: 2 }) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(rowCounts(empty.db)).toEqual(before);
  });
});

describe('roster and plan as CSV', () => {
  it('the roster exports in the columns the roster import reads', () => {
    const { dispatch } = tempRoster();
    const file = ok(dispatch('export.rosterCsv', {}));
    const parsed = parseCsv(file.text);
    expect(parsed).toMatchObject({ ok: true, header: ['name', 'level', 'team', 'capacity'] });
    expect(parsed.ok && parsed.records[0]!.cells).toEqual(['Priya Natarajan', 'Senior', 'Checkout', '13']);
    // Into an empty roster it imports clean.
    const empty = tempRoster({ demo: false });
    expect(ok(empty.dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(file.text) })).clean).toBe(true);
  });

  it('the plan exports every item of the quarter with its assignee and fit', () => {
    const { db, dispatch } = tempRoster();
    const file = ok(dispatch('export.planCsv', { quarterId: 1 }));
    const parsed = parseCsv(file.text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.header).toEqual(['kind', 'title', 'parent', 'rung', 'size', 'touchpoints', 'status', 'assignee', 'fit', 'reviewer']);
    expect(parsed.records).toHaveLength(db.prepare('SELECT count(*) FROM work_items').pluck().get() as number);
    expect(parsed.records.find((r) => r.cells[1] === 'Fraud rules for self-referrals')!.cells).toEqual([
      'story',
      'Fraud rules for self-referrals',
      'Referral rewards',
      'Mid',
      '3',
      'Discover; Define',
      'planned',
      'Leo Okafor',
      'Overreach',
      '',
    ]);
  });
});
