import { describe, expect, it } from 'vitest';
import { NOT_TEXT, decodeText, fromBase64, toBase64 } from './decode.ts';

// One describe per way a spreadsheet writes a CSV, then the files that must be refused.

const NAMES = 'name;level\r\nJürgen Groß;Mid\r\nZoë Brandt;Sr\r\nBudget €;Intern\r\n';
const utf8 = (s: string) => new TextEncoder().encode(s);
/** Windows-1252 bytes of text that is Latin-1 plus the euro sign (all the tests need). */
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0))));
const utf16le = (s: string) => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[i * 2] = s.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
};
const swap = (le: Uint8Array) => le.map((_, i) => le[i ^ 1]!);
const join = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('UTF-8, with or without a byte-order mark', () => {
  it('reads UTF-8 as it is', () => {
    expect(decodeText(utf8(NAMES))).toEqual({ ok: true, text: NAMES, encoding: 'utf-8', note: '' });
  });
  it('takes the mark (Excel\'s "CSV UTF-8") off and says so', () => {
    expect(decodeText(join([0xef, 0xbb, 0xbf], utf8(NAMES)))).toEqual({ ok: true, text: NAMES, encoding: 'utf-8-bom', note: '' });
  });
  it('an empty file is empty text, for the parser to refuse in its words', () => {
    expect(decodeText(new Uint8Array())).toMatchObject({ ok: true, text: '' });
  });
});

describe('bytes that are not UTF-8 are Windows-1252 (Excel\'s plain "CSV" on Windows)', () => {
  it('"Jürgen", "Zoë" and "€" arrive intact, with a note to check them', () => {
    const r = decodeText(cp1252(NAMES));
    expect(r).toMatchObject({ ok: true, text: NAMES, encoding: 'windows-1252' });
    expect(r.ok && r.note).toMatch(
      /not UTF-8, and Windows-1252 is what Excel on Windows saves as "CSV": check that names with accents look right/,
    );
  });
  it("the bytes 0x80–0x9F are 1252's letters and signs, not Latin-1 controls", () => {
    expect(decodeText(join(utf8('Team budget: '), [0x80, 0x8a, 0x9c, 0x9f], utf8(' this year\n')))).toMatchObject({
      text: 'Team budget: €ŠœŸ this year\n',
    });
  });
});

describe('UTF-16 (Excel\'s "Unicode text"), little and big endian', () => {
  it('reads LE with its mark', () => {
    expect(decodeText(join([0xff, 0xfe], utf16le(NAMES)))).toEqual({ ok: true, text: NAMES, encoding: 'utf-16le', note: '' });
  });
  it('reads BE with its mark', () => {
    expect(decodeText(join([0xfe, 0xff], swap(utf16le(NAMES))))).toEqual({ ok: true, text: NAMES, encoding: 'utf-16be', note: '' });
  });
  it('without a mark, tells LE and BE by where the zero bytes are, and says it guessed', () => {
    expect(decodeText(utf16le(NAMES))).toMatchObject({
      ok: true,
      text: NAMES,
      encoding: 'utf-16le',
      note: expect.stringMatching(/no byte-order mark/),
    });
    expect(decodeText(swap(utf16le(NAMES)))).toMatchObject({ ok: true, text: NAMES, encoding: 'utf-16be' });
  });
  it('an odd number of bytes is refused: no UTF-16 file has one', () => {
    expect(decodeText(join([0xff, 0xfe], utf16le(NAMES), [0x41]))).toEqual({
      ok: false,
      error: expect.stringMatching(/^The file says it is UTF-16 LE .* but it has an odd number of bytes/),
    });
  });
  it('a lone surrogate is refused with its line', () => {
    const bad = join([0xff, 0xfe], utf16le('name\nAna\n'), [0x00, 0xd8], utf16le(',x\n'));
    expect(decodeText(bad)).toMatchObject({ ok: false, error: expect.stringMatching(/line 3 holds bytes that are not UTF-16 LE/) });
  });
});

describe('refused, with a sentence a lead can act on', () => {
  it('a byte-order mark in the middle of the file: two files joined', () => {
    const twice = join([0xef, 0xbb, 0xbf], utf8('name,level\nAna,Mid\n'), [0xef, 0xbb, 0xbf], utf8('name,level\nBo,Sr\n'));
    expect(decodeText(twice)).toEqual({
      ok: false,
      error: expect.stringMatching(/^Line 3 has a byte-order mark .* in the middle of the file: two files were joined/),
    });
    const le = join([0xff, 0xfe], utf16le('a\n'), [0xff, 0xfe], utf16le('b\n'));
    expect(decodeText(le)).toMatchObject({ ok: false, error: expect.stringMatching(/^Line 2 has a byte-order mark/) });
    // A UTF-8 file appended to a Windows-1252 one: the mark reads "ï»¿" in 1252.
    const mixed = join(cp1252('name\nJürgen\n'), [0xef, 0xbb, 0xbf], utf8('name\n'));
    expect(decodeText(mixed)).toMatchObject({ ok: false, error: expect.stringMatching(/^Line 3 has a byte-order mark/) });
  });
  it('NUL bytes in a UTF-8 file', () => {
    expect(decodeText(utf8('name,level\nAna\u0000,Mid\n'))).toEqual({ ok: false, error: NOT_TEXT });
  });
  it('bytes that break the UTF-8 their mark promises', () => {
    const r = decodeText(join([0xef, 0xbb, 0xbf], utf8('name\nAna\n'), cp1252('Jürgen\n')));
    expect(r).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The file says it is UTF-8 .* but line 3 holds bytes that are not UTF-8/),
    });
  });
  it('binary data without NULs: control characters, or mostly accented letters', () => {
    const controls = Uint8Array.from({ length: 2000 }, (_, i) => [0x81, 0x41, 0x03, 0x42][i % 4]!);
    expect(decodeText(controls)).toEqual({ ok: false, error: NOT_TEXT });
    const high = Uint8Array.from({ length: 2000 }, (_, i) => 0xc0 + (i % 32));
    expect(decodeText(high)).toMatchObject({ ok: false, error: expect.stringMatching(/encoding Rungs does not read/) });
  });
});

describe('bytes cross the transports as base64, unchanged', () => {
  it('round trips every byte value, and a long file', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromBase64(toBase64(all))).toEqual(all);
    const long = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7) & 0xff);
    expect(fromBase64(toBase64(long))).toEqual(long);
  });
  it('is null for text that is not base64', () => {
    expect(fromBase64('not base64!')).toBeNull();
  });
});
