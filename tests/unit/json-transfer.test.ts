import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localToday, threeMonthsAfter } from '../../shared/calendar.ts';
import { RungsDocument } from '../../shared/contract/transfer.ts';
import { parseCsv } from '../../shared/csv.ts';
import { csvBytes, ok, rowCounts, tempRoster } from '../helpers/temp-db.ts';

const backupCount = (dir: string): number => {
  try {
    return readdirSync(join(dir, 'backups')).length;
  } catch {
    return 0;
  }
};

/** The demo roster as a document, to be broken by hand the way an edited file would be. */
function demoDocument(): RungsDocument {
  const demo = tempRoster();
  return RungsDocument.parse(JSON.parse(ok(demo.dispatch('export.json', {})).text));
}

const withoutTimestamp = (text: string) => text.replace(/"exportedAt": "[^"]+"/, '"exportedAt": "…"');

describe('the whole database as a versioned JSON document', () => {
  it('round trip: demo → export → empty database → export again is byte-identical apart from the timestamp', () => {
    const demo = tempRoster();
    // Edits, a promotion, a second quarter and an acknowledgement make the demo less tidy than a seed.
    const q2 = ok(demo.dispatch('quarters.create', { name: 'Later' })).quarterId;
    ok(demo.dispatch('quarters.copyUnfinished', { fromQuarterId: 1, toQuarterId: q2 }));
    ok(demo.dispatch('engineers.update', { engineerId: 5, level: 1, fromLevel: 0, changedOn: threeMonthsAfter(localToday()) }));
    ok(demo.dispatch('work.update', { itemId: 3, description: 'Émoji 🚀, "quotes", and a\nnewline', size: null }));
    const first = ok(demo.dispatch('export.json', {}));
    expect(first.filename).toMatch(/^rungs-\d{4}-\d\d-\d\d\.json$/);
    const doc = RungsDocument.parse(JSON.parse(first.text));
    expect(doc).toMatchObject({ format: 'rungs', version: 5 });

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
    expect(empty.dispatch('import.json', { text: JSON.stringify({ ...doc, version: 6 }) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(rowCounts(empty.db)).toEqual(before);
  });
});

describe('a restored document holds every rule the board enforces', () => {
  it('an inactive assignee, a reviewer below or equal to the assignee, and a note on work in reach are refused, each named', () => {
    const doc = demoDocument();
    const engineer = (name: string) => doc.engineers.find((e) => e.name === name)!;
    const item = (title: string) => doc.workItems.find((w) => w.title === title)!;
    // Lina Haddad (Intern) owns a task; she is marked inactive.
    engineer('Lina Haddad').active = false;
    // Ana Sousa (Junior) is the DRI of Checkout revamp, and its reviewer too.
    item('Checkout revamp').assignment!.reviewerId = engineer('Ana Sousa').id;
    // A Junior reviewing a story Priya Natarajan (Senior) owns.
    const seniors = doc.workItems.find((w) => w.assignment?.engineerId === engineer('Priya Natarajan').id)!;
    seniors.assignment!.reviewerId = engineer('Tom Becker').id;
    // Saved payment methods is a Junior-rung initiative on a Junior: in reach, nothing to acknowledge.
    item('Saved payment methods').assignment!.ackNote = 'Kept anyway';

    const empty = tempRoster({ demo: false });
    const before = rowCounts(empty.db);
    const r = empty.dispatch('import.json', { text: JSON.stringify(doc) });
    if (r.ok) throw new Error('expected a refusal');
    expect(r.error.code).toBe('conflict');
    expect(r.error.message).toMatch(/^This document is inconsistent: .* \(and \d more problems, listed below\)\. Nothing was imported\.$/);
    const messages = r.error.issues!.map((i) => i.message);
    const linas = doc.workItems.filter((w) => w.assignment?.engineerId === engineer('Lina Haddad').id);
    expect(messages).toHaveLength(3 + linas.length);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^assignment of '.*': Lina Haddad is inactive/),
        "assignment of 'Checkout revamp': Ana Sousa cannot review their own work: a reviewer is someone else, at least one level above.",
        `assignment of '${seniors.title}': Tom Becker (Junior) cannot review Priya Natarajan (Senior): a reviewer is at least one level above.`,
        "assignment of 'Saved payment methods': 'Saved payment methods' is not an overreach for Tom Becker; there is nothing to acknowledge.",
      ]),
    );
    expect(r.error.issues!.every((i) => /^workItems\[\d+\]\.assignment$/.test(i.path))).toBe(true);
    expect(rowCounts(empty.db)).toEqual(before);
  });

  it('names used twice and an initiative below the Junior rung are refused in words, not by the database', () => {
    const doc = demoDocument();
    doc.teams[1]!.name = doc.teams[0]!.name.toUpperCase();
    doc.quarters.push({ id: 99, name: doc.quarters[0]!.name, startsOn: null });
    doc.workItems.find((w) => w.kind === 'initiative')!.rung = 0;
    const empty = tempRoster({ demo: false });
    const r = empty.dispatch('import.json', { text: JSON.stringify(doc) });
    if (r.ok) throw new Error('expected a refusal');
    expect(r.error.message).not.toMatch(/constraint/i);
    expect(r.error.issues!.map((i) => i.path)).toEqual(['teams[1].name', 'quarters[1].name', 'workItems[0].rung']);
  });

  it('a refused document or CSV file writes no backup; an accepted one writes one', () => {
    const doc = demoDocument();
    const empty = tempRoster({ demo: false });
    const broken = structuredClone(doc);
    broken.teams[1]!.name = broken.teams[0]!.name;
    const inactive = structuredClone(doc);
    for (const e of inactive.engineers) e.active = false;
    expect(backupCount(empty.dir)).toBe(0);
    expect(empty.dispatch('import.json', { text: JSON.stringify(broken) }).ok).toBe(false);
    expect(empty.dispatch('import.json', { text: JSON.stringify(inactive) }).ok).toBe(false);
    expect(
      empty.dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: csvBytes('name,level,team\nNadia Ali,Boss,Platform\n') })
        .ok,
    ).toBe(false);
    expect(backupCount(empty.dir)).toBe(0);
    ok(empty.dispatch('import.json', { text: JSON.stringify(doc) }));
    expect(backupCount(empty.dir)).toBe(1);
    ok(
      empty.dispatch('import.commitCsv', {
        kind: 'roster',
        quarterId: null,
        bytes: csvBytes('name,level,team\nNadia Ali,Junior,Platform\n'),
      }),
    );
    expect(backupCount(empty.dir)).toBe(2);
  });
});

describe('roster and plan as CSV', () => {
  it('the roster exports in the columns the roster import reads', () => {
    const { dispatch } = tempRoster();
    const file = ok(dispatch('export.rosterCsv', {}));
    const parsed = parseCsv(file.text);
    expect(parsed).toMatchObject({ ok: true, header: ['name', 'level', 'team', 'capacity', 'active', 'key'] });
    // The demo team has no employee ids: the key column is there, empty.
    expect(parsed.ok && parsed.records[0]!.cells).toEqual(['Priya Natarajan', 'Senior', 'Checkout', '13', 'yes', '']);
    // Into an empty roster it imports clean.
    const empty = tempRoster({ demo: false });
    expect(ok(empty.dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(file.text) })).clean).toBe(true);
  });

  it('the plan exports every item of the quarter with its assignee and fit', () => {
    const { db, dispatch } = tempRoster();
    const file = ok(dispatch('export.planCsv', { quarterId: 1 }));
    const parsed = parseCsv(file.text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.header).toEqual([
      'kind',
      'title',
      'parent',
      'rung',
      'size',
      'touchpoints',
      'team',
      'status',
      'assignee',
      'fit',
      'reviewer',
      'key',
    ]);
    expect(parsed.records).toHaveLength(db.prepare('SELECT count(*) FROM work_items').pluck().get() as number);
    expect(parsed.records.find((r) => r.cells[1] === 'Fraud rules for self-referrals')!.cells).toEqual([
      'story',
      'Fraud rules for self-referrals',
      'Referral rewards',
      'Mid',
      '3',
      'Discover; Define',
      'Growth',
      'planned',
      'Leo Okafor',
      'Overreach',
      '',
      '',
    ]);
  });
});

describe("a tracker's keys travel with the document", () => {
  const JIRA = readFileSync(new URL('../e2e/fixtures/jira-export.csv', import.meta.url), 'utf8');
  const keysOf = (db: ReturnType<typeof tempRoster>['db']) =>
    db.prepare('SELECT quarter_id AS quarter, external_key AS key, title FROM work_items WHERE external_key IS NOT NULL ORDER BY id').all();

  it('export → restore keeps every key, so the next import of the same export updates instead of duplicating', () => {
    const demo = tempRoster();
    const bytes = csvBytes(JIRA);
    ok(demo.dispatch('import.commitCsv', { kind: 'backlog', quarterId: 1, bytes }));
    const keys = keysOf(demo.db);
    expect(keys.length).toBeGreaterThan(5);
    const doc = RungsDocument.parse(JSON.parse(ok(demo.dispatch('export.json', {})).text));
    expect(doc.workItems.filter((w) => w.externalKey !== null)).toHaveLength(keys.length);

    const restored = tempRoster({ demo: false });
    ok(restored.dispatch('import.json', { text: JSON.stringify(doc) }));
    expect(keysOf(restored.db)).toEqual(keys);
    const again = ok(restored.dispatch('import.previewCsv', { kind: 'backlog', quarterId: 1, bytes }));
    expect(again.summary.new).toBe(0);
    expect(again.summary.unchanged).toBe(keys.length);
  });

  it('a version 2 document (before keys) still restores, with no keys', () => {
    const doc = JSON.parse(ok(tempRoster().dispatch('export.json', {})).text);
    const { ladder: _ladder, ...onTheMap } = doc;
    const v2 = {
      ...onTheMap,
      version: 2,
      workItems: doc.workItems.map(({ externalKey: _k, ...w }: { externalKey: unknown }) => w),
      engineers: doc.engineers.map(({ externalKey: _k, ...e }: { externalKey: unknown }) => e),
    };
    const restored = tempRoster({ demo: false });
    ok(restored.dispatch('import.json', { text: JSON.stringify(v2) }));
    expect(keysOf(restored.db)).toEqual([]);
  });

  it('two items of a quarter with the same key are refused, both named', () => {
    const demo = tempRoster();
    const doc = RungsDocument.parse(JSON.parse(ok(demo.dispatch('export.json', {})).text));
    const [a, b] = doc.workItems.filter((w) => w.quarterId === 1);
    a!.externalKey = 'PAY-1';
    b!.externalKey = 'PAY-1';
    const restored = tempRoster({ demo: false });
    expect(restored.dispatch('import.json', { text: JSON.stringify(doc) })).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: `This document is inconsistent: '${b!.title}' and '${a!.title}' have the same tracker key PAY-1. Nothing was imported.`,
      },
    });
    expect(rowCounts(restored.db).work_items).toBe(0);
  });
});
