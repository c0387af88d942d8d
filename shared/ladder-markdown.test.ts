import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from './default-ladder.ts';
import { type Ladder, Ladder as LadderSchema } from './ladder.ts';
import { kindsFor, ladderMarkdown, parseLadderMarkdown } from './ladder-markdown.ts';

// The ladder exported as Markdown shaped like the competency map reads back as the same ladder:
// levels, codes, HR titles, delegate and next-move texts, touchpoints and cells.

describe('a ladder exported as Markdown reads back', () => {
  it('the competency map’s ladder, whole: levels, texts, cells, the rule and the coaching line', () => {
    expect(parseLadderMarkdown(ladderMarkdown(DEFAULT_LADDER))).toEqual(DEFAULT_LADDER);
  });

  it('a pipe in a cell or a name is escaped and comes back; so does a line break, written <br>', () => {
    const ladder: Ladder = {
      ...DEFAULT_LADDER,
      levels: DEFAULT_LADDER.levels.map((l, r) =>
        r === 3 ? { ...l, name: 'Staff | Lead', code: 'S|L', aliases: ['Lead; Staff', 'Tech | Lead'], delegate: 'one\ntwo' } : l,
      ),
      touchpoints: [{ id: 1, name: 'Build | Ship', cells: ['a | b', 'two\nlines', '', 'd'] }],
    };
    const md = ladderMarkdown(ladder);
    expect(md).toContain('| two<br>lines |');
    expect(parseLadderMarkdown(md)).toEqual(ladder);
  });

  it('a level named with a full stop (“Sr. Engineer”) keeps its delegate and next-move texts', () => {
    const names = ['Engineer', 'Sr. Engineer', 'Sr. Engineer II'];
    const ladder = LadderSchema.parse({
      ...DEFAULT_LADDER,
      levels: names.map((name, i) => ({
        id: i + 1,
        name,
        code: `E${i}`,
        aliases: [],
        delegate: `Hand off ${i}. Then review.`,
        nextMove: `Grow ${i}.`,
      })),
      touchpoints: [],
      kinds: kindsFor(3),
    });
    expect(parseLadderMarkdown(ladderMarkdown(ladder))).toEqual(ladder);
  });

  it('any ladder of 2 to 12 levels: export then import gives it back exactly', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'B', 'é', ' ', '|', ';', ':', '→', '\n', '’', '-', '*', '#', '1'), maxLength: 24 });
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', 'ü', '1', '|', '’', '-'), minLength: 1, maxLength: 6 });
    const ladder = fc
      .integer({ min: 2, max: 12 })
      .chain((n) =>
        fc.record({
          names: fc.uniqueArray(word, { minLength: n, maxLength: n, selector: (w) => w.toLowerCase() }),
          codes: fc.uniqueArray(word, { minLength: n, maxLength: n, selector: (w) => w.toLowerCase() }),
          aliases: fc.array(fc.array(word, { maxLength: 3 }), { minLength: n, maxLength: n }),
          texts: fc.array(fc.tuple(text, text), { minLength: n, maxLength: n }),
          touchpoints: fc.uniqueArray(fc.tuple(word, fc.array(text, { minLength: n, maxLength: n })), {
            maxLength: 5,
            selector: ([w]) => w.toLowerCase(),
          }),
          rule: text,
        }),
      )
      .map(({ names, codes, aliases, texts, touchpoints, rule }) =>
        LadderSchema.parse({
          levels: names.map((name, i) => ({
            id: i + 1,
            name: `L ${name}`,
            code: codes[i],
            aliases: aliases[i],
            delegate: texts[i]![0],
            nextMove: texts[i]![1],
          })),
          touchpoints: touchpoints.map(([name, cells], i) => ({ id: i + 1, name: `T ${name}`, cells })),
          kinds: kindsFor(names.length),
          delegateRule: rule.trim(),
          coachingLine: 'If you can’t yet delegate at the level someone is supposed to be, that gap is the coaching agenda.',
        }),
      );
    fc.assert(
      fc.property(ladder, (l) => {
        expect(parseLadderMarkdown(ladderMarkdown(l))).toEqual(l);
      }),
    );
  });
});

describe('the table of codes and HR titles, read from a hand-written file', () => {
  const MAP =
    '## The Map\n\n| Touchpoint | IC1 | IC2 |\n|---|---|---|\n| Build | a | b |\n\n## Level codes and HR titles\n\n| Level | Code | HR titles |\n|---|---|---|\n';
  it('a level it does not list keeps its name as its code and has no titles', () => {
    const l = parseLadderMarkdown(`${MAP}| ic2 | E2 | Engineer II; SWE 2 |\n`);
    expect(l.levels.map(({ name, code, aliases }) => ({ name, code, aliases }))).toEqual([
      { name: 'IC1', code: 'IC1', aliases: [] },
      { name: 'IC2', code: 'E2', aliases: ['Engineer II', 'SWE 2'] },
    ]);
  });
  it('a row naming no level of the map, a second row for one level, or a fourth cell is refused naming its line', () => {
    expect(() => parseLadderMarkdown(`${MAP}| IC9 | E9 | |\n`)).toThrow('Line 11: “IC9” is no level of the map’s table (IC1, IC2)');
    expect(() => parseLadderMarkdown(`${MAP}| IC1 | A | |\n| IC1 | B | |\n`)).toThrow('Line 12: a second row for IC1');
    expect(() => parseLadderMarkdown(`${MAP}| IC1 | A | x | y |\n`)).toThrow('Line 11: the row has 4 cells for 3 columns');
  });
  it('two levels given one code are refused', () => {
    expect(() => parseLadderMarkdown(`${MAP}| IC1 | E | |\n| IC2 | e | |\n`)).toThrow('Two levels have the same code');
  });
});
