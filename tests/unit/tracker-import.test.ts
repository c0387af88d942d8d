import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../data/safety/backup-list.ts';
import { parseCsv, toCsv } from '../../shared/csv.ts';
import { csvBytes, ok, rowCounts, tempRoster } from '../helpers/temp-db.ts';

// A tracker's export through the import channels: one change in History, a backup, the key kept
// on each item, a re-import that updates, and the mapping remembered for the next file.

const fixture = (name: string) => readFileSync(new URL(`../e2e/fixtures/${name}`, import.meta.url), 'utf8');
const JIRA = fixture('jira-export.csv');
const LINEAR = fixture('linear-export.csv');

const setup = () => {
  const r = tempRoster();
  const quarterId = r.db.prepare('SELECT id FROM quarters').pluck().get() as number;
  return { ...r, quarterId };
};
const keyed = (db: ReturnType<typeof setup>['db']) =>
  db
    .prepare(
      `SELECT w.external_key AS key, w.kind, w.title, w.size, w.status, w.rung, p.external_key AS parent, e.name AS assignee
       FROM work_items w LEFT JOIN work_items p ON p.id = w.parent_id
       LEFT JOIN assignments a ON a.item_id = w.id LEFT JOIN engineers e ON e.id = a.engineer_id
       WHERE w.external_key IS NOT NULL ORDER BY w.id`,
    )
    .all() as {
    key: string;
    kind: string;
    title: string;
    size: number | null;
    status: string;
    rung: number;
    parent: string | null;
    assignee: string | null;
  }[];

describe('the Jira export imports as initiatives and stories, in one undoable change', () => {
  it('previews, commits with a backup, keeps keys and assignments; undo removes all of it', () => {
    const { db, dispatch, quarterId, file } = setup();
    const before = rowCounts(db);
    const preview = ok(dispatch('import.previewCsv', { kind: 'backlog', quarterId, bytes: csvBytes(JIRA) }));
    expect(preview.source?.name).toBe('Jira Cloud CSV');
    expect(preview.clean).toBe(true);
    expect(preview.summary).toMatchObject({ rows: 11, new: 11, updated: 0 });
    expect(preview.source!.skipped.map((s) => s.title)).toEqual([
      'Refund automation',
      'Apple Pay button copy review',
      'Apple Pay sandbox keys',
      'Refund CSV export',
    ]);
    expect(preview.source!.assignees.filter((a) => a.engineer === null).map((a) => a.name)).toEqual([
      'Dana Whitfield',
      'Acme Contractor',
      'José Ortega',
    ]);
    expect(preview.source!.warnings.map((w) => w.title)).toEqual(['Payments analytics']);
    const m = ok(dispatch('import.commitCsv', { kind: 'backlog', quarterId, bytes: csvBytes(JIRA), fingerprint: preview.fingerprint }));
    expect(m.summary).toMatch(/^Imported 3 initiatives and 8 stories in .+ from a Jira Cloud CSV$/);
    expect(listBackups(file).map((b) => b.reason)).toContain('import');
    const items = keyed(db);
    expect(items.find((i) => i.key === 'PAY-11')).toEqual({
      key: 'PAY-11',
      kind: 'story',
      title: 'Add Apple Pay button',
      size: 5,
      status: 'in_progress',
      rung: 1,
      parent: 'PAY-1',
      assignee: 'Ana Sousa',
    });
    expect(items.find((i) => i.key === 'PAY-12')).toMatchObject({ assignee: 'Tom Becker', status: 'in_progress', size: 3 });
    expect(items.find((i) => i.key === 'PAY-1')).toMatchObject({ kind: 'initiative', rung: 3, assignee: 'Priya Natarajan' });
    ok(dispatch('history.undo', {}));
    // The remembered mapping is a setting, not part of the plan: undo leaves it.
    expect({ ...rowCounts(db), changes: 0, settings: 0 }).toEqual({ ...before, changes: 0, settings: 0 });
  });

  it('importing it again changed updates titles and statuses, and duplicates nothing', () => {
    const { db, dispatch, quarterId } = setup();
    ok(dispatch('import.commitCsv', { kind: 'backlog', quarterId, bytes: csvBytes(JIRA) }));
    const count = rowCounts(db).work_items;
    const changed = JIRA.replace('Add Apple Pay button,PAY-11', 'Add the Apple Pay button,PAY-11').replace(
      'Card expiry reminders,PAY-22,10022,Task,To Do',
      'Card expiry reminders,PAY-22,10022,Task,In Progress',
    );
    const preview = ok(dispatch('import.previewCsv', { kind: 'backlog', quarterId, bytes: csvBytes(changed) }));
    expect(preview.summary).toMatchObject({ new: 0, updated: 2, unchanged: 9 });
    const updates = preview.rows.filter((r) => r.change === 'update');
    expect(updates.map((r) => [r.cells[0], r.differences])).toEqual([
      ['PAY-11', [{ field: 'title', from: 'Add Apple Pay button', to: 'Add the Apple Pay button' }]],
      ['PAY-22', [{ field: 'status', from: 'Planned', to: 'In progress' }]],
    ]);
    const m = ok(dispatch('import.commitCsv', { kind: 'backlog', quarterId, bytes: csvBytes(changed), fingerprint: preview.fingerprint }));
    expect(m.summary).toMatch(/^Updated 2 items in .+ from a Jira Cloud CSV$/);
    expect(rowCounts(db).work_items).toBe(count);
    expect(keyed(db).find((i) => i.key === 'PAY-22')!.status).toBe('in_progress');
    // Unchanged again: nothing to write.
    const again = ok(dispatch('import.commitCsv', { kind: 'backlog', quarterId, bytes: csvBytes(changed) }));
    expect(again.changeId).toBeNull();
  });

  it('refuses a commit when the roster changed after the preview (a name now matches someone)', () => {
    const { db, dispatch, quarterId } = setup();
    const preview = ok(dispatch('import.previewCsv', { kind: 'backlog', quarterId, bytes: csvBytes(JIRA) }));
    const team = db.prepare('SELECT id FROM teams').pluck().get() as number;
    ok(dispatch('engineers.create', { name: 'Dana Whitfield', level: 1, teamId: team }));
    const before = rowCounts(db);
    expect(
      dispatch('import.commitCsv', { kind: 'backlog', quarterId, bytes: csvBytes(JIRA), fingerprint: preview.fingerprint }),
    ).toMatchObject({ ok: false, error: { code: 'conflict', message: /the roster changed since this preview/ } });
    expect(rowCounts(db)).toEqual(before);
  });

  it('the plan CSV export carries the key', () => {
    const { dispatch, quarterId } = setup();
    ok(dispatch('import.commitCsv', { kind: 'backlog', quarterId, bytes: csvBytes(JIRA) }));
    const csv = ok(dispatch('export.planCsv', { quarterId })).text;
    expect(csv.split('\r\n')[0]).toMatch(/,key$/);
    expect(csv).toMatch(/story,Add Apple Pay button,Wallet payments,.*,PAY-11\r\n/);
  });
});

describe('the Linear export: projects become initiatives', () => {
  it('imports projects and issues, leaving sub-issues and cancelled work out', () => {
    const { db, dispatch, quarterId } = setup();
    const preview = ok(dispatch('import.previewCsv', { kind: 'backlog', quarterId, bytes: csvBytes(LINEAR) }));
    expect(preview.source?.name).toBe('Linear CSV');
    expect(preview.clean).toBe(true);
    ok(dispatch('import.commitCsv', { kind: 'backlog', quarterId, bytes: csvBytes(LINEAR), fingerprint: preview.fingerprint }));
    const items = keyed(db);
    expect(items.filter((i) => i.kind === 'initiative').map((i) => i.title)).toEqual(['Onboarding revamp', 'Referral program']);
    expect(items.find((i) => i.key === 'GRO-104')).toMatchObject({ title: '+1 button on the invite screen', assignee: 'Leo Okafor' });
    expect(items.find((i) => i.key === 'GRO-120')).toMatchObject({ parent: null, assignee: 'Sofia Lindqvist' });
    expect(items.map((i) => i.key)).not.toContain('GRO-103');
    expect(items.map((i) => i.key)).not.toContain('GRO-112');
  });
});

describe('a mapping is remembered per source', () => {
  it('a confirmed mapping is what the next file with the same header starts from', () => {
    const { db, dispatch, quarterId } = setup();
    const sheet = 'Ref,Headline,Owner\nX-1,Billing dashboard,Ana Sousa\n';
    const first = ok(dispatch('import.previewCsv', { kind: 'backlog', quarterId, bytes: csvBytes(sheet) }));
    expect(first.fileErrors[0]).toMatch(/^No column is mapped to the title/);
    const mapping = { ...first.source!.mapping, title: ['Headline'], key: ['Ref'] };
    ok(dispatch('import.commitCsv', { kind: 'backlog', quarterId, bytes: csvBytes(sheet), tracker: { mapping } }));
    const saved = db.prepare("SELECT count(*) FROM settings WHERE key LIKE 'import.mapping.%'").pluck().get();
    expect(saved).toBe(1);
    const next = ok(
      dispatch('import.previewCsv', {
        kind: 'backlog',
        quarterId,
        bytes: csvBytes('Owner,Headline,Ref\nAna Sousa,Billing dashboard,X-1\n'),
      }),
    );
    expect(next.source).toMatchObject({ remembered: true });
    expect(next.rows[0]).toMatchObject({ change: 'unchanged' });
  });
});

describe('hostile tracker files are refused whole, each with its own sentence', () => {
  const refused = (text: string, error: RegExp) => {
    const { db, dispatch, quarterId } = setup();
    const preview = ok(dispatch('import.previewCsv', { kind: 'backlog', quarterId, bytes: csvBytes(text) }));
    expect(preview.clean).toBe(false);
    expect(preview.fileErrors[0]).toMatch(error);
    const before = rowCounts(db);
    expect(dispatch('import.commitCsv', { kind: 'backlog', quarterId, bytes: csvBytes(text) })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: /^Nothing was imported: / },
    });
    expect(rowCounts(db)).toEqual(before);
  };
  it('a header of 5,000 columns', () => {
    const header = ['Summary', 'Issue key', 'Issue Type', ...Array.from({ length: 4997 }, (_, i) => `c${i}`)].join(',');
    refused(`${header}\nWallets,PAY-1,Epic\n`, /^The header names 5,000 columns; Rungs reads files of at most 1,000\./);
  });
  it('a Jira export without its Issue key column', () => {
    const parsed = parseCsv(JIRA);
    if (!parsed.ok) throw new Error(parsed.error);
    const drop = <T>(cells: T[]) => cells.filter((_, i) => i !== 1);
    const text = toCsv(
      drop(parsed.header),
      parsed.records.map((r) => drop(r.cells)),
    );
    refused(text, /^This looks like a Jira Cloud CSV, but it has no "Issue key" column: .*Export with "All fields"/);
  });
  it('a Linear export without its ID column', () => {
    const text = LINEAR.replace(/^ID,/, 'Ident,');
    refused(text, /^This looks like a Linear CSV, but it has no "ID" column/);
  });
  it('repeated Sprint and Labels headers keep every value (a rung label in the second Labels column counts)', () => {
    const { dispatch, quarterId } = setup();
    const preview = ok(dispatch('import.previewCsv', { kind: 'backlog', quarterId, bytes: csvBytes(JIRA) }));
    // PAY-21 carries rung:mid in its second Labels column.
    expect(preview.rows.find((r) => r.cells[0] === 'PAY-21')!.mappings).toContainEqual({ column: 'rung', from: 'rung:mid', to: 'Mid' });
  });
});

describe('unfinished work copied into the next quarter keeps its key', () => {
  it("so next quarter's export updates the copies instead of adding them again", () => {
    const { db, dispatch, quarterId } = setup();
    ok(dispatch('import.commitCsv', { kind: 'backlog', quarterId, bytes: csvBytes(JIRA) }));
    const next = ok(dispatch('quarters.create', { name: '2099 Q1' })).quarterId;
    ok(dispatch('quarters.copyUnfinished', { fromQuarterId: quarterId, toQuarterId: next }));
    const copied = db.prepare('SELECT external_key FROM work_items WHERE quarter_id = ? AND external_key IS NOT NULL').pluck().all(next);
    expect(copied).toContain('PAY-11');
    expect(copied).not.toContain('PAY-21'); // done: not copied
    const preview = ok(dispatch('import.previewCsv', { kind: 'backlog', quarterId: next, bytes: csvBytes(JIRA) }));
    expect(preview.rows.find((r) => r.cells[0] === 'PAY-11')!.change).toBe('unchanged');
    expect(preview.rows.find((r) => r.cells[0] === 'PAY-21')!.change).toBe('new');
  });
});

describe('a tracker item whose parent names no initiative but a slip of one: "did you mean …?"', () => {
  const fix = (from: string, to: string) => ({ renames: [{ column: 'parent' as const, from, to }], titles: [] });

  it('Jira: a story under "Walet payments" (an epic key the file does not have) is offered Wallet payments, and the fix puts it under PAY-1', () => {
    const { db, dispatch, quarterId } = setup();
    const text = JIRA.replace('5,,10001,PAY-1,Wallet payments', '5,,,PAY-99,Walet payments');
    const bytes = csvBytes(text);
    const p = ok(dispatch('import.previewCsv', { kind: 'backlog', quarterId, bytes }));
    const row = (preview: typeof p) => preview.rows.find((r) => r.cells.includes('PAY-11'))!;
    expect(row(p).mappings).toContainEqual({ column: 'parent', from: 'PAY-99', to: 'no initiative (not in this file or in 2026 Q4)' });
    expect(p.suggestions).toEqual([{ column: 'parent', value: 'Walet payments', suggestion: 'Wallet payments', rows: 1 }]);

    const corrections = fix('Walet payments', 'Wallet payments');
    const fixed = ok(dispatch('import.previewCsv', { kind: 'backlog', quarterId, bytes, corrections }));
    expect(row(fixed).mappings).toContainEqual({ column: 'parent', from: 'Walet payments', to: 'Wallet payments' });
    expect(fixed.suggestions).toEqual([]);
    ok(dispatch('import.commitCsv', { kind: 'backlog', quarterId, bytes, corrections, fingerprint: fixed.fingerprint }));
    expect(keyed(db).find((i) => i.key === 'PAY-11')!.parent).toBe('PAY-1');
  });

  it('a mapped sheet: a story under "Chekout revamp" is offered the quarter’s Checkout revamp; a parent near nothing is offered nothing', () => {
    const { db, dispatch, quarterId } = setup();
    const bytes = csvBytes('Summary,Epic\nPay button,Chekout revamp\nReceipts,Nowhere at all\n');
    const p = ok(dispatch('import.previewCsv', { kind: 'backlog', quarterId, bytes }));
    expect(p.suggestions).toEqual([{ column: 'parent', value: 'Chekout revamp', suggestion: 'Checkout revamp', rows: 1 }]);
    const corrections = fix('Chekout revamp', 'Checkout revamp');
    const fixed = ok(dispatch('import.previewCsv', { kind: 'backlog', quarterId, bytes, corrections }));
    ok(dispatch('import.commitCsv', { kind: 'backlog', quarterId, bytes, corrections, fingerprint: fixed.fingerprint }));
    const parentOf = (title: string) =>
      db
        .prepare('SELECT p.title FROM work_items w LEFT JOIN work_items p ON p.id = w.parent_id WHERE w.title = ? AND w.quarter_id = ?')
        .pluck()
        .get(title, quarterId);
    expect(parentOf('Pay button')).toBe('Checkout revamp');
    expect(parentOf('Receipts')).toBeNull();
  });
});
