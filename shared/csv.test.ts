import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeFormula, parseCsv, toCsv, unescapeFormula } from './csv.ts';

const cols = ['name', 'level', 'team', 'capacity'];

describe('RFC 4180: quoted fields may hold commas, quotes and line breaks', () => {
  it('reads quotes, doubled quotes and a newline inside quotes, and keeps the starting line', () => {
    const r = parseCsv('name,level\r\n"Rossi, Marco",Mid\r\n"Ana ""A"" Sousa","Jun\nior"\r\nLast,Sr', cols);
    expect(r).toEqual({
      ok: true,
      header: ['name', 'level'],
      records: [
        { line: 2, cells: ['Rossi, Marco', 'Mid'] },
        { line: 3, cells: ['Ana "A" Sousa', 'Jun\nior'] },
        { line: 5, cells: ['Last', 'Sr'] },
      ],
    });
  });
  it('skips blank lines and refuses a quote that never closes', () => {
    expect(parseCsv('a,b\n\n1,2\n\n', cols)).toMatchObject({ ok: true, records: [{ line: 3, cells: ['1', '2'] }] });
    expect(parseCsv('a,b\n"1,2\n', cols)).toEqual({
      ok: false,
      error: 'A quote opened on line 2 is never closed: a closing quote is missing, or the file was cut short.',
    });
  });
});

describe('a byte-order mark from a spreadsheet is dropped', () => {
  it('the first column is "name", not "\\uFEFFname"', () => {
    expect(parseCsv('\uFEFFname,level\nA,Mid', cols)).toMatchObject({ ok: true, header: ['name', 'level'] });
  });
});

describe('a file with another delimiter is refused with a clear message', () => {
  it('names semicolons, and tabs', () => {
    expect(parseCsv('name;level;team\nA;Mid;X', cols)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Wrong delimiter: .*semicolons/),
    });
    expect(parseCsv('name\tlevel\tteam\nA\tMid\tX', cols)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Wrong delimiter: .*tabs/),
    });
  });
  it('an empty file, or one of blanks and a BOM, is empty', () => {
    expect(parseCsv('', cols)).toMatchObject({ ok: false, error: expect.stringMatching(/^The file is empty/) });
    expect(parseCsv('\uFEFF \r\n', cols)).toMatchObject({ ok: false, error: expect.stringMatching(/^The file is empty/) });
  });
});

describe('writing CSV quotes only what needs it, and reads back the same', () => {
  it('round trips', () => {
    const text = toCsv(
      ['title', 'size'],
      [
        ['Say "hi", then go', 3],
        ['Two\nlines', null],
        [' padded', 0],
      ],
    );
    expect(text).toBe('title,size\r\n"Say ""hi"", then go",3\r\n"Two\nlines",\r\n" padded",0\r\n');
    expect(parseCsv(text, ['title', 'size'])).toMatchObject({
      ok: true,
      records: [{ cells: ['Say "hi", then go', '3'] }, { cells: ['Two\nlines', ''] }, { cells: [' padded', '0'] }],
    });
  });
});

describe('CSV injection: a cell a spreadsheet would run as a formula gets a quote in front, and only that', () => {
  it('guards =, +, -, @, tab and carriage return, and leaves everything else alone', () => {
    for (const s of ['=1+1', '+1', '-Ana', '@SUM(A1)', '\tx', '\rx']) expect(escapeFormula(s)).toBe(`'${s}`);
    for (const s of ['Ana', "O'Brien", "'quoted", 'a=b', ' =x', '', '1-2']) expect(escapeFormula(s)).toBe(s);
    expect(escapeFormula("'=x")).toBe("''=x");
    expect(toCsv(['n'], [['=x'], [-3]])).toBe("n\r\n'=x\r\n-3\r\n");
  });

  it('unescape(escape(s)) is s for any text, and no escaped cell starts a formula', () => {
    const edge = fc.constantFrom("'", "''", '=', '+', '-', '@', '\t', '\r', 'a');
    const text = fc.oneof(
      fc.string(),
      fc.array(edge, { maxLength: 8 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(unescapeFormula(escapeFormula(s))).toBe(s);
        expect(escapeFormula(s)).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 2000 },
    );
  });
});
