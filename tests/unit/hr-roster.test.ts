import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../data/safety/backup-list.ts';
import { csvBytes, ok, rowCounts, tempRoster } from '../helpers/temp-db.ts';

// A roster from an HR system's people export, through the import channels: the columns mapped
// from their headers, FTE as capacity, people who left skipped or made inactive, one change in
// History with a backup, and the mapping remembered for the next file with this header.

const fixture = (name: string) => readFileSync(new URL(`../e2e/fixtures/${name}`, import.meta.url), 'utf8');
const WORKDAY = fixture('workday-workers.csv');
const BAMBOO = fixture('bamboohr-employees.csv');
const HIBOB = fixture('hibob-people.csv');

const roster = (db: ReturnType<typeof tempRoster>['db']) =>
  db
    .prepare(
      `SELECT e.name, e.level, t.name AS team, e.capacity, e.active FROM engineers e JOIN teams t ON t.id = e.team_id ORDER BY e.name`,
    )
    .all() as { name: string; level: number; team: string; capacity: number | null; active: number }[];
const person = (db: ReturnType<typeof tempRoster>['db'], name: string) => roster(db).find((e) => e.name === name);

describe('a Workday workers report imports as it comes', () => {
  it('maps Worker, Business Title, Supervisory Organization, FTE and Worker Status, and says so', () => {
    const { dispatch } = tempRoster({ demo: false });
    const p = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(WORKDAY) }));
    expect(p.roster?.mapping).toEqual({
      name: ['Worker'],
      level: ['Business Title'],
      team: ['Supervisory Organization'],
      capacity: ['FTE'],
      active: ['Worker Status'],
      key: ['Employee ID'],
    });
    expect(p.roster?.capacity).toEqual({ unit: 'share', fullTime: 10 });
    expect(p.notes).toContain('Not used, will be ignored: "Management Level", "Manager", "Location", "Hire Date".');
    expect(p.roster?.columns.find((c) => c.name === 'FTE')?.samples).toEqual(['1.0', '0.8', '0.5']);
    expect(p.clean).toBe(true);
    // 15 workers, one of them Terminated and not on the roster: 14 to import, the other said.
    expect(p.summary).toMatchObject({ rows: 14, new: 14, newTeams: ['Payments', 'Search', 'Mobile'] });
    expect(p.roster?.skipped).toEqual([{ line: 9, name: 'Hana Satō', why: 'status "Terminated", not on the roster' }]);
    // The preview marks what each cell became, on the file's own column.
    const bruno = p.rows.find((r) => r.cells[1] === 'Bruno Costa')!;
    expect(bruno.mappings).toEqual([
      { column: 'business title', from: 'Mid-level Engineer', to: 'Mid' },
      { column: 'fte', from: '0.8', to: '8 points' },
    ]);
    const farah = p.rows.find((r) => r.cells[1] === 'Farah Khan')!;
    expect(farah.mappings).toContainEqual({ column: 'worker status', from: 'On Leave', to: 'not active' });
  });

  it('commits as one change with a backup: FTE × 10 points, On Leave imported inactive; undo removes it all', () => {
    const { db, dispatch, file } = tempRoster({ demo: false });
    const before = rowCounts(db);
    const bytes = csvBytes(WORKDAY);
    const p = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes }));
    const m = ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes, fingerprint: p.fingerprint }));
    expect(m.summary).toBe('Imported 14 engineers and 3 teams from CSV');
    expect(listBackups(file).filter((b) => b.reason === 'import')).toHaveLength(1);
    expect(person(db, 'Bruno Costa')).toEqual({ name: 'Bruno Costa', level: 2, team: 'Payments', capacity: 8, active: 1 });
    expect(person(db, 'Dev Patel')).toMatchObject({ level: 0, capacity: 5 });
    expect(person(db, 'Jürgen Weiß')).toMatchObject({ level: 3, team: 'Mobile', capacity: 9 });
    expect(person(db, 'Farah Khan')).toMatchObject({ active: 0, capacity: 10 });
    expect(person(db, 'Hana Satō')).toBeUndefined();
    ok(dispatch('history.undo', {}));
    expect(rowCounts(db)).toMatchObject({ engineers: before.engineers, teams: before.teams });
  });

  it('a full-time figure the lead sets turns the same FTEs into other points', () => {
    const { db, dispatch } = tempRoster({ demo: false });
    const bytes = csvBytes(WORKDAY);
    const roster = { fullTime: 12 };
    const p = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes, roster }));
    expect(p.roster?.capacity.fullTime).toBe(12);
    ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes, roster, fingerprint: p.fingerprint }));
    // 0.8 × 12 = 9.6 → 10; 0.5 × 12 = 6.
    expect(person(db, 'Bruno Costa')?.capacity).toBe(10);
    expect(person(db, 'Dev Patel')?.capacity).toBe(6);
  });

  it("a preview with another full-time figure than the commit's is refused: the lead confirms what was shown", () => {
    const { db, dispatch } = tempRoster({ demo: false });
    const bytes = csvBytes(WORKDAY);
    const p = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes, roster: { fullTime: 12 } }));
    const r = dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes, roster: { fullTime: 8 }, fingerprint: p.fingerprint });
    expect(r.ok).toBe(false);
    expect(roster(db)).toEqual([]);
  });
});

describe('people who left', () => {
  it('are not added, and someone on the roster who left is made inactive (BambooHR, no capacity column)', () => {
    const { db, dispatch } = tempRoster({ demo: false });
    ok(
      dispatch('import.commitCsv', {
        kind: 'roster',
        quarterId: null,
        bytes: csvBytes('name,level,team,capacity\nDev Patel,Intern,Payments,6\n'),
      }),
    );
    const bytes = csvBytes(BAMBOO);
    const p = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes }));
    expect(p.roster?.mapping.capacity).toEqual([]);
    expect(p.roster?.skipped).toEqual([{ line: 6, name: 'Wen Zhou', why: 'status "Inactive", not on the roster' }]);
    const dev = p.rows.find((r) => r.cells[1] === 'Dev Patel')!;
    expect(dev.change).toBe('update');
    expect(dev.differences).toEqual([{ field: 'active', from: 'yes', to: 'no' }]);
    ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes, fingerprint: p.fingerprint }));
    // Without a capacity column, capacities stay as they were: Dev keeps 6, the new people have none.
    expect(person(db, 'Dev Patel')).toMatchObject({ active: 0, capacity: 6 });
    expect(person(db, 'Amara Osei')).toMatchObject({ level: 3, capacity: null, active: 1 });
    expect(person(db, 'Wen Zhou')).toBeUndefined();
  });
});

describe('a HiBob export (semicolons, FTE %) reads through the same mapping', () => {
  it('FTE % 80 is 0.8 of full time; a status Rungs does not know reads as working and is said', () => {
    const { dispatch } = tempRoster({ demo: false });
    const p = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(HIBOB) }));
    expect(p.reading?.said).toBe('Read as UTF-8, semicolon-separated.');
    expect(p.roster?.statuses).toContainEqual({ from: 'Probation period', to: 'active', known: false, rows: 1 });
    expect(p.rows.find((r) => r.cells[1] === 'Bruno Costa')!.mappings).toContainEqual({ column: 'fte %', from: '80', to: '8 points' });
    expect(p.summary).toMatchObject({ rows: 4, new: 4 });
  });
});

describe('the mapping', () => {
  it('a column the lead picks replaces the guess, and the next file with this header starts from it', () => {
    const { dispatch } = tempRoster({ demo: false });
    const bytes = csvBytes(WORKDAY);
    const first = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes }));
    expect(first.roster?.remembered).toBe(false);
    // Management Level does not name levels on this ladder: every row says so, on that column.
    const mapping = { ...first.roster!.mapping, level: ['Management Level'] };
    const wrong = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes, roster: { mapping } }));
    expect(wrong.clean).toBe(false);
    expect(wrong.rows[0]!.errors[0]).toMatchObject({ column: 'management level', message: expect.stringMatching(/^Unknown level/) });
    // Back to Business Title, confirmed by the commit: remembered for this header.
    const right = { ...mapping, level: ['Business Title'], active: [] };
    const p = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes, roster: { mapping: right } }));
    ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes, roster: { mapping: right }, fingerprint: p.fingerprint }));
    const again = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes }));
    expect(again.roster?.remembered).toBe(true);
    expect(again.roster?.mapping.active).toEqual([]);
    // Without a status column, Hana (Terminated) is read like everyone else: already imported, unchanged.
    expect(again.summary).toMatchObject({ rows: 15, unchanged: 15 });
  });

  it('a field mapped to no column is a file error that names it and says where to fix it', () => {
    const { db, dispatch } = tempRoster({ demo: false });
    const mapping = { name: ['Worker'], level: [], team: [], capacity: [], active: [] };
    const p = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(WORKDAY), roster: { mapping } }));
    expect(p.fileErrors[0]).toMatch(
      /^Missing columns: level, team\. Pick the column of the file that holds each in the column mapping below/,
    );
    // The mapping still comes with the refusal: it is where the lead fixes it.
    expect(p.roster?.mapping.name).toEqual(['Worker']);
    expect(p.roster?.columns.map((c) => c.name)).toContain('Business Title');
    const r = dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(WORKDAY), roster: { mapping } });
    expect(r.ok).toBe(false);
    expect(roster(db)).toEqual([]);
  });

  it('a mapping that names a column the file does not have is not read', () => {
    const { dispatch } = tempRoster({ demo: false });
    const mapping = { name: ['Worker'], level: ['Business Title'], team: ['Squad'], capacity: [], active: [] };
    const p = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(WORKDAY), roster: { mapping } }));
    expect(p.roster?.mapping.team).toEqual([]);
    expect(p.fileErrors[0]).toMatch(/^Missing column: team\./);
  });
});
