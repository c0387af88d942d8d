import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from './default-ladder.ts';
import type { Ladder } from './ladder.ts';
import { ladderCsv, parseLadderCsv } from './ladder-csv.ts';

// A ladder CSV: a "# levels" section (code, name, aliases, delegate, next) and a "# cells" section
// (level, touchpoint, text). What the export writes, the import reads back; a malformed file is
// refused naming its line.

/** What a file carries of a ladder: everything but ids, kinds and the two roster-wide lines. */
const carried = (l: Ladder) => ({
  levels: l.levels.map(({ id: _id, ...rest }) => rest),
  touchpoints: l.touchpoints.map(({ id: _id, ...rest }) => rest),
});

const SMALL = ['# levels', 'code,name,aliases,delegate,next', 'IC1,Engineer I,SWE I; Engineer 1,,', 'IC2,Engineer II,,,', '# cells'];

const refusal = (text: string) => {
  try {
    parseLadderCsv(text);
  } catch (error) {
    return (error as Error).message;
  }
  return null;
};

describe('what the export writes the import reads back', () => {
  it('the competency map’s ladder, every cell byte-identical', () => {
    expect(carried(parseLadderCsv(ladderCsv(DEFAULT_LADDER)))).toEqual(carried(DEFAULT_LADDER));
  });
  it('any texts: commas, quotes, line breaks, semicolons, text a spreadsheet would run as a formula', () => {
    const text = fc.string({ maxLength: 40 }).map((s) => s.trim());
    fc.assert(
      fc.property(fc.array(text, { minLength: 8, maxLength: 8 }), (cells) => {
        const ladder: Ladder = {
          ...DEFAULT_LADDER,
          levels: DEFAULT_LADDER.levels.map((l, r) => ({ ...l, delegate: cells[r]!, aliases: r === 0 ? ['SWE; I', '=1+1'] : [] })),
          touchpoints: [{ id: 1, name: 'Build, ship', cells: cells.slice(4) }],
        };
        const back = carried(parseLadderCsv(ladderCsv(ladder)));
        expect(back.levels.map((l) => l.delegate)).toEqual(cells.slice(0, 4));
        expect(back.touchpoints).toEqual([{ name: 'Build, ship', cells: cells.slice(4) }]);
        // An alias with a semicolon is split there: the one character the aliases cell cannot hold.
        expect(back.levels[0]!.aliases).toEqual(['SWE', 'I', '=1+1']);
      }),
    );
  });
  it('levels are named in cells by code or by name, any case; touchpoints take the order of their first row; missing cells are empty', () => {
    const l = parseLadderCsv([...SMALL, 'level,touchpoint,text', 'engineer ii,Build,b2', 'IC1,Build,b1', 'ic1,Learn,l1'].join('\n'));
    expect(l.levels.map((x) => [x.code, x.name, x.aliases])).toEqual([
      ['IC1', 'Engineer I', ['SWE I', 'Engineer 1']],
      ['IC2', 'Engineer II', []],
    ]);
    expect(l.touchpoints.map((t) => [t.name, t.cells])).toEqual([
      ['Build', ['b1', 'b2']],
      ['Learn', ['l1', '']],
    ]);
  });
  it('a sheet saved with semicolons reads the same', () => {
    const semi = ['# levels', 'code;name', 'A;Alpha', 'B;Beta', '# cells', 'level;touchpoint;text', 'A;Build;x'].join('\r\n');
    expect(parseLadderCsv(semi).touchpoints[0]).toMatchObject({ name: 'Build', cells: ['x', ''] });
  });
});

describe('a malformed file is refused naming the line', () => {
  it.each([
    ['no levels line', 'code,name\nA,Alpha\n', 'Line 1: a ladder CSV starts with a “# levels” line; this one starts “code,name”'],
    [
      'a levels header without names',
      '# levels\ncode,title\nA,Alpha\n# cells\n',
      'Line 2: the levels section’s header is code,name,aliases,delegate,next; this one has no name',
    ],
    ['a level without a code', [...SMALL.slice(0, 3), ',Engineer II,,,', '# cells'].join('\n'), 'Line 4: a level needs a code and a name'],
    ['two levels of one name', [...SMALL.slice(0, 3), 'IC2,engineer i,,,', '# cells'].join('\n'), 'Line 4: “engineer i” names two levels'],
    ['no cells section', SMALL.slice(0, 4).join('\n'), 'the file has no “# cells” line after its levels'],
    [
      'a cells section without its header',
      [...SMALL, 'IC1,Build,x'].join('\n'),
      'Line 6: the cells section’s header is level,touchpoint,text; this one has no level, touchpoint, text',
    ],
    [
      'a cell for a level the file does not have',
      [...SMALL, 'level,touchpoint,text', 'IC1,Build,x', 'IC9,Build,y'].join('\n'),
      'Line 8: no level “IC9” in the levels section (IC1, IC2)',
    ],
    [
      'the same cell twice',
      [...SMALL, 'level,touchpoint,text', 'IC1,Build,x', 'IC1,build,y'].join('\n'),
      'Line 8: a second cell for build at IC1',
    ],
    [
      'a row with more cells than columns',
      [...SMALL, 'level,touchpoint,text', 'IC1,Build,x,extra'].join('\n'),
      'Line 7: the row has 4 cells for 3 columns',
    ],
    [
      'a quote never closed in the levels section',
      ['# levels', 'code,name,aliases,delegate,next', 'IC1,Engineer I,,,', 'IC2,"Engineer II,,,', '# cells'].join('\n'),
      'Line 4: the levels section: a quote opened here is never closed: a closing quote is missing, or the file was cut short',
    ],
    [
      'a quote never closed in the cells section',
      [...SMALL, 'level,touchpoint,text', 'IC1,Build,x', 'IC2,Build,"y'].join('\n'),
      'Line 8: the cells section: a quote opened here is never closed: a closing quote is missing, or the file was cut short',
    ],
    [
      'one level',
      ['# levels', 'code,name', 'A,Alpha', '# cells', 'level,touchpoint,text'].join('\n'),
      'Line 2: A ladder has at least 2 levels (at levels)',
    ],
  ])('%s', (_, text, message) => {
    expect(refusal(text)).toBe(message);
  });
  it('thirteen levels are refused', () => {
    const levels = Array.from({ length: 13 }, (_, i) => `L${i},Level ${i}`);
    expect(refusal(['# levels', 'code,name', ...levels, '# cells', 'level,touchpoint,text'].join('\n'))).toBe(
      'Line 2: A ladder has at most 12 levels (at levels)',
    );
  });
});
