import { describe, expect, it } from 'vitest';
import { engineerLabels } from '../../shared/namesakes.ts';
import { csvBytes, ok, rowCounts, tempRoster } from '../helpers/temp-db.ts';

// Two people can share a name. An HR sheet tells them apart by their employee ids, so a roster
// import keeps both and its preview names them; rows of one name without ids are still one person
// twice, and refused. Real roster files, the real import handlers.

type Roster = ReturnType<typeof tempRoster>;
const HR = ['First Name,Last Name,Employee ID,Job Title,Department', 'Alex,Kim,1043,Mid,Core', 'Alex,Kim,2211,Junior,Payments', ''].join(
  '\n',
);
const NOTE = 'Two people named Alex Kim (ids 1043, 2211): they stay two people, told apart by their employee ids.';

const preview = ({ dispatch }: Roster, text: string) =>
  ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(text) }));
const commit = ({ dispatch }: Roster, text: string) =>
  dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(text) });
const errors = (p: ReturnType<typeof preview>) => p.rows.flatMap((r) => r.errors.map((e) => e.message));
/** Who is on the board, as the roster snapshot lists them: name, level, team, employee id. */
function board({ dispatch }: Roster) {
  const s = ok(dispatch('board.snapshot', {}));
  return s.engineers.map((e) => [e.name, e.level, s.teams.find((t) => t.id === e.teamId)!.name, e.employeeId]);
}

describe('two people of one name with different employee ids are two people', () => {
  it('an HR sheet with two Alex Kims (ids 1043 and 2211) previews both as new, names them, and the board lists both', () => {
    const r = tempRoster({ demo: false });
    const p = preview(r, HR);
    expect(errors(p)).toEqual([]);
    expect(p.summary).toMatchObject({ new: 2 });
    expect(p.notes).toContain(NOTE);
    ok(commit(r, HR));
    expect(board(r)).toEqual([
      ['Alex Kim', 2, 'Core', '1043'],
      ['Alex Kim', 1, 'Payments', '2211'],
    ]);
  });

  it('a sheet with Rungs’ own column names and an “Employee ID” column reads the ids too', () => {
    const r = tempRoster({ demo: false });
    const p = preview(r, 'Employee ID,Name,Level,Team\n1043,Alex Kim,Mid,Core\n2211,Alex Kim,Junior,Payments\n');
    expect(errors(p)).toEqual([]);
    expect(p.roster?.mapping).toMatchObject({ name: ['Name'], level: ['Level'], team: ['Team'], key: ['Employee ID'] });
    expect(p.notes).toContain(NOTE);
  });

  it('the same sheet again finds each by their id: nothing changes, and a promotion lands on the right one', () => {
    const r = tempRoster({ demo: false });
    ok(commit(r, HR));
    expect(preview(r, HR).summary).toMatchObject({ new: 0, updated: 0, unchanged: 2 });
    const promoted = HR.replace('2211,Junior', '2211,Mid');
    const p = preview(r, promoted);
    expect(p.rows.map((row) => row.differences)).toEqual([[], [{ field: 'level', from: 'Junior', to: 'Mid' }]]);
    ok(commit(r, promoted));
    expect(board(r).map(([, level, , id]) => [id, level])).toEqual([
      ['1043', 2],
      ['2211', 2],
    ]);
  });

  it('a namesake with a new id next to someone already on the roster is added, and the preview names both', () => {
    const r = tempRoster({ demo: false });
    ok(commit(r, 'name,level,team,key\nAlex Kim,Mid,Core,1043\n'));
    const p = preview(r, 'name,level,team,key\nAlex Kim,Junior,Payments,2211\n');
    expect(p.rows[0]!.change).toBe('new');
    expect(p.notes).toContain(NOTE);
    expect(preview(r, 'name,level,team,key\nAlex Kim,Senior,Core,1043\n').notes).not.toContain(NOTE);
  });

  it('the roster CSV export, imported into an empty roster, keeps both with their ids', () => {
    const r = tempRoster({ demo: false });
    ok(commit(r, HR));
    const csv = ok(r.dispatch('export.rosterCsv', {})).text;
    const copy = tempRoster({ demo: false });
    expect(preview(copy, csv).notes).toContain(NOTE);
    ok(commit(copy, csv));
    expect(board(copy)).toEqual(board(r));
  });

  it('the roster exported as JSON and imported again keeps both', () => {
    const r = tempRoster({ demo: false });
    ok(commit(r, HR));
    const text = ok(r.dispatch('export.json', {})).text;
    const copy = tempRoster({ demo: false });
    ok(copy.dispatch('import.json', { text }));
    expect(board(copy)).toEqual(board(r));
    // Without an id on one of them, the document names one person twice, and is refused.
    const doc = JSON.parse(text) as { engineers: { externalKey: string | null }[] };
    doc.engineers[1]!.externalKey = null;
    const third = tempRoster({ demo: false });
    expect(third.dispatch('import.json', { text: JSON.stringify(doc) })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('there are two engineers called Alex Kim') },
    });
  });
});

describe('rows of one name that no id tells apart are still refused, and nothing is written', () => {
  it('two rows of one name where either has no id: a duplicate name, as before', () => {
    const r = tempRoster({ demo: false });
    const before = rowCounts(r.db);
    for (const text of [
      'name,level,team\nAlex Kim,Mid,Core\nAlex Kim,Junior,Core\n',
      'name,level,team,key\nAlex Kim,Mid,Core,1043\nAlex Kim,Junior,Core,\n',
    ]) {
      expect(errors(preview(r, text))).toEqual(['Duplicate name: Alex Kim is also on line 2.']);
      expect(commit(r, text)).toMatchObject({ ok: false });
    }
    expect(rowCounts(r.db)).toEqual(before);
  });

  it('a row without an id, once two Alex Kims are on the roster, must say which', () => {
    const r = tempRoster({ demo: false });
    ok(commit(r, HR));
    const before = rowCounts(r.db);
    const text = 'name,level,team\nAlex Kim,Senior,Core\n';
    expect(errors(preview(r, text))).toEqual([
      '2 people named Alex Kim are on the roster (ids 1043, 2211); give this row its employee id to say which.',
    ]);
    expect(commit(r, text)).toMatchObject({ ok: false });
    expect(rowCounts(r.db)).toEqual(before);
  });

  it('an Alex Kim typed in without an id, and a sheet with two: refused until one of them is the one on the roster', () => {
    const r = tempRoster({ demo: false });
    ok(commit(r, 'name,level,team\nAlex Kim,Mid,Core\n'));
    const before = rowCounts(r.db);
    expect(errors(preview(r, HR))).toEqual(
      Array(2).fill(
        'Alex Kim is on the roster without an employee id, and the file has 2 people of that name with ids new to the roster: Rungs cannot tell which one that is. Import a file with only that one first, so they gain their id.',
      ),
    );
    expect(commit(r, HR)).toMatchObject({ ok: false });
    expect(rowCounts(r.db)).toEqual(before);
    // The one on the roster gains the id first; then the sheet finds them by it and adds the other.
    ok(commit(r, 'name,level,team,key\nAlex Kim,Mid,Core,1043\n'));
    expect(preview(r, HR).rows.map((row) => row.change)).toEqual(['unchanged', 'new']);
  });
});

describe('every screen can tell namesakes apart, because every engineer row the roster sends carries the employee id', () => {
  it('the snapshot, and a change’s reply, carry each Alex Kim’s id; the board labels them by it', () => {
    const r = tempRoster({ demo: false });
    ok(commit(r, HR));
    const s = ok(r.dispatch('board.snapshot', {}));
    expect(s.engineers.map((e) => e.employeeId)).toEqual(['1043', '2211']);
    expect([...engineerLabels(s.engineers, s.teams).values()]).toEqual(['Alex Kim (1043)', 'Alex Kim (2211)']);
    // A reply carries the rows it wrote as they are stored now, id and all, so the store stays whole.
    const payments = s.engineers.find((e) => e.employeeId === '2211')!;
    const reply = ok(r.dispatch('engineers.update', { engineerId: payments.id, capacity: 8 }));
    expect(reply.changed?.engineers).toEqual([{ ...payments, capacity: 8 }]);
    const undone = ok(r.dispatch('history.undo', {}));
    expect(undone.changed?.engineers).toEqual([payments]);
  });

  it('someone added by hand has no employee id, and an edit cannot give them one', () => {
    const r = tempRoster({ demo: false });
    ok(commit(r, HR));
    const teamId = ok(r.dispatch('board.snapshot', {})).teams[0]!.id;
    const added = ok(r.dispatch('engineers.create', { name: 'Mia Chen', level: 1, teamId }));
    expect(added.changed?.engineers).toMatchObject([{ name: 'Mia Chen', employeeId: null }]);
    const id = added.changed!.engineers[0]!.id;
    expect(r.dispatch('engineers.update', { engineerId: id, employeeId: '9999' } as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
