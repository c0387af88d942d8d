import { currentQuarterName } from '../../data/seed/demo-team.ts';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../data/store/db.ts';
import { RungsDocument } from '../../shared/contract/transfer.ts';
import { planBreaches } from '../helpers/plan-invariants.ts';
import { csvBytes, ok, rowCounts, tempRoster } from '../helpers/temp-db.ts';

// What leaves Rungs and comes back in says what it said before: an exported roster imports as
// "unchanged", work keeps its team through every edit and file, and copied work keeps where it came from.

const idOf = (db: Db, table: 'engineers' | 'teams', name: string) =>
  db.prepare(`SELECT id FROM ${table} WHERE name = ?`).pluck().get(name) as number;
const itemId = (db: Db, title: string, quarterId = 1) =>
  db.prepare('SELECT id FROM work_items WHERE title = ? AND quarter_id = ?').pluck().get(title, quarterId) as number;
const item = (db: Db, id: number) =>
  db.prepare('SELECT * FROM work_items w LEFT JOIN assignments a ON a.item_id = w.id WHERE w.id = ?').get(id) as Record<string, unknown>;
const everything = (db: Db) =>
  Object.fromEntries(
    ['teams', 'engineers', 'level_changes', 'quarters', 'work_items', 'assignments'].map((t) => [
      t,
      db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all(),
    ]),
  );

describe('the roster CSV export carries every field the import reads', () => {
  it('demo roster with one engineer deactivated → export → preview says every row unchanged → commit changes nothing', () => {
    const { db, dispatch } = tempRoster();
    ok(dispatch('engineers.update', { engineerId: idOf(db, 'engineers', 'Mia Chen'), active: false }));
    const before = everything(db);
    const changes = rowCounts(db).changes;
    const { text } = ok(dispatch('export.rosterCsv', {}));
    expect(text.split('\r\n')).toContain('Mia Chen,Intern,Growth,,no,');
    const preview = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(text) }));
    expect(preview.clean).toBe(true);
    expect(preview.rows.map((r) => r.change)).toEqual(preview.rows.map(() => 'unchanged'));
    expect(preview.summary).toMatchObject({ new: 0, updated: 0, unchanged: 11 });
    const commit = ok(
      dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(text), fingerprint: preview.fingerprint }),
    );
    expect(commit.changeId).toBeNull();
    expect(everything(db)).toEqual(before);
    expect(rowCounts(db).changes).toBe(changes);
    // Into another roster, the deactivated engineer arrives deactivated, the others active.
    const other = tempRoster({ demo: false });
    ok(other.dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(text) }));
    expect(other.db.prepare('SELECT name FROM engineers WHERE active = 0').pluck().all()).toEqual(['Mia Chen']);
    expect(other.db.prepare('SELECT count(*) FROM engineers WHERE active = 1').pluck().get()).toBe(10);
  });

  it('employee ids go out in the key column: the sheet renames someone, the re-import updates their row, not new + missing', () => {
    const { db, dispatch } = tempRoster();
    const hr = 'name,level,team,key\r\nMia Chen,Intern,Growth,E-7\r\nLeo Okafor,Intern,Growth,E-8\r\n';
    const first = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(hr) }));
    ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(hr), fingerprint: first.fingerprint }));
    const { text } = ok(dispatch('export.rosterCsv', {}));
    expect(text.split('\r\n')).toContain('Mia Chen,Intern,Growth,,yes,E-7');
    const renamed = text.replace('Mia Chen,', 'Mia Lund,');
    const preview = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(renamed) }));
    expect(preview.summary).toMatchObject({ new: 0, updated: 1 });
    const update = preview.rows.find((r) => r.change === 'update')!;
    expect(update.differences).toEqual([{ field: 'name', from: 'Mia Chen', to: 'Mia Lund' }]);
    const mia = idOf(db, 'engineers', 'Mia Chen');
    ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(renamed), fingerprint: preview.fingerprint }));
    expect(db.prepare('SELECT name FROM engineers WHERE id = ?').pluck().get(mia)).toBe('Mia Lund');
  });

  it('the import reads active as yes/no, true/false or 1/0 in any case; no column leaves everyone as they are', () => {
    const { db, dispatch } = tempRoster();
    const mia = idOf(db, 'engineers', 'Mia Chen');
    ok(dispatch('engineers.update', { engineerId: mia, active: false }));
    const head = 'name,level,team,capacity,active\r\n';
    const preview = ok(
      dispatch('import.previewCsv', {
        kind: 'roster',
        quarterId: null,
        bytes: csvBytes(
          `${head}Mia Chen,Intern,Growth,,YES\r\nLeo Okafor,Intern,Growth,6,False\r\nLina Haddad,Intern,Checkout,6,0\r\nNadia Ali,Junior,Growth,8,no\r\nJade Martin,Junior,Growth,10,True\r\nOmar Farouk,Mid,Growth,13,1\r\n`,
        ),
      }),
    );
    expect(preview.rows.map((r) => [r.change, r.differences])).toEqual([
      ['update', [{ field: 'active', from: 'no', to: 'yes' }]],
      ['update', [{ field: 'active', from: 'yes', to: 'no' }]],
      ['update', [{ field: 'active', from: 'yes', to: 'no' }]],
      ['new', []],
      ['unchanged', []],
      ['unchanged', []],
    ]);
    const bad = ok(
      dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(`${head}Mia Chen,Intern,Growth,,maybe\r\n`) }),
    );
    expect(bad.rows[0]!.errors).toEqual([{ column: 'active', message: expect.stringMatching(/^Unknown value: "maybe"; write yes or no/) }]);
    // Without the column, the deactivated engineer stays deactivated.
    const noColumn = ok(
      dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: csvBytes('name,level,team\r\nMia Chen,Intern,Growth\r\n') }),
    );
    expect(noColumn.rows[0]!.change).toBe('unchanged');

    const text = `${head}Mia Chen,Intern,Growth,,yes\r\nLeo Okafor,Intern,Growth,6,no\r\nNadia Ali,Junior,Growth,8,no\r\n`;
    ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(text) }));
    const active = (name: string) => db.prepare('SELECT active FROM engineers WHERE name = ?').pluck().get(name);
    expect([active('Mia Chen'), active('Leo Okafor'), active('Nadia Ali')]).toEqual([1, 0, 0]);
    // One change: one undo puts all three back.
    ok(dispatch('history.undo', {}));
    expect([active('Mia Chen'), active('Leo Okafor'), active('Nadia Ali')]).toEqual([0, 1, undefined]);
  });
});

describe("work belongs to a team: an initiative's, shared by its stories", () => {
  it('an initiative takes a team; its new story inherits it; a loose story may have one or none', () => {
    const { db, dispatch } = tempRoster();
    const growth = idOf(db, 'teams', 'Growth');
    ok(dispatch('work.create', { quarterId: 1, kind: 'initiative', title: 'Search', teamId: growth }));
    const search = itemId(db, 'Search');
    ok(dispatch('work.create', { quarterId: 1, kind: 'story', title: 'Index', parentId: search }));
    ok(dispatch('work.create', { quarterId: 1, kind: 'story', title: 'Loose', teamId: growth }));
    ok(dispatch('work.create', { quarterId: 1, kind: 'story', title: 'Nobody' }));
    expect([search, itemId(db, 'Index'), itemId(db, 'Loose'), itemId(db, 'Nobody')].map((id) => item(db, id).team_id)).toEqual([
      growth,
      growth,
      growth,
      null,
    ]);
    const r = dispatch('work.create', {
      quarterId: 1,
      kind: 'story',
      title: 'Elsewhere',
      parentId: search,
      teamId: idOf(db, 'teams', 'Checkout'),
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: /^A story's team is its initiative's: .*'Search'/ } });
    expect(dispatch('work.create', { quarterId: 1, kind: 'initiative', title: 'Ghost team', teamId: 99 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('moving an initiative to another team moves its stories, in one undoable change', () => {
    const { db, dispatch } = tempRoster();
    const checkout = idOf(db, 'teams', 'Checkout');
    const growth = idOf(db, 'teams', 'Growth');
    const revamp = itemId(db, 'Checkout revamp');
    const stories = db.prepare('SELECT id FROM work_items WHERE parent_id = ?').pluck().all(revamp) as number[];
    expect(stories.map((id) => item(db, id).team_id)).toEqual(stories.map(() => checkout));
    const before = everything(db);
    const m = ok(dispatch('work.update', { itemId: revamp, teamId: growth }));
    expect(m.summary).toBe(`${currentQuarterName()}: 'Checkout revamp' team Checkout → Growth; its 4 stories move with it to Growth`);
    expect([revamp, ...stories].map((id) => item(db, id).team_id)).toEqual([revamp, ...stories].map(() => growth));
    ok(dispatch('history.undo', {}));
    expect(everything(db)).toEqual(before);
  });

  it("a story moved under another initiative takes that initiative's team; taken out, it keeps it", () => {
    const { db, dispatch } = tempRoster();
    const story = itemId(db, 'Inline card validation errors');
    const referral = itemId(db, 'Referral rewards');
    ok(dispatch('work.update', { itemId: story, parentId: referral }));
    expect(item(db, story).team_id).toBe(idOf(db, 'teams', 'Growth'));
    ok(dispatch('work.update', { itemId: story, parentId: null }));
    expect(item(db, story).team_id).toBe(idOf(db, 'teams', 'Growth'));
    ok(dispatch('work.update', { itemId: story, teamId: null }));
    expect(item(db, story).team_id).toBeNull();
  });

  it('the plan CSV carries a team column; the backlog import reads it (optional) and refuses a team not on the roster', () => {
    const { db, dispatch } = tempRoster();
    const plan = ok(dispatch('export.planCsv', { quarterId: 1 })).text;
    expect(plan.split('\r\n')[0]).toBe('kind,title,parent,rung,size,touchpoints,team,status,assignee,fit,reviewer,key');
    const q2 = ok(dispatch('quarters.create', { name: 'Next' })).quarterId;
    const preview = ok(dispatch('import.previewCsv', { kind: 'backlog', quarterId: q2, bytes: csvBytes(plan) }));
    expect(preview.clean).toBe(true);
    ok(dispatch('import.commitCsv', { kind: 'backlog', quarterId: q2, bytes: csvBytes(plan) }));
    const teams = (q: number) =>
      db
        .prepare('SELECT w.title, t.name FROM work_items w LEFT JOIN teams t ON t.id = w.team_id WHERE quarter_id = ? ORDER BY w.title')
        .all(q);
    expect(teams(q2)).toEqual(teams(1));

    const head = 'kind,title,parent,team\r\n';
    const bad = ok(
      dispatch('import.previewCsv', {
        kind: 'backlog',
        quarterId: q2,
        bytes: csvBytes(
          `${head}initiative,Payments,,Platform\r\ninitiative,Ledger,,growth\r\nstory,Entries,Ledger,Checkout\r\nstory,Rows,Ledger,\r\nstory,Alone,,Checkout\r\n`,
        ),
      }),
    );
    expect(bad.rows.map((r) => r.errors.map((e) => e.message))).toEqual([
      [expect.stringMatching(/^Unknown team: "Platform" is not on the roster \(teams: Checkout, Growth\)/)],
      [],
      [`A story's team is its initiative's: "Ledger" is Growth's; leave the cell empty.`],
      [],
      [],
    ]);
    expect(bad.rows[1]!.mappings).toEqual([{ column: 'team', from: 'growth', to: 'Growth' }]);
  });

  it('the JSON document carries the team (since version 2); a version 1 document still imports, its teams given as the migration does', () => {
    const demo = tempRoster();
    ok(demo.dispatch('work.update', { itemId: itemId(demo.db, 'Find why new users churn in week one'), teamId: null }));
    const doc = RungsDocument.parse(JSON.parse(ok(demo.dispatch('export.json', {})).text));
    expect(doc.version).toBe(5);
    const copy = tempRoster({ demo: false });
    ok(copy.dispatch('import.json', { text: JSON.stringify(doc) }));
    expect(everything(copy.db).work_items).toEqual(everything(demo.db).work_items);

    // Version 1: the same document without the new fields.
    const { ladder: _ladder, ...onTheMap } = doc;
    const v1 = {
      ...onTheMap,
      version: 1,
      workItems: doc.workItems.map(({ teamId: _t, carriedFromQuarterId: _c, carriedAckNote: _n, externalKey: _k, ...w }) => w),
      engineers: doc.engineers.map(({ externalKey: _k, ...e }) => e),
    };
    const old = tempRoster({ demo: false });
    ok(old.dispatch('import.json', { text: JSON.stringify(v1) }));
    const team = (title: string) =>
      old.db.prepare('SELECT t.name FROM work_items w LEFT JOIN teams t ON t.id = w.team_id WHERE w.title = ?').pluck().get(title);
    // DRI Ana Sousa is in Checkout; DRI Jade Martin in Growth; no DRI, no team; a loose story, none.
    expect(team('Checkout revamp')).toBe('Checkout');
    expect(team('Inline card validation errors')).toBe('Checkout');
    expect(team('Referral funnel dashboard')).toBe('Growth');
    expect(team('Find why new users churn in week one')).toBeNull();
    expect(team('Frame the churn problem statement')).toBeNull();
    expect(team('Upgrade the payments SDK')).toBeNull();
    // A version 1 document with a version 2 field is refused: it is not what Rungs wrote.
    const mixed = { ...v1, workItems: v1.workItems.map((w, i) => (i === 0 ? { ...w, teamId: 1 } : w)) };
    expect(tempRoster({ demo: false }).dispatch('import.json', { text: JSON.stringify(mixed) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: /unknown field "teamId"/ },
    });
  });

  it('a document whose story is in another team than its initiative is refused, named', () => {
    const demo = tempRoster();
    const doc = RungsDocument.parse(JSON.parse(ok(demo.dispatch('export.json', {})).text));
    const story = doc.workItems.find((w) => w.title === 'Inline card validation errors')!;
    story.teamId = doc.teams.find((t) => t.name === 'Growth')!.id;
    expect(tempRoster({ demo: false }).dispatch('import.json', { text: JSON.stringify(doc) })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: /'Inline card validation errors' is in another team than its initiative 'Checkout revamp'/ },
    });
  });
});

describe('copying unfinished work carries it over from the quarter the lead picks', () => {
  /** The demo in 2026 Q4 (on screen would be the latest), plus two later quarters. */
  function threeQuarters() {
    const r = tempRoster();
    ok(r.dispatch('quarters.rename', { quarterId: 1, name: '2026 Q4' }));
    const q1 = ok(r.dispatch('quarters.create', { name: '2027 Q1' })).quarterId;
    const q2 = ok(r.dispatch('quarters.create', { name: '2027 Q2' })).quarterId;
    return { ...r, q1, q2 };
  }

  it('copies from an earlier quarter than the latest, each copy marked with where it came from', () => {
    const { db, dispatch, q1 } = threeQuarters();
    const m = ok(dispatch('quarters.copyUnfinished', { fromQuarterId: 1, toQuarterId: q1 }));
    expect(m.copied).toBeGreaterThan(0);
    const copies = db.prepare('SELECT carried_from_quarter_id FROM work_items WHERE quarter_id = ?').pluck().all(q1);
    expect(copies).toHaveLength(m.copied);
    expect(new Set(copies)).toEqual(new Set([1]));
    // Teams come along: a copied story is still its copied initiative's team's.
    const story = itemId(db, 'Inline card validation errors', q1);
    expect(item(db, story).team_id).toBe(idOf(db, 'teams', 'Checkout'));
    expect(item(db, item(db, story).parent_id as number).quarter_id).toBe(q1);
  });

  it('a kept overreach arrives as an open warning: the copy has no note, and remembers the earlier one', () => {
    const { db, dispatch, q1 } = threeQuarters();
    const fraud = itemId(db, 'Fraud rules for self-referrals');
    ok(dispatch('plan.acknowledge', { itemId: fraud, note: 'pairs with Marcus' }));
    const m = ok(dispatch('quarters.copyUnfinished', { fromQuarterId: 1, toQuarterId: q1 }));
    expect(m.summary).toMatch(/; an overreach kept there is an open warning again$/);
    const copy = item(db, itemId(db, 'Fraud rules for self-referrals', q1));
    expect(copy).toMatchObject({ engineer_id: idOf(db, 'engineers', 'Leo Okafor'), ack_note: null, carried_ack_note: 'pairs with Marcus' });
    // The source keeps its own note; the snapshot carries both for the board.
    expect(item(db, fraud).ack_note).toBe('pairs with Marcus');
    const snap = ok(dispatch('board.snapshot', { quarterId: q1 }));
    expect(snap.items.find((i) => i.title === 'Fraud rules for self-referrals')).toMatchObject({
      carriedFromQuarterId: 1,
      carriedAckNote: 'pairs with Marcus',
      assignment: { ackNote: null },
    });
  });

  it('the copy is one undoable change', () => {
    const { db, dispatch, q1 } = threeQuarters();
    const before = everything(db);
    ok(dispatch('quarters.copyUnfinished', { fromQuarterId: 1, toQuarterId: q1 }));
    ok(dispatch('history.undo', {}));
    expect(everything(db)).toEqual(before);
    ok(dispatch('history.redo', {}));
    expect(db.prepare('SELECT count(*) FROM work_items WHERE carried_from_quarter_id = 1').pluck().get()).toBeGreaterThan(0);
  });

  it("a story copied under an initiative already in the target takes that initiative's team there", () => {
    const { db, dispatch, q1 } = threeQuarters();
    ok(dispatch('quarters.copyUnfinished', { fromQuarterId: 1, toQuarterId: q1 }));
    const revamp = itemId(db, 'Checkout revamp', q1);
    ok(dispatch('work.update', { itemId: revamp, teamId: idOf(db, 'teams', 'Growth') }));
    // A story added in the earlier quarter afterwards comes in under the copy, in its new team.
    ok(dispatch('work.create', { quarterId: 1, kind: 'story', title: 'Late story', parentId: itemId(db, 'Checkout revamp') }));
    ok(dispatch('quarters.copyUnfinished', { fromQuarterId: 1, toQuarterId: q1 }));
    const late = item(db, itemId(db, 'Late story', q1));
    expect(late).toMatchObject({ parent_id: revamp, team_id: idOf(db, 'teams', 'Growth') });
    expect(planBreaches(db)).toEqual([]);
  });

  it('copying on from a copy names the quarter it last came from', () => {
    const { db, dispatch, q1, q2 } = threeQuarters();
    ok(dispatch('quarters.copyUnfinished', { fromQuarterId: 1, toQuarterId: q1 }));
    ok(dispatch('quarters.copyUnfinished', { fromQuarterId: q1, toQuarterId: q2 }));
    expect(new Set(db.prepare('SELECT carried_from_quarter_id FROM work_items WHERE quarter_id = ?').pluck().all(q2))).toEqual(
      new Set([q1]),
    );
  });
});
