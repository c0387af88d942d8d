import { Unzip, UnzipInflate, UnzipPassThrough, unzipSync } from 'fflate';
import { Tags, eachTag } from './xlsx-xml.ts';

// Reading an Excel workbook (.xlsx) into the rows a CSV file would give: a header row and data rows
// of strings. An .xlsx file is a zip of XML parts; this reads only the few parts a table needs
// (the workbook's sheet list, its relationships, the shared strings, the cell styles and one
// worksheet) and only the values Excel cached: no formula is evaluated, no macro or external link
// is followed. Why an own reader over fflate rather than a spreadsheet library: docs/data.md,
// "Excel workbooks". Pure: no Node, DOM or Electron imports, so it runs wherever the handlers do.

export const XLSX_LIMITS = {
  /** Bytes of all the parts together, unzipped: a roster or backlog is far smaller; a zip bomb is not. */
  unzippedBytes: 50_000_000,
  /** Parts in the zip: a workbook of a few sheets has a few dozen. */
  entries: 10_000,
  /** Rows of one sheet, the CSV limit. */
  rows: 50_000,
  /** Columns of one sheet, the CSV limit. */
  columns: 1_000,
} as const;

export type Workbook = { ok: true; rows: string[][]; sheet: string; sheets: string[] } | { ok: false; error: string };

class Refusal extends Error {}
const refuse = (why: string): never => {
  throw new Refusal(why);
};

const NOT_A_WORKBOOK = 'This file is not an Excel workbook (.xlsx): it has no workbook inside. Save it from Excel as .xlsx or as CSV.';

/** The zip's first bytes ("PK\3\4"); an empty archive starts "PK\5\6". */
export const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4;
/** An OLE compound file: what Excel writes for a password-protected workbook, and for a 97–2003 .xls. */
const isCompoundFile = (b: Uint8Array): boolean =>
  b.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((x, i) => b[i] === x);

/** Whether the bytes are worth reading as a workbook at all (rather than as CSV text). */
export const looksLikeWorkbook = (b: Uint8Array): boolean => isZip(b) || isCompoundFile(b);

const mb = (n: number) => `${Math.round(n / 1_000_000)} MB`;
const TOO_BIG = `Unzipped, this workbook is larger than ${mb(XLSX_LIMITS.unzippedBytes)}; Rungs does not read one this large (a roster or backlog is far smaller). Save the sheet as CSV, or copy it into a new workbook.`;

/**
 * The parts named, unzipped, with the total checked twice: first from the sizes the zip's central
 * directory declares (a bomb that tells the truth stops before anything is inflated), then while
 * inflating, chunk by chunk (a bomb that lies stops at the limit, not after filling memory).
 */
function unzipParts(bytes: Uint8Array, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  const names: string[] = [];
  let declared = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        declared += f.originalSize;
        return false;
      },
    });
  } catch {
    refuse(
      'This file is damaged: it starts like a zip (as an .xlsx does) but its table of contents cannot be read. Save it again from Excel.',
    );
  }
  if (names.length > XLSX_LIMITS.entries || declared > XLSX_LIMITS.unzippedBytes) refuse(TOO_BIG);
  if (!names.includes('xl/workbook.xml')) {
    if (names.includes('word/document.xml')) refuse('This is a Word document, not an Excel workbook. Pick the .xlsx or .csv file.');
    if (names.includes('ppt/presentation.xml'))
      refuse('This is a PowerPoint presentation, not an Excel workbook. Pick the .xlsx or .csv file.');
    if (names.includes('content.xml'))
      refuse('This is an OpenDocument file, not an Excel workbook. Save it as .xlsx or CSV and pick that file.');
    refuse(NOT_A_WORKBOOK);
  }

  const parts = new Map<string, Uint8Array[]>();
  let inflated = 0;
  const unzip = new Unzip((file) => {
    if (!wanted(file.name)) return;
    const chunks: Uint8Array[] = [];
    parts.set(file.name, chunks);
    file.ondata = (error, chunk) => {
      if (error) throw error;
      inflated += chunk.length;
      if (inflated > XLSX_LIMITS.unzippedBytes) refuse(TOO_BIG);
      chunks.push(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  // Small pushes: deflate expands at most about 1,000 times, so one push never inflates past a few MB.
  const STEP = 16_384;
  try {
    for (let at = 0; at < bytes.length; at += STEP) unzip.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
  } catch (error) {
    if (error instanceof Refusal) throw error;
    refuse('This workbook is damaged: a part of it cannot be unzipped. Save it again from Excel.');
  }
  const joined = new Map<string, Uint8Array>();
  for (const [name, chunks] of parts) {
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    joined.set(name, out);
  }
  return joined;
}

/** Excel's built-in number formats that show a date or time. */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
/** A custom format shows a date when, outside quoted text, colours and conditions, it has a date or time letter. */
const isDateFormat = (code: string): boolean => /[dmyhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));

/** For each cell style index (the cell formats, <cellXfs>), whether its number format shows a date. */
function dateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, boolean>();
  const ids: number[] = [];
  const tags = new Tags(xml);
  let inCellXfs = false;
  while (tags.next()) {
    if (tags.is('cellXfs')) inCellXfs = !tags.closing && !tags.selfClosing;
    else if (tags.opens('numFmt')) custom.set(Number(tags.attr('numFmtId')), isDateFormat(tags.attr('formatCode') ?? ''));
    else if (inCellXfs && tags.opens('xf')) ids.push(Number(tags.attr('numFmtId') ?? 0));
  }
  return ids.map((id) => custom.get(id) ?? BUILT_IN_DATES.has(id));
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A date serial as ISO: a whole day as 2026-03-01, with a time of day as 2026-03-01T09:30:00. */
function serialToIso(serial: number, date1904: boolean): string {
  // Day 0 of the 1900 system is 1899-12-30 once Excel's phantom 29 February 1900 is counted.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const ms = Math.round(serial * 86_400_000);
  const d = new Date(epoch + ms);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return ms % 86_400_000 === 0 ? day : `${day}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * The text of a string item (<si> in the shared strings, <is> in a cell), the scan just past its
 * opening tag: its <t> runs (rich text is several), without phonetic guides (<rPh>).
 */
function stringItem(tags: Tags, name: string): string {
  let out = '';
  let phonetic = 0;
  while (tags.next()) {
    if (tags.is('rPh')) {
      if (!tags.selfClosing) phonetic = Math.max(0, phonetic + (tags.closing ? -1 : 1));
    } else if (tags.closing) {
      if (tags.is(name)) break;
    } else if (tags.is('t') && !tags.selfClosing && phonetic === 0) out += tags.text();
  }
  return out;
}

/** Every shared string, in order: a cell of type "s" holds its index. */
function sharedStrings(xml: string | undefined): string[] {
  const strings: string[] = [];
  if (!xml) return strings;
  const tags = new Tags(xml);
  while (tags.next()) if (tags.opens('si')) strings.push(tags.selfClosing ? '' : stringItem(tags, 'si'));
  return strings;
}

/** A column's index from a cell reference's letters ("C7" → 2), read where the reference starts; -1 when there are none. */
function columnAt(xml: string, from: number, to: number): number {
  let n = 0;
  let i = from;
  for (; i < to; i++) {
    const c = xml.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    n = n * 26 + (c - 0x60);
  }
  return i === from ? -1 : n - 1;
}

/** A number as a lead typed it: Excel stores 0.1 as 0.1, and 12 as 12, not 12.0. */
const numberText = (v: string): string => {
  const n = Number(v);
  return Number.isFinite(n) ? String(n) : v;
};

type Context = { strings: string[]; dates: boolean[]; date1904: boolean };

/**
 * A cell's text, the scan just past its opening tag (type and style read from it). Null when the
 * cell never closes before the next cell or row: it is left out, as a damaged cell.
 */
function cellText(tags: Tags, type: string, style: number, c: Context): string | null {
  let raw: string | null = null;
  let inline: string | null = null;
  while (tags.next()) {
    if (tags.closing ? tags.is('row') || tags.is('sheetData') : tags.is('c') || tags.is('row')) {
      tags.back();
      return null;
    }
    if (tags.closing) {
      if (tags.is('c')) break;
    } else if (tags.is('v')) {
      // The value Excel cached when it last calculated; a formula (<f>) is never evaluated here.
      if (raw === null) raw = tags.selfClosing ? '' : tags.text();
    } else if (tags.is('is') && inline === null) inline = tags.selfClosing ? '' : stringItem(tags, 'is');
  }
  if (type === 'inlineStr') return inline ?? '';
  if (raw === null || raw === '') return '';
  switch (type) {
    case 's':
      return c.strings[Number(raw)] ?? '';
    case 'b':
      return raw === '1' ? 'TRUE' : 'FALSE';
    case 'str':
    case 'e':
    case 'd':
      return raw;
    default: {
      const n = Number(raw);
      return c.dates[style] && Number.isFinite(n) && n >= 0 && n < 2_958_466 ? serialToIso(n, c.date1904) : numberText(raw);
    }
  }
}

const tooMany = (what: string, limit: number) =>
  `This sheet has more than ${limit.toLocaleString('en')} ${what}; Rungs reads at most that many from one file. Split it into smaller sheets.`;

/** The rows of a sheet's <sheetData>, in one pass over its XML. A row or cell that never closes is left out. */
function sheetRows(xml: string, c: Context): string[][] {
  const rows: string[][] = [];
  const tags = new Tags(xml);
  let found = false;
  while (!found && tags.next()) found = tags.opens('sheetData');
  if (found && tags.selfClosing) found = false;
  let cells: string[] | null = null;
  while (found && tags.next()) {
    if (tags.closing) {
      if (tags.is('sheetData')) break;
      if (tags.is('row') && cells) rows.push(cells);
      if (tags.is('row')) cells = null;
    } else if (tags.is('row')) {
      // A row's number places it: rows Excel left out (blank ones) stay blank, so line numbers match the sheet's.
      const r = Number(tags.raw('r') ?? rows.length + 1);
      if (!Number.isInteger(r) || r < 1 || r > XLSX_LIMITS.rows + 1) refuse(tooMany('rows', XLSX_LIMITS.rows));
      while (rows.length < r - 1) rows.push([]);
      cells = [];
      if (tags.selfClosing) {
        rows.push(cells);
        cells = null;
      }
    } else if (tags.is('c') && cells) {
      // The reference, type and style in one pass over the attributes: a sheet has tens of thousands of cells.
      let at = -1;
      let type = 'n';
      let style = 0;
      while (tags.attribute()) {
        if (tags.key('r')) at = columnAt(xml, tags.valueFrom, tags.valueTo);
        else if (tags.key('t')) type = tags.value();
        else if (tags.key('s')) style = Number(tags.value());
      }
      const col = at < 0 ? cells.length : at;
      if (col >= XLSX_LIMITS.columns) refuse(tooMany('columns', XLSX_LIMITS.columns));
      const text = tags.selfClosing ? '' : cellText(tags, type, style, c);
      if (text === null) continue;
      while (cells.length < col) cells.push('');
      cells[col] = text;
    }
  }
  // Trailing blank rows (formatting Excel kept) are not data.
  while (rows.length > 0 && rows.at(-1)!.every((v) => v === '')) rows.pop();
  return rows;
}

/** A relationship target as a path inside the zip: "worksheets/sheet1.xml" is relative to xl/. */
const partPath = (target: string): string =>
  (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/\/\.\/|[^/]+\/\.\.\//g, '');

/**
 * A workbook's sheet as rows of strings: the sheet named, or the first. Refuses, in words a lead
 * can act on, a file that is not a workbook, is password-protected, is damaged, is too large
 * unzipped, or has no such sheet.
 */
export function readWorkbook(bytes: Uint8Array, sheetName?: string): Workbook {
  try {
    return read(bytes, sheetName);
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.message };
    throw error;
  }
}

const decode = (b: Uint8Array | undefined): string | undefined => (b ? new TextDecoder().decode(b) : undefined);

function read(bytes: Uint8Array, sheetName?: string): Workbook {
  if (isCompoundFile(bytes)) {
    refuse(
      'This workbook is password-protected (or an Excel 97–2003 .xls file), so Rungs cannot read it. Open it in Excel, remove the password or save it as .xlsx, and pick that file.',
    );
  }
  if (!isZip(bytes)) refuse(NOT_A_WORKBOOK);
  const head = unzipParts(bytes, (n) => n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels');
  const workbook = decode(head.get('xl/workbook.xml')) ?? '';
  const rels = decode(head.get('xl/_rels/workbook.xml.rels')) ?? '';
  const targets = new Map<string | null, string | null>();
  eachTag(rels, 'Relationship', (r) => targets.set(r.attr('Id'), r.attr('Target')));
  const sheets: { name: string; target: string | null | undefined }[] = [];
  eachTag(workbook, 'sheet', (s) => sheets.push({ name: s.attr('name') ?? '', target: targets.get(s.attr('id')) }));
  if (sheets.length === 0) refuse('This workbook has no sheets.');
  const chosen = sheetName === undefined ? sheets[0]! : sheets.find((s) => s.name === sheetName);
  if (!chosen) {
    refuse(
      `This workbook has no sheet called '${sheetName}'; its sheets are ${sheets.map((s) => `'${s.name}'`).join(', ')}. Pick one of those.`,
    );
  }
  if (!chosen!.target) refuse(`The sheet '${chosen!.name}' is missing from this workbook: it is damaged. Save it again from Excel.`);
  const sheetPath = partPath(chosen!.target!);
  const parts = unzipParts(bytes, (n) => n === sheetPath || n === 'xl/sharedStrings.xml' || n === 'xl/styles.xml');
  const sheetXml = decode(parts.get(sheetPath));
  if (sheetXml === undefined) refuse(`The sheet '${chosen!.name}' is missing from this workbook: it is damaged. Save it again from Excel.`);
  const strings = sharedStrings(decode(parts.get('xl/sharedStrings.xml')));
  let date1904 = false;
  eachTag(workbook, 'workbookPr', (pr) => (date1904 ||= ['1', 'true'].includes(pr.attr('date1904') ?? '')));
  const rows = sheetRows(sheetXml!, { strings, dates: dateStyles(decode(parts.get('xl/styles.xml'))), date1904 });
  return { ok: true, rows, sheet: chosen!.name, sheets: sheets.map((s) => s.name) };
}

/** Rows as CSV text, every field quoted, so the CSV path reads them exactly as they are. */
export const rowsToCsv = (rows: string[][]): string => rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\r\n');

/** Whether rowsToCsv's text for the rows would be longer than `limit`, without writing it. */
export function csvLonger(rows: readonly string[][], limit: number): boolean {
  // Each value quoted, a comma between values, CRLF between rows; then each quote in a value doubled,
  // counted only when doubling every character could cross the limit.
  let n = Math.max(0, rows.length - 1) * 2;
  let chars = 0;
  for (const r of rows) {
    n += r.length * 3 - (r.length > 0 ? 1 : 0);
    for (const v of r) chars += v.length;
  }
  if (n + chars > limit) return true;
  if (n + chars * 2 <= limit) return false;
  for (const r of rows) for (const v of r) for (let q = v.indexOf('"'); q >= 0; q = v.indexOf('"', q + 1)) chars++;
  return n + chars > limit;
}
