import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { levelName } from '../../shared/ladder.ts';
import { ladderCsv, parseLadderCsv } from '../../shared/ladder-csv.ts';
import { ladderMarkdown, parseLadderMarkdown } from '../../shared/ladder-markdown.ts';
import { csvBytes, ok, rowCounts, tempRoster } from '../helpers/temp-db.ts';

// A ladder CSV goes through the same preview and commit as a Markdown table (ladder.previewImport,
// ladder.import): a real roster file, the real handlers, one undoable change.

type Dispatch = ReturnType<typeof tempRoster>['dispatch'];
const snapshot = (dispatch: Dispatch) => ok(dispatch('board.snapshot', {}));

describe('a ladder CSV, previewed and imported like a Markdown table', () => {
  it.each([
    ['csv', ladderCsv],
    ['markdown', ladderMarkdown],
  ] as const)(
    'the roster’s own %s export previews as no change and imports to the same ladder, codes, HR titles, the delegate rule and coaching line kept',
    (format, write) => {
      const { dispatch } = tempRoster();
      const mid = snapshot(dispatch).ladder.levels.find((l) => l.name === 'Mid')!;
      ok(dispatch('ladder.updateLevel', { levelId: mid.id, code: 'IC3', aliases: ['Software Engineer II', 'SWE 2'] }));
      const before = snapshot(dispatch).ladder;
      const text = write(before);
      const preview = ok(dispatch('ladder.previewImport', { format, text }));
      expect(preview).toMatchObject({ cellsChanged: 0, problems: [] });
      expect(preview.levels).toEqual(before.levels.map((l) => ({ from: l.name, to: l.name, changed: [] })));
      ok(dispatch('ladder.import', { format, text }));
      expect(snapshot(dispatch).ladder).toEqual(before);
    },
  );

  it('the IC1–IC7 ladder exported as Markdown keeps each level’s code and HR titles, which the map’s table has no place for', () => {
    const ic7 = parseLadderCsv(readFileSync(new URL('../fixtures/ladder-ic7.csv', import.meta.url), 'utf8'));
    const md = ladderMarkdown(ic7);
    expect(md).toContain('| IC1 | IC1 | Software Engineer I; Engineer 1 |');
    expect(parseLadderMarkdown(md)).toEqual(ic7);
  });

  it('Mid becomes IC3 with an HR title: the preview says renamed and what else changes; the roster import then reads the title; undo puts Mid back', () => {
    const { db, dispatch } = tempRoster();
    const before = snapshot(dispatch);
    const ladder = {
      ...before.ladder,
      levels: before.ladder.levels.map((l) =>
        l.name === 'Mid' ? { ...l, name: 'IC3', code: 'IC3', aliases: ['Software Engineer II'] } : l,
      ),
    };
    const text = ladderCsv(ladder);
    expect(text).toContain('IC3,IC3,Software Engineer II,');
    const preview = ok(dispatch('ladder.previewImport', { format: 'csv', text }));
    expect(preview.levels[2]).toEqual({ from: 'Mid', to: 'IC3', changed: ['code', 'titles'] });
    expect(preview.levels.filter((l) => l.from !== l.to || l.changed.length > 0)).toHaveLength(1);

    const r = ok(dispatch('ladder.import', { format: 'csv', text }));
    expect(r.summary).toBe('Ladder: imported 4 levels and 7 touchpoints');
    ok(
      dispatch('import.commitCsv', {
        kind: 'roster',
        quarterId: null,
        bytes: csvBytes('name,level,team\nTom Berg,Software Engineer II,Checkout\n'),
      }),
    );
    const s = snapshot(dispatch);
    expect(levelName(s.ladder, s.engineers.find((e) => e.name === 'Tom Berg')!.level)).toBe('IC3');
    expect(s.engineers.filter((e) => e.name !== 'Tom Berg').map((e) => e.level)).toEqual(before.engineers.map((e) => e.level));

    ok(dispatch('history.undo', {}));
    ok(dispatch('history.undo', {}));
    expect(snapshot(dispatch).ladder).toEqual(before.ladder);
    expect(rowCounts(db).engineers).toBe(before.engineers.length);
  });

  it('a malformed CSV is a typed refusal naming the line, and nothing changes', () => {
    const { db, dispatch } = tempRoster();
    const counts = rowCounts(db);
    const text = '# levels\ncode,name\nA,Alpha\nB,Beta\n# cells\nlevel,touchpoint,text\nC,Build,x\n';
    for (const channel of ['ladder.previewImport', 'ladder.import'] as const)
      expect(dispatch(channel, { format: 'csv', text })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: 'Line 7: no level “C” in the levels section (A, B). Nothing was imported.' },
      });
    expect(rowCounts(db)).toEqual(counts);
  });

  it('a CSV with fewer levels than people hold is previewed with the problem and refused whole', () => {
    const { db, dispatch } = tempRoster();
    const counts = rowCounts(db);
    const text = '# levels\ncode,name\nA,Alpha\nB,Beta\n# cells\nlevel,touchpoint,text\n';
    expect(ok(dispatch('ladder.previewImport', { format: 'csv', text })).problems.join(' ')).toMatch(/hold a level above the file’s 2/);
    expect(dispatch('ladder.import', { format: 'csv', text })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(rowCounts(db)).toEqual(counts);
  });
});
