import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columnPlaces, csvHeader, escapeFormula, parseCsv, recordValues, savedCsv, sniffDelimiter, toCsv, unescapeFormula } from './csv.ts';

describe('RFC 4180: quoted fields may hold commas, quotes and line breaks', () => {
  it('reads quotes, doubled quotes and a newline inside quotes, and keeps the starting line', () => {
    const r = parseCsv('name,level\r\n"Rossi, Marco",Mid\r\n"Ana ""A"" Sousa","Jun\nior"\r\nLast,Sr');
    expect(r).toEqual({
      ok: true,
      delimiter: ',',
      header: ['name', 'level'],
      records: [
        { line: 2, cells: ['Rossi, Marco', 'Mid'] },
        { line: 3, cells: ['Ana "A" Sousa', 'Jun\nior'] },
        { line: 5, cells: ['Last', 'Sr'] },
      ],
    });
  });
  it('skips blank lines and refuses a quote that never closes', () => {
    expect(parseCsv('a,b\n\n1,2\n\n')).toMatchObject({ ok: true, records: [{ line: 3, cells: ['1', '2'] }] });
    expect(parseCsv('a,b\n"1,2\n')).toEqual({
      ok: false,
      error: 'A quote opened on line 2 is never closed: a closing quote is missing, or the file was cut short.',
      at: { line: 2, problem: 'a quote opened here is never closed: a closing quote is missing, or the file was cut short' },
    });
  });
});

describe('a byte-order mark from a spreadsheet is dropped', () => {
  it('the first column is "name", not "\\uFEFFname"', () => {
    expect(parseCsv('\uFEFFname,level\nA,Mid')).toMatchObject({ ok: true, header: ['name', 'level'] });
  });
});

describe('the delimiter is the one the header line uses most, outside quotes', () => {
  it('reads commas, semicolons (Excel in a European locale), tabs (Excel\'s "Unicode text") and pipes', () => {
    for (const [d, name] of [
      [',', 'comma'],
      [';', 'semicolon'],
      ['\t', 'tab'],
      ['|', 'pipe'],
    ] as const) {
      const text = ['name', 'level', 'team'].join(d) + '\n' + ['Jürgen Groß', 'Mid', 'Core'].join(d) + '\n';
      expect(parseCsv(text), name).toEqual({
        ok: true,
        delimiter: d,
        header: ['name', 'level', 'team'],
        records: [{ line: 2, cells: ['Jürgen Groß', 'Mid', 'Core'] }],
      });
    }
  });
  it('does not count delimiters inside quotes, nor on the rows below the header', () => {
    expect(sniffDelimiter('"a,b,c";d;e\n1,2,3,4,5,6\n')).toBe(';');
    expect(parseCsv('name;note\n"Rossi; Marco";"1,5"\n')).toMatchObject({ records: [{ cells: ['Rossi; Marco', '1,5'] }] });
  });
  it('a tie, or a header of one column, is read with commas', () => {
    expect(sniffDelimiter('name;level,team\n')).toBe(',');
    expect(sniffDelimiter('a\tb|c\n')).toBe('\t');
    expect(sniffDelimiter('name\nAna\n')).toBe(',');
  });
  it('an empty file, or one of blanks and a BOM, is empty', () => {
    expect(parseCsv('')).toMatchObject({ ok: false, error: expect.stringMatching(/^The file is empty/) });
    expect(parseCsv('\uFEFF \r\n')).toMatchObject({ ok: false, error: expect.stringMatching(/^The file is empty/) });
  });
});

describe('a column the header repeats keeps every value, in order', () => {
  it('a Jira export with one Sprint column per sprint, and Labels likewise', () => {
    const r = parseCsv('Summary,Sprint,Sprint,Labels,Sprint,Labels\nPay,S1,S2,ux,,api\n');
    if (!r.ok) throw new Error(r.error);
    const places = columnPlaces(r.header, (h) => h.toLowerCase());
    expect(places).toEqual(
      new Map([
        ['summary', [0]],
        ['sprint', [1, 2, 4]],
        ['labels', [3, 5]],
      ]),
    );
    const values = recordValues(places, r.records[0]!.cells);
    expect(values.get('sprint')).toEqual(['S1', 'S2', '']);
    expect(values.get('labels')).toEqual(['ux', 'api']);
    expect(values.get('summary')).toEqual(['Pay']);
  });
  it('a short row gives empty values for the columns it lacks', () => {
    expect(recordValues(columnPlaces(['a', 'b', 'b']), ['1', '2'])).toEqual(
      new Map([
        ['a', ['1']],
        ['b', ['2', '']],
      ]),
    );
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
    expect(parseCsv(text)).toMatchObject({
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

describe('the header alone', () => {
  it('is the first record with its delimiter, a byte-order mark and a quoted line break read as in the whole file', () => {
    expect(csvHeader('\uFEFFSummary;"Issue\nkey";Labels;Labels\r\nA;B;c;d\r\n')).toEqual({
      delimiter: ';',
      header: ['Summary', 'Issue\nkey', 'Labels', 'Labels'],
    });
  });
  it('does not read past the header: a quote left open further down is for the full parse to report', () => {
    expect(csvHeader('name,level\nAna,"Junior\n')?.header).toEqual(['name', 'level']);
    expect(parseCsv('name,level\nAna,"Junior\n')).toMatchObject({ ok: false, error: /quote opened on line 2/ });
  });
  it('is null for a file with nothing in it', () => {
    expect(csvHeader('')).toBeNull();
  });
});

describe('a saved CSV file', () => {
  it('starts with one byte-order mark, so Excel reads it as UTF-8, and reads back as it was written', () => {
    const text = toCsv(['name', 'team'], [['Zoë Ångström', 'Søk']]);
    const saved = savedCsv(text);
    expect(new TextEncoder().encode(saved).subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(savedCsv(saved)).toBe(saved);
    const read = parseCsv(saved);
    expect(read.ok && [read.header, read.records[0]!.cells]).toEqual([
      ['name', 'team'],
      ['Zoë Ångström', 'Søk'],
    ]);
  });
});
