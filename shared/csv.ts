// CSV as spreadsheets write it (RFC 4180): quoted fields, doubled quotes, CRLF or LF, newlines
// inside quotes, and the delimiter the header uses. Pure: shared/decode.ts turns the file's bytes
// into text, this splits the text into records, shared/import.ts checks them. Why Rungs keeps its
// own parser rather than csv-parse or Papa Parse: docs/data.md, "CSV reading".

export type CsvRecord = { line: number; cells: string[] };

/** What may separate columns: Excel writes commas, or semicolons where the comma is the decimal mark; tabs in "Unicode text". */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** A refusal's `at`: the line it is about, and the problem in words that name no line (for a reader that counts lines its own way). */
export type CsvProblemAt = { line: number; problem: string };
export type CsvParse =
  { ok: true; delimiter: Delimiter; header: string[]; records: CsvRecord[] } | { ok: false; error: string; at?: CsvProblemAt };

const EMPTY = 'The file is empty. Export your sheet as CSV with a header line first.';

/**
 * Split text into records, honouring quotes. Returns the line each record starts on. Cells are
 * slices of the text, never built a character at a time: a 3,000-row export would otherwise leave
 * millions of tiny strings for the collector.
 */
function records(text: string, delimiter: string, limit = Infinity): { records: CsvRecord[] } | { error: string; at: CsvProblemAt } {
  const out: CsvRecord[] = [];
  const n = text.length;
  let cells: string[] = [];
  let line = 1;
  let startLine = 1;
  let i = 0;
  /** Where the unquoted run from `from` stops: the delimiter, a line break, or the end. */
  const runEnd = (from: number) => {
    let end = from;
    while (end < n) {
      const c = text[end];
      if (c === delimiter || c === '\n' || c === '\r') break;
      end++;
    }
    return end;
  };
  for (;;) {
    // Spreadsheets sometimes pad before a quote (a, "b"): a quote after blanks still opens one.
    let j = i;
    while (j < n && text[j] === ' ') j++;
    let cell: string;
    if (j < n && text[j] === '"') {
      const quoteLine = line;
      const parts: string[] = [];
      let from = j + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) {
          const problem = 'is never closed: a closing quote is missing, or the file was cut short';
          return {
            error: `A quote opened on line ${quoteLine} ${problem}.`,
            at: { line: quoteLine, problem: `a quote opened here ${problem}` },
          };
        }
        for (let m = from; m < q; m++) if (text.charCodeAt(m) === 10) line++;
        if (text[q + 1] === '"') {
          parts.push(text.slice(from, q + 1));
          from = q + 2;
          continue;
        }
        parts.push(text.slice(from, q));
        from = q + 1;
        break;
      }
      // Anything after the closing quote, up to the delimiter, belongs to the cell as it is.
      const end = runEnd(from);
      cell = parts.join('') + text.slice(from, end);
      i = end;
    } else {
      const end = runEnd(i);
      cell = text.slice(i, end);
      i = end;
    }
    cells.push(cell);
    if (i < n && text[i] === delimiter) {
      i++;
      continue;
    }
    // A line break (CRLF, LF or a lone CR) or the end of the text ends the record.
    const atEnd = i >= n;
    // A line with nothing on it is spacing, not a row.
    if (!(cells.length === 1 && cells[0]!.trim() === '')) out.push({ line: startLine, cells });
    if (atEnd || out.length >= limit) return { records: out };
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line++;
    startLine = line;
    cells = [];
  }
}

/**
 * Each delimiter's count on the header line (the first record: a quoted header may hold a line
 * break), outside quotes. The header is the one line whose shape Rungs knows, and the one where a
 * delimiter cannot hide inside a value.
 */
export function delimiterCounts(text: string): Record<Delimiter, number> {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0, '|': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c as Delimiter]++;
  }
  return counts;
}

/** The delimiter the header uses most; a tie, or a header of one column, is read with commas. */
export function sniffDelimiter(text: string): Delimiter {
  const counts = delimiterCounts(text);
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if (counts[d] > counts[best]) best = d;
  return best;
}

/**
 * Parse a CSV file whose first line names the columns, with the delimiter its header uses. A
 * byte-order mark is dropped.
 */
export function parseCsv(raw: string): CsvParse {
  const text = raw.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, error: EMPTY };
  const delimiter = sniffDelimiter(text);
  const parsed = records(text, delimiter);
  if ('error' in parsed) return { ok: false, error: parsed.error, at: parsed.at };
  const [head, ...rest] = parsed.records;
  if (!head) return { ok: false, error: EMPTY };
  return { ok: true, delimiter, header: head.cells.map((c) => c.trim()), records: rest };
}

/**
 * Records from cells already split (a workbook's sheet, shared/xlsx.ts): what parseCsv reads from
 * the same rows written as CSV (blank rows skipped, the first the header), without writing and
 * reading that text. A record's line is its row's number in the sheet, as the lead sees it in Excel.
 */
export function parseRows(rows: readonly string[][]): CsvParse {
  const records: CsvRecord[] = [];
  rows.forEach((cells, i) => {
    if (!(cells.length <= 1 && (cells[0] ?? '').trim() === '')) records.push({ line: i + 1, cells });
  });
  const [head, ...rest] = records;
  if (!head) return { ok: false, error: EMPTY };
  return { ok: true, delimiter: ',', header: head.cells.map((c) => c.trim()), records: rest };
}

/** A file to read records from: its text, and its records already when it is a workbook's sheet. */
type RecordSource = { text: string; parsed?: CsvParse | undefined };

/** A file's records: split already when it is a workbook's sheet, parsed from its text otherwise. */
export const parseFile = (file: RecordSource): CsvParse => file.parsed ?? parseCsv(file.text);

/** A file's header, as csvHeader reads it. */
export const fileHeader = (file: RecordSource): { delimiter: Delimiter; header: string[] } | null =>
  !file.parsed ? csvHeader(file.text) : file.parsed.ok ? { delimiter: file.parsed.delimiter, header: file.parsed.header } : null;

/**
 * Only the header line of a CSV file, with its delimiter: enough to tell whose export it is without
 * reading a 3,000-row file through once more. Null when the file has no header to read.
 */
export function csvHeader(raw: string): { delimiter: Delimiter; header: string[] } | null {
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  const delimiter = sniffDelimiter(text);
  const parsed = records(text, delimiter, 1);
  const head = 'records' in parsed ? parsed.records[0] : undefined;
  return head ? { delimiter, header: head.cells.map((c) => c.trim()) } : null;
}

/**
 * Where each column is, by name: a name the header repeats (a Jira export has one "Sprint" column per
 * sprint, and "Labels" likewise) keeps every place, in order, so no value is lost to the last one.
 */
export function columnPlaces(header: readonly string[], key: (name: string) => string = (s) => s): Map<string, number[]> {
  const places = new Map<string, number[]>();
  header.forEach((name, i) => {
    const k = key(name);
    const list = places.get(k);
    if (list) list.push(i);
    else places.set(k, [i]);
  });
  return places;
}

/**
 * A record as column name → every value under that name (one for most columns). Each value in
 * Unicode's composed form (NFC), as the app's own fields hold text: an imported "Zoë" written as
 * "e" and a combining mark is stored as the "Zoë" typed on the Roster, not as a look-alike.
 */
export const recordValues = (places: ReadonlyMap<string, readonly number[]>, cells: readonly string[]): Map<string, string[]> =>
  new Map([...places].map(([name, at]) => [name, at.map((i) => (cells[i] ?? '').normalize('NFC'))]));

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

/**
 * A CSV file as Rungs saves it: UTF-8 with a byte-order mark first. Without the mark, Excel on
 * Windows opens a CSV in the system's code page, and "Zoë" reads "ZoÃ«". Every reader Rungs has
 * skips the mark (parseCsv, shared/decode.ts), so a saved file imports back unchanged.
 */
export const savedCsv = (text: string): string => (text.startsWith('\uFEFF') ? text : `\uFEFF${text}`);

/** A whole CSV document, CRLF line endings as RFC 4180 asks. */
export const toCsv = (header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string =>
  [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
