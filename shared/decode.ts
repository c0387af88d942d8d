// Turning a file's bytes into text. Spreadsheets write CSV in several encodings (Excel's "CSV UTF-8"
// with a byte-order mark, its plain "CSV" in Windows-1252 on Windows, its "Unicode text" in UTF-16
// LE), and nothing in a CSV says which. The bytes do, mostly: this is the one place that reads them,
// so a name like "Jürgen" arrives the same way from every transport. Pure: TextDecoder and atob are
// in both Node and the browser.

export const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** The encoding as a lead's spreadsheet names it. */
export const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (with a byte-order mark)',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
};

/** The text, how it was read, and a sentence when the reading was a guess the lead should check ('' otherwise). */
export type Decoded = { ok: true; text: string; encoding: Encoding; note: string } | { ok: false; error: string };

export const NOT_TEXT =
  'This is not a text file: it holds binary data (a spreadsheet saved as .xlsx, an image, an archive?). Save it as CSV and pick that file.';

const SAMPLE = 65_536;

const lineAt = (text: string, index: number): number => {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
};

const refuse = (error: string): Decoded => ({ ok: false, error });

/**
 * UTF-16 without a byte-order mark: text that is mostly Latin letters has a zero byte in every
 * other place (the high byte of each character), and in no other place. Random or binary data
 * has zero bytes scattered over both; a UTF-8 or Windows-1252 text has none.
 */
function utf16ByZeros(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.7 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.7 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', hasBom: boolean): Decoded {
  const name = ENCODING_NAMES[encoding];
  const said = hasBom ? `The file says it is ${name} (it starts with that byte-order mark)` : `The file looks like ${name}`;
  if (bytes.length % 2 === 1) {
    return refuse(`${said}, but it has an odd number of bytes, which no ${name} file has: it was cut short or damaged. Export it again.`);
  }
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(hasBom ? 2 : 0));
    return {
      ok: true,
      text,
      encoding,
      note: hasBom ? '' : `It has no byte-order mark; the pattern of its zero bytes says ${name}.`,
    };
  } catch {
    const loose = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(hasBom ? 2 : 0));
    return refuse(
      `${said}, but line ${lineAt(loose, loose.indexOf('\uFFFD'))} holds bytes that are not ${name}: it is damaged. Export it again.`,
    );
  }
}

/**
 * Windows-1252 is the guess for bytes that are not UTF-8, and it accepts almost any bytes. Two signs
 * that the guess is wrong: control characters (binary data; 1252's five unassigned bytes decode to
 * them too), or letters with accents making up a large share of the text (another language's
 * encoding, where a Western sheet has a few accented names among plain ASCII).
 */
function windows1252(bytes: Uint8Array): Decoded {
  const text = new TextDecoder('windows-1252').decode(bytes);
  const sample = text.slice(0, SAMPLE);
  let controls = 0;
  let high = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    // Tab, line feed, form feed, carriage return, and a DOS end-of-file mark are what text files hold.
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 0x1a) || (c >= 0x7f && c < 0xa0)) controls++;
    else if (c >= 0x80) high++;
  }
  if (controls > sample.length * 0.001) return refuse(NOT_TEXT);
  if (high > sample.length * 0.3) {
    return refuse(
      'This file is not UTF-8, and read as Windows-1252 most of it would be accented letters and symbols: it is text in an encoding Rungs does not read (Cyrillic, Greek or Asian?), or not text. Save it from your spreadsheet as "CSV UTF-8" and pick that file.',
    );
  }
  return {
    ok: true,
    text,
    encoding: 'windows-1252',
    note: 'The file is not UTF-8, and Windows-1252 is what Excel on Windows saves as "CSV": check that names with accents look right.',
  };
}

function utf8(bytes: Uint8Array, hasBom: boolean): Decoded | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(hasBom ? 3 : 0));
    return { ok: true, text, encoding: hasBom ? 'utf-8-bom' : 'utf-8', note: '' };
  } catch {
    if (!hasBom) return null;
    // The mark promises UTF-8; bytes that are not are a second file (or an edit) in another encoding.
    const loose = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3));
    return refuse(
      `The file says it is UTF-8 (it starts with a UTF-8 byte-order mark), but line ${lineAt(loose, loose.indexOf('\uFFFD'))} holds bytes that are not UTF-8: part of it was saved in another encoding. Save it again from your spreadsheet as "CSV UTF-8".`,
    );
  }
}

/** What every decoded text must also pass: no NUL characters, no byte-order mark after the start. */
function checked(decoded: Decoded): Decoded {
  if (!decoded.ok) return decoded;
  const { text } = decoded;
  if (text.includes('\u0000')) return refuse(NOT_TEXT);
  // A byte-order mark only ever starts a file; one further in means files were joined. In a text
  // read as Windows-1252 a UTF-8 mark shows as "ï»¿".
  const mark = text.search(decoded.encoding === 'windows-1252' ? /\u00EF\u00BB\u00BF/ : /\uFEFF/);
  if (mark >= 0) {
    return refuse(
      `Line ${lineAt(text, mark)} has a byte-order mark (the invisible sign that starts a file) in the middle of the file: two files were joined into one. Export the file again as one file.`,
    );
  }
  return decoded;
}

/**
 * Decide how a file's bytes are text: a byte-order mark says UTF-8, UTF-16 LE or UTF-16 BE; without
 * one, zero bytes in every other place say UTF-16; bytes that are valid UTF-8 are UTF-8; anything else
 * is read as Windows-1252. Refuses binary data, NUL bytes, a mark in the middle of the file, and
 * bytes that break the encoding their mark promises, each with a sentence a lead can act on.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return checked(utf8(bytes, true)!);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(utf16(bytes, 'utf-16le', true));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(utf16(bytes, 'utf-16be', true));
  const byZeros = utf16ByZeros(bytes);
  if (byZeros) return checked(utf16(bytes, byZeros, false));
  if (bytes.includes(0)) return refuse(NOT_TEXT);
  return checked(utf8(bytes, false) ?? windows1252(bytes));
}

// Bytes cross the IPC and HTTP transports as base64: both carry JSON-like values, and a string is one
// value where an array of numbers would be millions (see shared/payload.ts).

/** Base64 of bytes, in slices so a 10 MB file does not overflow the argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The bytes of a base64 string; null when it is not base64. */
export function fromBase64(base64: string): Uint8Array | null {
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
