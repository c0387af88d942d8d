// CSV as spreadsheets write it (RFC 4180): quoted fields, doubled quotes, CRLF or LF, newlines
// inside quotes. Pure: the renderer reads the file, the main process parses and validates it.

export type CsvRecord = { line: number; cells: string[] };
export type CsvParse = { ok: true; header: string[]; records: CsvRecord[] } | { ok: false; error: string };

const DELIMITER_NAMES: Record<string, string> = { ';': 'semicolons (;)', '\t': 'tabs', '|': 'pipes (|)', ',': 'commas (,)' };

/** Split text into records, honouring quotes. Returns the line each record starts on. */
function records(text: string, delimiter: string): { records: CsvRecord[] } | { error: string } {
  const out: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let quoteLine = 0;
  let line = 1;
  let startLine = 1;
  let atCellStart = true;
  const endRecord = () => {
    cells.push(cell);
    // A line with nothing on it is spacing, not a row.
    if (!(cells.length === 1 && cells[0]!.trim() === '')) out.push({ line: startLine, cells });
    cells = [];
    cell = '';
    atCellStart = true;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      cell = '';
      quoteLine = line;
      atCellStart = false;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      // CRLF: the \n ends the record.
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      line++;
      startLine = line;
    } else {
      cell += ch;
      // Spreadsheets sometimes pad before a quote (a, "b"): a quote after blanks still opens one.
      if (ch !== ' ') atCellStart = false;
    }
  }
  if (quoted) {
    return {
      error: `A quote opened on line ${quoteLine} is never closed: a closing quote is missing, or the file was cut short.`,
    };
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return { records: out };
}

/** Count a character on the first line, outside quotes. */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

/**
 * Parse a CSV file whose first line names the columns. A byte-order mark is dropped; a file that
 * separates columns with something other than commas is refused with a clear message, since a
 * wrong guess would silently put whole rows in the first column.
 */
export function parseCsv(raw: string, expectedColumns: readonly string[]): CsvParse {
  const text = raw.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, error: 'The file is empty. Export your sheet as CSV with a header line first.' };
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = Object.fromEntries(Object.keys(DELIMITER_NAMES).map((d) => [d, countOutsideQuotes(firstLine, d)]));
  if (counts[',']! === 0 && expectedColumns.length > 1) {
    const other = [';', '\t', '|'].find((d) => counts[d]! > 0);
    if (other) {
      return {
        ok: false,
        error: `Wrong delimiter: this file separates columns with ${DELIMITER_NAMES[other]}, but Rungs expects commas. Save it again as "CSV (comma delimited)", or replace the ${DELIMITER_NAMES[other]} with commas.`,
      };
    }
  }
  const parsed = records(text, ',');
  if ('error' in parsed) return { ok: false, error: parsed.error };
  const [head, ...rest] = parsed.records;
  if (!head) return { ok: false, error: 'The file is empty. Export your sheet as CSV with a header line first.' };
  return { ok: true, header: head.cells.map((c) => c.trim()), records: rest };
}

/**
 * CSV injection (OWASP): a spreadsheet runs a cell that starts with =, +, -, @, a tab or a carriage
 * return as a formula, so a name like =HYPERLINK(…) could act when a lead opens an export. Such
 * text gets a single quote in front, which spreadsheets show as text. Text that already starts with
 * quotes and then one of those characters gets one more, so unescapeFormula can take exactly one
 * off and every value comes back as it was: the pair is a bijection.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
export const escapeFormula = (s: string): string => (FORMULA.test(s) ? `'${s}` : s);
export const unescapeFormula = (s: string): string => (s.startsWith("'") && FORMULA.test(s) ? s.slice(1) : s);

/** One CSV field, quoted only when it has to be. Numbers are written as they are (-1 is no formula). */
export const csvField = (value: string | number | null | undefined): string => {
  const s = value === null || value === undefined ? '' : typeof value === 'number' ? String(value) : escapeFormula(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** A whole CSV document, CRLF line endings as RFC 4180 asks. */
export const toCsv = (header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string =>
  [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
