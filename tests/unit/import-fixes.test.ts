import { describe, expect, it } from 'vitest';
import { listBackups } from '../../data/safety/backup-list.ts';
import { csvBytes, ok, rowCounts, tempRoster } from '../helpers/temp-db.ts';

// What the lead settles in a preview instead of editing the sheet: a misspelt team or parent
// rewritten for every row that names it, and the level of an HR title the ladder does not know,
// saved as that level's alias in the same change as the rows.

type Db = ReturnType<typeof tempRoster>['db'];
const teamNames = (db: Db) => (db.prepare('SELECT name FROM teams ORDER BY name').all() as { name: string }[]).map((t) => t.name);
const people = (db: Db) =>
  db.prepare('SELECT e.name, e.level, t.name AS team FROM engineers e JOIN teams t ON t.id = e.team_id ORDER BY e.name').all() as {
    name: string;
    level: number;
    team: string;
  }[];
const aliases = (db: Db) =>
  (db.prepare('SELECT name, aliases FROM ladder_levels ORDER BY position').all() as { name: string; aliases: string }[]).map((l) => [
    l.name,
    JSON.parse(l.aliases) as string[],
  ]);

/** A roster with one team, Platform, to misspell. */
function withPlatform() {
  const r = tempRoster({ demo: false });
  const bytes = csvBytes('name,level,team\nAna,Mid,Platform\n');
  const p = ok(r.dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes }));
  ok(r.dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes, fingerprint: p.fingerprint }));
  return r;
}

describe('a new team within a typo of one on the roster: "did you mean …?"', () => {
  const FILE = 'name,level,team\nBo,Junior,Platfrom\nCy,Senior,platfrom\nDee,Mid,Mobiles Team\n';

  it('is suggested once for every row that names it; a name further off is a new team as before', () => {
    const { dispatch } = withPlatform();
    const p = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(FILE) }));
    expect(p.suggestions).toEqual([{ column: 'team', value: 'Platfrom', suggestion: 'Platform', rows: 2 }]);
    expect(p.summary.newTeams).toEqual(['Platfrom', 'Mobiles Team']);
  });

  it('one fix rewrites every row, the misspelt team is not created and the preview says so', () => {
    const { db, dispatch } = withPlatform();
    const bytes = csvBytes(FILE);
    const corrections = { renames: [{ column: 'team' as const, from: 'Platfrom', to: 'Platform' }], titles: [] };
    const p = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes, corrections }));
    expect(p.suggestions).toEqual([]);
    expect(p.summary.newTeams).toEqual(['Mobiles Team']);
    expect(p.notes).toContain('The team "Platfrom" is not created: after your fix no row of the file is in it.');
    expect(p.rows[1]!.mappings).toEqual([{ column: 'team', from: 'platfrom', to: 'Platform' }]);

    // The commit checks the same fix: without it, the fingerprint of the preview does not match.
    const without = dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes, fingerprint: p.fingerprint });
    expect(without.ok).toBe(false);
    ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes, fingerprint: p.fingerprint, corrections }));
    expect(teamNames(db)).toEqual(['Mobiles Team', 'Platform']);
    expect(
      people(db)
        .filter((e) => e.team === 'Platform')
        .map((e) => e.name),
    ).toEqual(['Ana', 'Bo', 'Cy']);
  });

  it("points the file's rare spelling at its common one when neither is on the roster yet", () => {
    const { dispatch } = tempRoster({ demo: false });
    const file = 'name,level,team\nA,Mid,Growth\nB,Mid,Growth\nC,Mid,Grwoth\n';
    const p = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(file) }));
    expect(p.suggestions).toEqual([{ column: 'team', value: 'Grwoth', suggestion: 'Growth', rows: 1 }]);
  });
});

describe('a story whose parent is a typo of an initiative: "did you mean …?"', () => {
  it('suggests the initiative, and the fix makes the row valid', () => {
    const { db, dispatch } = tempRoster();
    const quarterId = (db.prepare('SELECT id FROM quarters ORDER BY id DESC LIMIT 1').get() as { id: number }).id;
    const bytes = csvBytes('kind,title,parent\ninitiative,Checkout revamp,\nstory,Pay button,Chekout revamp\nstory,Receipts,Nowhere\n');
    const p = ok(dispatch('import.previewCsv', { kind: 'backlog', quarterId, bytes }));
    expect(p.suggestions).toEqual([{ column: 'parent', value: 'Chekout revamp', suggestion: 'Checkout revamp', rows: 1 }]);
    const corrections = { renames: [{ column: 'parent' as const, from: 'Chekout revamp', to: 'Checkout revamp' }], titles: [] };
    const fixed = ok(dispatch('import.previewCsv', { kind: 'backlog', quarterId, bytes, corrections }));
    expect(fixed.rows[1]!.errors).toEqual([]);
    expect(fixed.rows[1]!.mappings).toEqual([{ column: 'parent', from: 'Chekout revamp', to: 'Checkout revamp' }]);
    // "Nowhere" is near no initiative: still an error, with no suggestion.
    expect(fixed.rows[2]!.errors[0]!.message).toMatch(/^Unknown parent/);
    expect(fixed.suggestions).toEqual([]);
  });
});

describe('an HR title the ladder does not know: the lead picks its level once', () => {
  const FILE = 'name,level,team\nAna,Staff Engineer,Core\nBo,staff engineer,Core\nCy,Software Engineer II,Core\nDee,Mid,Core\n';

  it('is listed once per title, and its rows stay errors until a level is picked', () => {
    const { dispatch } = tempRoster({ demo: false });
    const p = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(FILE) }));
    expect(p.unknownTitles).toEqual([
      { title: 'Staff Engineer', rows: 2 },
      { title: 'Software Engineer II', rows: 1 },
    ]);
    expect(p.clean).toBe(false);
    expect(p.rows[0]!.errors[0]!.message).toMatch(/Pick its level above/);
  });

  it('imports the rows at the picked level and saves the titles as aliases in one change; the next import knows them; undo removes both', () => {
    const { db, dispatch, file } = tempRoster({ demo: false });
    const before = { counts: rowCounts(db), aliases: aliases(db) };
    const bytes = csvBytes(FILE);
    const corrections = {
      renames: [],
      titles: [
        { title: 'Staff Engineer', level: 3 },
        { title: 'Software Engineer II', level: 2 },
      ],
    };
    const p = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes, corrections }));
    expect(p.clean).toBe(true);
    expect(p.unknownTitles).toEqual([]);
    expect(p.rows[1]!.mappings).toContainEqual({ column: 'level', from: 'staff engineer', to: 'Senior' });
    const m = ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes, fingerprint: p.fingerprint, corrections }));
    expect(m.summary).toBe('Imported 4 engineers and 1 team from CSV; 2 titles saved as level aliases');
    expect(listBackups(file).filter((b) => b.reason === 'import')).toHaveLength(1);
    expect(people(db).map((e) => [e.name, e.level])).toEqual([
      ['Ana', 3],
      ['Bo', 3],
      ['Cy', 2],
      ['Dee', 2],
    ]);
    expect(aliases(db)).toContainEqual(['Senior', ['Staff Engineer']]);
    expect(aliases(db)).toContainEqual(['Mid', ['Software Engineer II']]);

    // The same file again: every title known, nothing to pick, every row unchanged.
    const again = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes }));
    expect(again.unknownTitles).toEqual([]);
    expect(again.summary).toMatchObject({ invalid: 0, unchanged: 4 });

    ok(dispatch('history.undo', {}));
    expect(rowCounts(db)).toEqual({ ...before.counts, changes: 1 });
    expect(aliases(db)).toEqual(before.aliases);
  });

  it('refuses a picked level that is not on the ladder, and a pick the request cannot hold, changing nothing', () => {
    const { db, dispatch } = tempRoster({ demo: false });
    const before = rowCounts(db);
    const bytes = csvBytes(FILE);
    const off = { renames: [], titles: [{ title: 'Staff Engineer', level: 9 }] };
    const p = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes, corrections: off }));
    expect(p.rows[0]!.errors[0]!.message).toBe('The level picked for "Staff Engineer" is not on the ladder; pick it again.');
    expect(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes, corrections: off }).ok).toBe(false);
    for (const corrections of [
      { renames: [], titles: [{ title: 'x'.repeat(81), level: 1 }] },
      { renames: [], titles: [{ title: 'Staff', level: -1 }] },
      { renames: [{ column: 'name', from: 'a', to: 'b' }], titles: [] },
      { renames: [], titles: [], __proto__: { polluted: true } },
      { renames: Array.from({ length: 501 }, () => ({ column: 'team', from: 'a', to: 'b' })), titles: [] },
    ]) {
      const r = dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes, corrections } as never);
      expect(r.ok).toBe(false);
    }
    expect(rowCounts(db)).toEqual(before);
  });
});

describe('an HR sheet with the name in two columns and an employee id', () => {
  const FIRST = ['First Name,Last Name,Employee ID,Job Title,Department', 'Ana,Sousa,E1,Mid,Core', 'Bo,Lee,E2,Junior,Core', ''].join('\n');
  const keys = (db: Db) =>
    db.prepare('SELECT name, external_key FROM engineers ORDER BY id').all() as { name: string; external_key: string | null }[];

  it('joins the given and family name, and keeps the id', () => {
    const { db, dispatch } = tempRoster({ demo: false });
    const bytes = csvBytes(FIRST);
    const p = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes }));
    expect(p.roster?.mapping).toMatchObject({ name: ['First Name', 'Last Name'], key: ['Employee ID'] });
    ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes, fingerprint: p.fingerprint }));
    expect(keys(db)).toEqual([
      { name: 'Ana Sousa', external_key: 'E1' },
      { name: 'Bo Lee', external_key: 'E2' },
    ]);
  });

  it('a renamed person with the same id is an update of their name, not someone new and someone missing; undo puts the name back', () => {
    const { db, dispatch } = tempRoster({ demo: false });
    const first = csvBytes(FIRST);
    ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: first }));
    const renamed = csvBytes(FIRST.replace('Ana,Sousa,E1,Mid', 'Ana,Lima,E1,Senior'));
    const p = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: renamed }));
    expect(p.summary).toMatchObject({ new: 0, updated: 1, unchanged: 1 });
    expect(p.rows[0]!.differences).toEqual([
      { field: 'name', from: 'Ana Sousa', to: 'Ana Lima' },
      { field: 'level', from: 'Mid', to: 'Senior' },
    ]);
    ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: renamed, fingerprint: p.fingerprint }));
    expect(people(db).map((e) => [e.name, e.level])).toEqual([
      ['Ana Lima', 3],
      ['Bo Lee', 1],
    ]);
    ok(dispatch('history.undo', {}));
    expect(keys(db)[0]).toEqual({ name: 'Ana Sousa', external_key: 'E1' });
  });

  it('someone typed in by hand is matched by name and gains the id; a namesake with another id is someone new', () => {
    const { db, dispatch } = tempRoster({ demo: false });
    ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: csvBytes('name,level,team\nAna Sousa,Mid,Core\n') }));
    const p = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(FIRST) }));
    expect(p.rows[0]!.differences).toEqual([{ field: 'employee id', from: 'none', to: 'E1' }]);
    ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(FIRST) }));
    const other = ok(
      dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: csvBytes('name,level,team,key\nAna Sousa,Mid,Core,E9\n') }),
    );
    expect(other.rows[0]!.change).toBe('new');
    expect(keys(db)).toHaveLength(2);
  });

  it('the same id on two lines, or an id over 300 characters, is that row’s error and nothing is written', () => {
    const { db, dispatch } = tempRoster({ demo: false });
    const before = rowCounts(db);
    const text = `name,level,team,key\nAna,Mid,Core,E1\nBo,Mid,Core,E1\nCy,Mid,Core,${'9'.repeat(301)}\n`;
    const p = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(text) }));
    expect(p.rows.map((r) => r.errors.map((e) => e.message))).toEqual([
      [],
      ['Duplicate employee id: E1 is also on line 2.'],
      ['An employee id has at most 300 characters; this one has 301.'],
    ]);
    expect(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(text) }).ok).toBe(false);
    expect(rowCounts(db)).toEqual(before);
  });
});

describe('employee ids travel in the JSON document (version 5)', () => {
  const HR = 'name,level,team,key\nAna Sousa,Mid,Core,E1\nBo Lee,Junior,Core,E2\n';
  const exported = () => {
    const r = tempRoster({ demo: false });
    ok(r.dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(HR) }));
    return JSON.parse(ok(r.dispatch('export.json', {})).text) as { version: number; engineers: Record<string, unknown>[] };
  };
  const idsIn = (db: Db) => db.prepare('SELECT external_key FROM engineers ORDER BY id').pluck().all();

  it('a restored roster keeps them, so its next HR import matches by id', () => {
    const doc = exported();
    expect(doc.engineers.map((e) => e.externalKey)).toEqual(['E1', 'E2']);
    const copy = tempRoster({ demo: false });
    ok(copy.dispatch('import.json', { text: JSON.stringify(doc) }));
    expect(idsIn(copy.db)).toEqual(['E1', 'E2']);
    const renamed = HR.replace('Ana Sousa', 'Ana Lima');
    const p = ok(copy.dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(renamed) }));
    expect(p.summary).toMatchObject({ new: 0, updated: 1 });
  });

  it('a version 4 document imports with none; two engineers with one id are refused', () => {
    const doc = exported();
    const v4 = { ...doc, version: 4, engineers: doc.engineers.map(({ externalKey: _k, ...e }) => e) };
    const copy = tempRoster({ demo: false });
    ok(copy.dispatch('import.json', { text: JSON.stringify(v4) }));
    expect(idsIn(copy.db)).toEqual([null, null]);

    const twice = { ...doc, engineers: doc.engineers.map((e) => ({ ...e, externalKey: 'E1' })) };
    const other = tempRoster({ demo: false });
    const r = other.dispatch('import.json', { text: JSON.stringify(twice) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(JSON.stringify(r.error)).toMatch(/Bo Lee and Ana Sousa have the same employee id E1/);
    expect(rowCounts(other.db).engineers).toBe(0);
  });
});
