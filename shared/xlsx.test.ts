import { Deflate, deflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCsv, parseRows } from './csv.ts';
import { csvLonger, readWorkbook, rowsToCsv } from './xlsx.ts';

// Small workbooks built here from the few XML parts Excel writes, one describe per thing a lead's
// sheet may hold, then the files that must be refused.

type Sheet = { name: string; xml: string };
const sheetXml = (rows: string) =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

function workbook(sheets: Sheet[], extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships>${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    ),
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s.xml))));
  for (const [name, text] of Object.entries(extra)) files[name] = strToU8(text);
  return zipSync(files);
}

/** A zip of raw deflate parts, written by hand so a part's declared size can be anything. */
function rawZip(parts: { name: string; deflated: Uint8Array; declared: number }[]): Uint8Array {
  const out: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = strToU8(p.name);
    const header = (size: number, sig: number) => {
      const h = new Uint8Array(size + name.length);
      const v = new DataView(h.buffer);
      v.setUint32(0, sig, true);
      const base = sig === 0x04034b50 ? 4 : 6; // the central header has "version made by" first
      v.setUint16(base, 20, true);
      v.setUint16(base + 4, 8, true); // deflate
      v.setUint32(base + 14, p.deflated.length, true);
      v.setUint32(base + 18, p.declared, true);
      v.setUint16(base + 22, name.length, true);
      if (sig === 0x02014b50) v.setUint32(42, offset, true);
      h.set(name, size);
      return h;
    };
    const local = header(30, 0x04034b50);
    central.push(header(46, 0x02014b50));
    out.push(local, p.deflated);
    offset += local.length + p.deflated.length;
  }
  const dir = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, parts.length, true);
  v.setUint16(10, parts.length, true);
  v.setUint32(12, dir, true);
  v.setUint32(16, offset, true);
  const all = [...out, ...central, end];
  const zip = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    zip.set(c, at);
    at += c.length;
  }
  return zip;
}

/**
 * A workbook whose sheet is one cell repeated, compressed to about `bytes`: one deflated run of the
 * cell, flushed to a byte boundary, repeated, then an empty final block. Building it costs one
 * small compression, however large it unzips.
 */
function bomb(bytes: number, declared: 'truthful' | 'lying') {
  const run = strToU8('<c t="inlineStr"><is><t>x</t></is></c>'.repeat(50_000));
  const pieces: Uint8Array[] = [];
  const d = new Deflate({ level: 9 });
  d.ondata = (chunk) => pieces.push(chunk);
  d.push(run);
  d.flush(true);
  const block = new Uint8Array(pieces.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of pieces) {
    block.set(c, at);
    at += c.length;
  }
  const times = Math.ceil(bytes / block.length);
  const deflated = new Uint8Array(block.length * times + 2);
  for (let i = 0; i < times; i++) deflated.set(block, i * block.length);
  deflated.set([0x03, 0x00], block.length * times);
  const unzipped = run.length * times;
  const small = (name: string, text: string) => ({ name, deflated: deflateSync(strToU8(text)), declared: strToU8(text).length });
  const zip = rawZip([
    small('xl/workbook.xml', '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    small('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    { name: 'xl/worksheets/sheet1.xml', deflated, declared: declared === 'truthful' ? Math.min(unzipped, 0xffffffff) : 1_000 },
  ]);
  return { zip, unzipped };
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const TEAM = `<row r="1">${inline('A1', 'name')}${inline('B1', 'level')}</row><row r="2">${inline('A2', 'Ada')}${inline('B2', 'Senior')}</row>`;

describe('a workbook is read from its first sheet, or the sheet the lead picks', () => {
  const book = workbook([
    { name: 'Team', xml: TEAM },
    { name: 'Old', xml: `<row r="1">${inline('A1', 'stale')}</row>` },
  ]);
  it('reads the first sheet when none is named', () => {
    expect(readWorkbook(book)).toEqual({
      ok: true,
      rows: [
        ['name', 'level'],
        ['Ada', 'Senior'],
      ],
      sheet: 'Team',
      sheets: ['Team', 'Old'],
    });
  });
  it('reads a named sheet', () => {
    const r = readWorkbook(book, 'Old');
    expect(r.ok && r.rows).toEqual([['stale']]);
  });
  it('refuses a sheet that does not exist, naming the ones that do', () => {
    const r = readWorkbook(book, 'Nope');
    expect(r).toEqual({ ok: false, error: expect.stringContaining("no sheet called 'Nope'; its sheets are 'Team', 'Old'") });
  });
});

describe('cells read as Excel shows them', () => {
  it('reads shared strings, rich text runs included, without phonetic guides', () => {
    const strings = `<sst><si><t>name</t></si><si><r><t>Gr</t></r><r><t>ace &amp; co</t></r><rPh><t>x</t></rPh></si></sst>`;
    const book = workbook(
      [{ name: 'S', xml: '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>' }],
      {
        'xl/sharedStrings.xml': strings,
      },
    );
    const r = readWorkbook(book);
    expect(r.ok && r.rows).toEqual([['name'], ['Grace & co']]);
  });
  it('reads numbers and booleans, and keeps gaps between cells and rows', () => {
    const book = workbook([
      {
        name: 'S',
        xml: '<row r="1"><c r="A1"><v>3</v></c><c r="C1"><v>0.5</v></c><c r="D1" t="b"><v>1</v></c></row><row r="3"><c r="B3"><v>12.0</v></c></row>',
      },
    ]);
    const r = readWorkbook(book);
    expect(r.ok && r.rows).toEqual([['3', '', '0.5', 'TRUE'], [], ['', '12']]);
  });
  it('uses a formula cell’s cached value and never evaluates the formula', () => {
    const book = workbook([
      { name: 'S', xml: '<row r="1"><c r="A1"><f>1+1</f><v>7</v></c><c r="B1" t="str"><f>CONCAT("a","b")</f><v>cached</v></c></row>' },
    ]);
    const r = readWorkbook(book);
    expect(r.ok && r.rows).toEqual([['7', 'cached']]);
  });
  it('reads a date-styled serial as an ISO date, and a plain number as a number', () => {
    const styles = '<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const book = workbook([{ name: 'S', xml: '<row r="1"><c r="A1" s="1"><v>46082</v></c><c r="B1"><v>46082</v></c></row>' }], {
      'xl/styles.xml': styles,
    });
    const r = readWorkbook(book);
    expect(r.ok && r.rows).toEqual([['2026-03-01', '46082']]);
  });
  it('reads a sheet whose name has a ">" in it', () => {
    const r = readWorkbook(workbook([{ name: 'Q1>Q2', xml: `<row r="1">${inline('A1', 'name')}</row>` }]), 'Q1>Q2');
    expect(r.ok && r.sheet).toBe('Q1>Q2');
  });
  it('stops at a cell left open instead of searching the rest of the sheet for each one', () => {
    const open = '<c r="A2"><v>1</v>'.repeat(200_000);
    const r = readWorkbook(workbook([{ name: 'S', xml: `<row r="1">${inline('A1', 'name')}</row><row r="2">${open}` }]));
    expect(r.ok && r.rows).toEqual([['name']]);
  });
  it('hands the CSV path every value quoted, so commas and quotes survive', () => {
    expect(rowsToCsv([['a,b', 'say "hi"']])).toBe('"a,b","say ""hi"""');
  });
});

describe('the sheet XML as Excel and other tools write it', () => {
  const rowsOf = (xml: string, extra: Record<string, string> = {}) => {
    const r = readWorkbook(workbook([{ name: 'S', xml }], extra));
    return r.ok ? r.rows : r.error;
  };
  it('reads entities, character references and _xHHHH_ escapes in strings and attributes', () => {
    const sst = '<sst><si><t>R&amp;D &lt;core&gt; &#233;quipe &#x263A; a_x000D_b</t></si></sst>';
    expect(
      rowsOf(`<row r="1"><c r="A1" t="s"><v>0</v></c>${inline('B1', '&quot;Q&apos;s&quot;')}</row>`, { 'xl/sharedStrings.xml': sst }),
    ).toEqual([['R&D <core> équipe ☺ a\rb', `"Q's"`]]);
  });
  it('keeps a reference to no character, or to an entity XML does not define, as written', () => {
    expect(rowsOf(`<row r="1">${inline('A1', 'a &#x110000; b &nbsp; c &#; d & e; &amp;amp;')}</row>`)).toEqual([
      ['a &#x110000; b &nbsp; c &#; d & e; &amp;'],
    ]);
  });
  it('unescapes a long text of many ampersands in one pass', () => {
    const text = `${'&amp;x'.repeat(100_000)}${'&'.repeat(100_000)};`;
    expect(rowsOf(`<row r="1">${inline('A1', text)}</row>`)).toEqual([[`${'&x'.repeat(100_000)}${'&'.repeat(100_000)};`]]);
  });
  it('reads rich text runs of an inline string, and an empty <t/>', () => {
    const cell = '<c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>Gr</t></r><r><t/></r><r><t xml:space="preserve">ace </t></r></is></c>';
    expect(rowsOf(`<row r="1">${cell}</row>`)).toEqual([['Grace ']]);
  });
  it('places cells by their references, empty styled cells and all, and those without one after the last', () => {
    const xml =
      '<row r="1"><c r="B1" s="2"/><c r="D1"><v>4</v></c><c><v>5</v></c></row><row r="2" spans="1:3"/><row r="3"><c r="c3"><v>1</v></c></row>';
    expect(rowsOf(xml)).toEqual([['', '', '', '4', '5'], [], ['', '', '1']]);
  });
  it('reads tags with a namespace prefix, single-quoted attributes and comments between them', () => {
    const xml = `<x:row r='1'><!-- <c r="C1"><v>9</v></c> --><x:c r='A1' t='inlineStr'><x:is><x:t>Ada</x:t></x:is></x:c><x:c r='B1'><x:v>2</x:v></x:c></x:row>`;
    const r = readWorkbook(
      zipSync({
        'xl/workbook.xml': strToU8('<x:workbook xmlns:x="m" xmlns:r="r"><x:sheets><x:sheet name="S" r:id="rId1"/></x:sheets></x:workbook>'),
        'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
        'xl/worksheets/sheet1.xml': strToU8(`<x:worksheet xmlns:x="m"><x:sheetData>${xml}</x:sheetData></x:worksheet>`),
      }),
    );
    expect(r.ok && r.rows).toEqual([['Ada', '2']]);
  });
  it('reads a cell with an empty value, and an empty shared string, as empty', () => {
    const sst = '<sst><si/><si><t>x</t></si></sst>';
    expect(
      rowsOf('<row r="1"><c r="A1"><v/></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>', {
        'xl/sharedStrings.xml': sst,
      }),
    ).toEqual([['', '', 'x']]);
  });
});

describe('a sheet reaches the CSV path as the records its CSV text would give', () => {
  const rows = [[], ['name', ' level ', 'team'], ['Ada, Jr', 'say "hi"', ''], ['  '], ['', ''], ['=1+1', "'@x"]];
  it('gives the records, header and delimiter parseCsv reads from the same rows as CSV', () => {
    expect(parseRows(rows)).toEqual(parseCsv(rowsToCsv(rows)));
  });
  it('numbers a record by its row in the sheet, even after a value with a line break', () => {
    const parsed = parseRows([['name'], ['two\nlines'], ['Ada']]);
    expect(parsed.ok && parsed.records.map((r) => r.line)).toEqual([2, 3]);
  });
  it('says a sheet is empty as a CSV file would', () => {
    expect(parseRows([[], [' ']])).toEqual(parseCsv(rowsToCsv([[], [' ']])));
  });
  it('measures the CSV text without writing it', () => {
    for (const limit of [0, 20, 21, 22, 40]) {
      const text = rowsToCsv([['a"b', 'c'], [], ['d""']]);
      expect(csvLonger([['a"b', 'c'], [], ['d""']], limit)).toBe(text.length > limit);
    }
  });
});

describe('a file that is not a workbook Rungs can read is refused in words', () => {
  it('refuses a 10 MB zip bomb of one repeated cell from its table of contents, before inflating', () => {
    const { zip, unzipped } = bomb(10_000_000, 'truthful');
    expect(unzipped).toBeGreaterThan(1_000_000_000);
    expect(readWorkbook(zip)).toEqual({ ok: false, error: expect.stringContaining('Unzipped, this workbook is larger than 50 MB') });
  });
  it('refuses a bomb whose table of contents understates its size, while inflating', () => {
    const { zip } = bomb(10_000_000, 'lying');
    expect(readWorkbook(zip)).toEqual({ ok: false, error: expect.stringContaining('Unzipped, this workbook is larger than 50 MB') });
  });
  it('refuses a Word document renamed to .xlsx', () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    expect(readWorkbook(docx)).toEqual({ ok: false, error: expect.stringContaining('This is a Word document, not an Excel workbook') });
  });
  it('refuses a zip of something else', () => {
    const zip = zipSync({ 'notes.txt': strToU8('hello') });
    expect(readWorkbook(zip)).toEqual({ ok: false, error: expect.stringContaining('not an Excel workbook') });
  });
  it('refuses bytes that are not a zip', () => {
    expect(readWorkbook(strToU8('name,level\nAda,Senior\n'))).toEqual({
      ok: false,
      error: expect.stringContaining('not an Excel workbook'),
    });
  });
  it('refuses a password-protected workbook (an OLE compound file), saying so', () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(readWorkbook(ole)).toEqual({ ok: false, error: expect.stringContaining('password-protected') });
  });
  it('refuses a sheet wider than the column limit', () => {
    const book = workbook([{ name: 'S', xml: `<row r="1"><c r="ALM1"><v>1</v></c></row>` }]);
    expect(readWorkbook(book)).toEqual({ ok: false, error: expect.stringContaining('more than 1,000 columns') });
  });
  it('refuses a sheet longer than the row limit', () => {
    const book = workbook([{ name: 'S', xml: `<row r="60000"><c r="A60000"><v>1</v></c></row>` }]);
    expect(readWorkbook(book)).toEqual({ ok: false, error: expect.stringContaining('more than 50,000 rows') });
  });
});
