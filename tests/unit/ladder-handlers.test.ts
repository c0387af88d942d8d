import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fit } from '../../shared/fit.ts';
import { engineerGaps, itemWarnings } from '../../shared/gaps.ts';
import { levelName } from '../../shared/ladder.ts';
import type { Snapshot } from '../../shared/schemas.ts';
import { MAP_FILE, csvBytes, ok, rowCounts, tempRoster } from '../helpers/temp-db.ts';

// Editing the ladder through the dispatcher: each edit one undoable change; nobody's level and no
// item's rung changes by it; an edit that would break the ladder, or strand who holds a level, is a
// typed refusal that changes nothing.

type Dispatch = ReturnType<typeof tempRoster>['dispatch'];
const snapshot = (dispatch: Dispatch) => ok(dispatch('board.snapshot', {}));
const levelId = (s: Snapshot, name: string) => s.ladder.levels.find((l) => l.name === name)!.id;

/** Every engineer's level and every item's rung by name, and every fit: what an edit of the ladder must not change. */
const judged = (s: Snapshot) => ({
  levels: s.engineers.map((e) => [e.name, levelName(s.ladder, e.level)]).toSorted(),
  rungs: s.items.map((i) => [i.title, levelName(s.ladder, i.rung)]),
  fits: s.items.map((i) => {
    const e = s.engineers.find((x) => x.id === i.assignment?.engineerId);
    return e ? fit(i.rung, e.level).kind : null;
  }),
  warnings: itemWarnings(s).map((w) => w.message),
  gaps: engineerGaps(s).map((g) => g.gaps.map((x) => x.kind)),
});

describe('renaming a level renames it everywhere, as one undoable change', () => {
  it('Mid becomes IC3 on the board and in the change log; undo brings Mid back', () => {
    const { dispatch } = tempRoster();
    const before = snapshot(dispatch);
    const r = ok(dispatch('ladder.updateLevel', { levelId: levelId(before, 'Mid'), name: 'IC3', code: 'IC3' }));
    expect(r.summary).toBe('Ladder: renamed Mid to IC3, code IC3');
    expect(r.changed?.ladder?.levels.map((l) => l.name)).toEqual(['Intern', 'Junior', 'IC3', 'Senior']);
    const after = snapshot(dispatch);
    expect(after.engineers.map((e) => e.level)).toEqual(before.engineers.map((e) => e.level));
    expect(
      itemWarnings(after)
        .map((w) => w.message)
        .join(' '),
    ).toContain('IC3');
    ok(dispatch('history.undo', {}));
    expect(snapshot(dispatch).ladder).toEqual(before.ladder);
  });
  it('two levels of one name are refused, nothing changed', () => {
    const { db, dispatch } = tempRoster();
    const counts = rowCounts(db);
    const r = dispatch('ladder.updateLevel', { levelId: levelId(snapshot(dispatch), 'Mid'), name: 'senior' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Two levels have the same name. Nothing was changed.' } });
    expect(rowCounts(db)).toEqual(counts);
  });
});

describe('adding a level moves nobody', () => {
  it('a Staff level above Senior: a Senior promoted to it has Senior work in reach', () => {
    const { dispatch } = tempRoster();
    const before = snapshot(dispatch);
    ok(dispatch('ladder.addLevel', { name: 'Staff', position: 4 }));
    const s = snapshot(dispatch);
    expect(s.ladder.levels.map((l) => l.name)).toEqual(['Intern', 'Junior', 'Mid', 'Senior', 'Staff']);
    expect(s.ladder.kinds.initiative.allowed).toEqual([1, 2, 3, 4]);
    expect(judged(s)).toEqual(judged(before));
    const senior = s.engineers.find((e) => e.level === 3)!;
    ok(dispatch('engineers.update', { engineerId: senior.id, level: 4, fromLevel: 3 }));
    const work = s.items.find((i) => i.rung === 3 && i.assignment === null) ?? s.items.find((i) => i.rung === 3)!;
    ok(dispatch('plan.assign', { itemId: work.id, engineerId: senior.id }));
    const after = snapshot(dispatch);
    const staff = after.engineers.find((e) => e.id === senior.id)!;
    expect(levelName(after.ladder, staff.level)).toBe('Staff');
    expect(fit(work.rung, staff.level).kind).toBe('in_reach');
  });
  it('a level between shifts every position above it, so every level, rung and fit reads the same; undo puts them back', () => {
    const { db, dispatch } = tempRoster();
    const before = snapshot(dispatch);
    const rowsBefore = rowCounts(db);
    ok(dispatch('ladder.addLevel', { name: 'Mid II', position: 3 }));
    const s = snapshot(dispatch);
    expect(s.ladder.levels.map((l) => l.name)).toEqual(['Intern', 'Junior', 'Mid', 'Mid II', 'Senior']);
    expect(judged(s)).toEqual(judged(before));
    ok(dispatch('history.undo', {}));
    expect(snapshot(dispatch).ladder).toEqual(before.ladder);
    expect(judged(snapshot(dispatch))).toEqual(judged(before));
    expect(rowCounts(db)).toEqual({ ...rowsBefore, changes: rowsBefore.changes! + 1 });
  });
  it('a thirteenth level is refused', () => {
    const { dispatch } = tempRoster({ demo: false });
    for (let i = 0; i < 8; i++) ok(dispatch('ladder.addLevel', { name: `Extra ${i}`, position: 12 }));
    expect(dispatch('ladder.addLevel', { name: 'One too many', position: 12 })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'A ladder has at most 12 levels. Nothing was changed.' },
    });
  });
});

describe('reordering levels keeps everyone on their own level', () => {
  it('moving a level moves who holds it with it', () => {
    const { dispatch } = tempRoster();
    const before = snapshot(dispatch);
    ok(dispatch('ladder.moveLevel', { levelId: levelId(before, 'Intern'), position: 1 }));
    const s = snapshot(dispatch);
    expect(s.ladder.levels.map((l) => l.name)).toEqual(['Junior', 'Intern', 'Mid', 'Senior']);
    expect(judged(s).levels).toEqual(judged(before).levels);
    expect(judged(s).rungs).toEqual(judged(before).rungs);
  });
});

describe('removing a level: only when nobody holds it and nothing uses it', () => {
  it('a held level is refused naming who and what, and nothing changes', () => {
    const { db, dispatch } = tempRoster();
    const counts = rowCounts(db);
    const r = dispatch('ladder.removeLevel', { levelId: levelId(snapshot(dispatch), 'Mid') });
    if (r.ok) throw new Error('expected a refusal');
    expect(r.error.code).toBe('conflict');
    expect(r.error.message).toMatch(
      /^Mid is held by Marco Rossi, .*; the rung of \d+ items \(.*\); the default rung of initiatives\. Move them/,
    );
    expect(rowCounts(db)).toEqual(counts);
  });
  it('an unused level goes, and the ladder keeps at least two', () => {
    const { dispatch } = tempRoster({ demo: false });
    const s = snapshot(dispatch);
    ok(dispatch('ladder.addLevel', { name: 'Staff', position: 4 }));
    ok(dispatch('ladder.removeLevel', { levelId: levelId(snapshot(dispatch), 'Staff') }));
    expect(snapshot(dispatch).ladder).toEqual(s.ladder);
    ok(dispatch('ladder.setKind', { kind: 'initiative', defaultRung: 3, allowed: [3] }));
    ok(dispatch('ladder.setKind', { kind: 'story', defaultRung: 3, allowed: [3] }));
    ok(dispatch('ladder.removeLevel', { levelId: levelId(snapshot(dispatch), 'Intern') }));
    ok(dispatch('ladder.removeLevel', { levelId: levelId(snapshot(dispatch), 'Junior') }));
    expect(snapshot(dispatch).ladder.levels.map((l) => l.name)).toEqual(['Mid', 'Senior']);
    expect(dispatch('ladder.removeLevel', { levelId: levelId(snapshot(dispatch), 'Mid') })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'A ladder has at least 2 levels. Nothing was changed.' },
    });
  });
});

describe('touchpoints and cells', () => {
  it('renaming a touchpoint renames it on every item that carries it', () => {
    const { dispatch } = tempRoster();
    const s = snapshot(dispatch);
    const define = s.ladder.touchpoints.find((t) => t.name === 'Define')!;
    const carrying = s.items.filter((i) => i.touchpoints.includes('Define')).map((i) => i.id);
    expect(carrying.length).toBeGreaterThan(0);
    ok(dispatch('ladder.updateTouchpoint', { touchpointId: define.id, name: 'Shape' }));
    const after = snapshot(dispatch);
    expect(after.items.filter((i) => i.touchpoints.includes('Shape')).map((i) => i.id)).toEqual(carrying);
    expect(after.items.some((i) => i.touchpoints.includes('Define'))).toBe(false);
  });
  it('a touchpoint items carry is not removed; a cell edit lands in its row and level', () => {
    const { dispatch } = tempRoster();
    const s = snapshot(dispatch);
    const build = s.ladder.touchpoints.find((t) => t.name === 'Build')!;
    expect(dispatch('ladder.removeTouchpoint', { touchpointId: build.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    ok(dispatch('ladder.setCell', { touchpointId: build.id, levelId: levelId(s, 'Junior'), text: 'Builds a story.' }));
    expect(snapshot(dispatch).ladder.touchpoints.find((t) => t.id === build.id)!.cells[1]).toBe('Builds a story.');
    ok(dispatch('ladder.addTouchpoint', { name: 'Operate' }));
    expect(snapshot(dispatch).ladder.touchpoints.at(-1)).toMatchObject({ name: 'Operate', cells: ['', '', '', ''] });
  });
});

describe('default and allowed rungs per kind', () => {
  it('a rung items already sit at cannot be taken away from their kind; a default outside the allowed is refused', () => {
    const { dispatch } = tempRoster();
    expect(dispatch('ladder.setKind', { kind: 'story', defaultRung: 1, allowed: [1] })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(dispatch('ladder.setKind', { kind: 'initiative', defaultRung: 0, allowed: [1, 2, 3] })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: "A initiative's default rung is not one it may take. Nothing was changed." },
    });
  });
});

describe('the JSON document carries the ladder (version 4); older documents import into the default ladder', () => {
  it('an edited ladder travels: export, import into an empty roster, the same ladder and the same fits', () => {
    const { dispatch } = tempRoster();
    ok(dispatch('ladder.updateLevel', { levelId: levelId(snapshot(dispatch), 'Mid'), name: 'IC3' }));
    ok(dispatch('ladder.addLevel', { name: 'Staff', position: 4 }));
    const text = ok(dispatch('export.json', {})).text;
    expect(JSON.parse(text)).toMatchObject({ version: 5, ladder: { levels: [{}, {}, { name: 'IC3' }, {}, { name: 'Staff' }] } });
    const copy = tempRoster({ demo: false });
    ok(copy.dispatch('import.json', { text }));
    const a = snapshot(dispatch);
    const b = snapshot(copy.dispatch);
    expect(b.ladder).toEqual(a.ladder);
    expect(judged(b)).toEqual(judged(a));
  });
  it('a version 2 document (no ladder) imports onto the competency map’s ladder', () => {
    const { dispatch } = tempRoster();
    const { ladder: _ladder, ...doc } = JSON.parse(ok(dispatch('export.json', {})).text) as Record<string, unknown>;
    const copy = tempRoster({ demo: false });
    ok(copy.dispatch('ladder.updateLevel', { levelId: 3, name: 'IC3' }));
    const workItems = (doc.workItems as { externalKey?: unknown }[]).map(({ externalKey: _k, ...w }) => w);
    const engineers = (doc.engineers as { externalKey?: unknown }[]).map(({ externalKey: _k, ...e }) => e);
    ok(copy.dispatch('import.json', { text: JSON.stringify({ ...doc, workItems, engineers, version: 2 }) }));
    expect(snapshot(copy.dispatch).ladder).toEqual(snapshot(dispatch).ladder);
  });
});

describe('a roster import reads titles through the ladder’s names, codes and aliases', () => {
  it('a code and an HR title saved as an alias land on their level; the map’s spellings still read', () => {
    const { dispatch } = tempRoster();
    const mid = levelId(snapshot(dispatch), 'Mid');
    ok(dispatch('ladder.updateLevel', { levelId: mid, code: 'IC3', aliases: ['Software Engineer II'] }));
    const text = 'name,level,team\nNadia Ali,IC3,Checkout\nTom Berg,Software Engineer II,Checkout\nUma Rao,Sr,Checkout\n';
    ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes: csvBytes(text) }));
    const s = snapshot(dispatch);
    const level = (name: string) => levelName(s.ladder, s.engineers.find((e) => e.name === name)!.level);
    expect(['Nadia Ali', 'Tom Berg', 'Uma Rao'].map(level)).toEqual(['Mid', 'Mid', 'Senior']);
  });
});

describe('a ladder imported from a Markdown table shaped like the competency map', () => {
  const IC = [
    '| Touchpoint | IC1 | IC2 | IC3 | IC4 | IC5 | Staff | Principal |',
    '|---|---|---|---|---|---|---|---|',
    ...Array.from(
      { length: 9 },
      (_, t) => `| Row ${t + 1} | ${Array.from({ length: 7 }, (_, l) => `cell ${t + 1}.${l + 1}`).join(' | ')} |`,
    ),
  ].join('\n');
  it('the seed file previews as no change and imports to the same ladder', () => {
    const { dispatch } = tempRoster();
    const before = snapshot(dispatch).ladder;
    const preview = ok(dispatch('ladder.previewImport', { format: 'markdown', text: readFileSync(MAP_FILE, 'utf8') }));
    expect(preview).toMatchObject({ cellsChanged: 0, problems: [] });
    expect(preview.levels.every((l) => l.from === l.to)).toBe(true);
    ok(dispatch('ladder.import', { format: 'markdown', text: readFileSync(MAP_FILE, 'utf8') }));
    expect(snapshot(dispatch).ladder).toEqual(before);
  });
  it('a seven-level ladder with nine touchpoints lands on an empty roster; on the demo team it is refused naming what stands in the way', () => {
    const { dispatch } = tempRoster({ demo: false });
    ok(dispatch('ladder.import', { format: 'markdown', text: IC }));
    const ladder = snapshot(dispatch).ladder;
    expect(ladder.levels.map((l) => l.name)).toEqual(['IC1', 'IC2', 'IC3', 'IC4', 'IC5', 'Staff', 'Principal']);
    expect(ladder.touchpoints).toHaveLength(9);
    ok(dispatch('history.undo', {}));
    expect(snapshot(dispatch).ladder.levels.map((l) => l.name)).toEqual(['Intern', 'Junior', 'Mid', 'Senior']);

    const demo = tempRoster();
    const preview = ok(demo.dispatch('ladder.previewImport', { format: 'markdown', text: IC }));
    expect(preview.levels.slice(0, 5)).toMatchObject([
      { from: 'Intern', to: 'IC1' },
      { from: 'Junior', to: 'IC2' },
      { from: 'Mid', to: 'IC3' },
      { from: 'Senior', to: 'IC4' },
      { from: null, to: 'IC5' },
    ]);
    expect(preview.problems.join(' ')).toMatch(/Build, which the file does not have, is a touchpoint of \d+ items/);
    expect(demo.dispatch('ladder.import', { format: 'markdown', text: IC })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
  it('a malformed file is refused naming the line', () => {
    const { dispatch } = tempRoster({ demo: false });
    expect(
      dispatch('ladder.previewImport', { format: 'markdown', text: '| Touchpoint | A | B |\n|---|---|---|\n| Build | only one |\n' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Line 3: the row has 1 cells for 2 levels. Nothing was imported.' },
    });
  });
  it('an empty file, or one holding only a byte-order mark, is refused as empty in either format', () => {
    const { dispatch } = tempRoster({ demo: false });
    for (const format of ['csv', 'markdown'] as const)
      for (const text of ['', '\uFEFF', ' \r\n'])
        expect(dispatch('ladder.previewImport', { format, text })).toMatchObject({
          ok: false,
          error: { code: 'invalid_input', message: expect.stringMatching(/^The file is empty\. .*Nothing was imported\.$/) },
        });
  });
});
