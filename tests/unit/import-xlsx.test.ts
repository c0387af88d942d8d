import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../shared/decode.ts';
import { ok, rowCounts, tempRoster } from '../helpers/temp-db.ts';

// A workbook goes through the same channels as a CSV file: read in the roster's process, then the
// CSV path's preview and commit; a workbook that cannot be read is refused and changes nothing.

const cell = (text: string) => `<c t="inlineStr"><is><t>${text}</t></is></c>`;
const xlsx = (sheets: Record<string, string[][]>): string => {
  const names = Object.keys(sheets);
  const files: Record<string, Uint8Array> = {
    'xl/workbook.xml': strToU8(
      `<workbook><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships>${names.map((_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    ),
  };
  names.forEach((n, i) => {
    const rows = sheets[n]!.map((r, j) => `<row r="${j + 1}">${r.map(cell).join('')}</row>`).join('');
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<worksheet><sheetData>${rows}</sheetData></worksheet>`);
  });
  return toBase64(zipSync(files));
};

const TEAM = [
  ['name', 'level', 'team'],
  ['Wen Okafor', 'Sr', 'Checkout'],
];

describe('a roster workbook is previewed and imported through the CSV path', () => {
  it('reads the sheet named, says where it read from, and commits the same rows', () => {
    const { db, dispatch } = tempRoster();
    const bytes = xlsx({ Notes: [['hello']], Team: TEAM });
    const preview = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes, fileName: 'team.xlsx', sheet: 'Team' }));
    expect(preview.reading).toMatchObject({ said: "Read from sheet 'Team' of team.xlsx.", sheet: 'Team', sheets: ['Notes', 'Team'] });
    expect(preview.clean).toBe(true);
    expect(preview.rows[0]).toMatchObject({ line: 2, change: 'new' });
    const m = ok(dispatch('import.commitCsv', { kind: 'roster', quarterId: null, bytes, sheet: 'Team', fingerprint: preview.fingerprint }));
    expect(m.summary).toMatch(/^Imported 1 engineer.* from an Excel workbook/);
    expect(db.prepare(`SELECT level FROM engineers WHERE name = 'Wen Okafor'`).pluck().get()).toBe(3);
  });
});

describe('a sheet is read as rows, not as a text that could be cut short', () => {
  it('finds a short last row wanting a value, where a CSV file ending so would be called cut short', () => {
    const { dispatch } = tempRoster();
    const bytes = xlsx({ Team: [...TEAM, ['Ana Sousa']] });
    const preview = ok(dispatch('import.previewCsv', { kind: 'roster', quarterId: null, bytes }));
    expect(preview.fileErrors).toEqual([]);
    expect(preview.rows.at(-1)).toMatchObject({
      line: 3,
      errors: [
        { column: 'level', message: 'Enter a level' },
        { column: 'team', message: 'Enter a team' },
      ],
    });
  });
});

describe('a workbook that cannot be read is refused and changes nothing', () => {
  const cases = [
    { what: 'a sheet it does not have', bytes: xlsx({ Team: TEAM }), sheet: 'Old', error: /no sheet called 'Old'; its sheets are 'Team'/ },
    {
      what: 'a renamed Word document',
      bytes: toBase64(zipSync({ 'word/document.xml': strToU8('<w:document/>') })),
      error: /This is a Word document, not an Excel workbook/,
    },
  ];
  for (const c of cases) {
    it(c.what, () => {
      const { db, dispatch } = tempRoster();
      const before = rowCounts(db);
      const request = { kind: 'roster' as const, quarterId: null, bytes: c.bytes, ...(c.sheet ? { sheet: c.sheet } : {}) };
      expect(dispatch('import.previewCsv', request)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(c.error) },
      });
      expect(dispatch('import.commitCsv', request)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(rowCounts(db)).toEqual(before);
    });
  }
});
