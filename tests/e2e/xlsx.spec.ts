import { strToU8, zipSync } from 'fflate';
import { test, expect } from './fixtures.ts';

// A roster kept in Excel arrives as the workbook itself, written here as the few parts Excel saves
// and picked through the page's file input like a lead would; it joins the CSV path's preview.

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const row = (n: number, values: string[]) =>
  `<row r="${n}">${values.map((v, i) => (/^\d+$/.test(v) ? `<c r="${String.fromCharCode(65 + i)}${n}"><v>${v}</v></c>` : cell(`${String.fromCharCode(65 + i)}${n}`, v))).join('')}</row>`;
const sheet = (rows: string[][]) =>
  strToU8(
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.map((r, i) => row(i + 1, r)).join('')}</sheetData></worksheet>`,
  );

const workbook = Buffer.from(
  zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(
      '<workbook xmlns:r="r"><sheets><sheet name="Notes" sheetId="1" r:id="rId1"/><sheet name="Team" sheetId="2" r:id="rId2"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': sheet([['Read me first'], ['This workbook holds the team on its second sheet.']]),
    'xl/worksheets/sheet2.xml': sheet([
      ['name', 'level', 'team', 'capacity'],
      ['Jürgen Groß', 'Senior', 'Plattform', '13'],
      ['Zoë Brandt', 'Mid', 'Plattform', '8'],
    ]),
  }),
);

test('a roster in an Excel workbook is read from the sheet the lead picks and imported', async ({ board, host }) => {
  await board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Import/Export' }).click();
  await board.getByLabel('Roster CSV file').setInputFiles({
    name: 'team.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: workbook,
  });
  const preview = board.getByRole('region', { name: 'Preview of team.xlsx' });
  // The first sheet is read first; it is not a roster, and the preview says where it read from.
  await expect(preview.getByText("Read from sheet 'Notes' of team.xlsx.")).toBeVisible();
  await preview.getByLabel('Sheet').selectOption('Team');
  await expect(preview.getByText("Read from sheet 'Team' of team.xlsx.")).toBeVisible();
  await expect(preview).toContainText('team.xlsx: all 2 rows are ready.');
  await expect(preview.getByRole('row', { name: /^2 / })).toContainText('Jürgen Groß');
  await board.screenshot({ path: 'test-results/screens/xlsx-preview.png', fullPage: true });

  await preview.getByRole('button', { name: 'Import 2 engineers' }).click();
  await expect(board.getByRole('status').filter({ hasText: /Imported 2 engineers/ })).toBeVisible();
  const db = host.readDb();
  expect(db.prepare(`SELECT name, capacity FROM engineers WHERE name IN ('Jürgen Groß', 'Zoë Brandt') ORDER BY name`).all()).toEqual([
    { name: 'Jürgen Groß', capacity: 13 },
    { name: 'Zoë Brandt', capacity: 8 },
  ]);
  db.close();
});

test('a Word document renamed to .xlsx is refused in words, and nothing is previewed', async ({ board }) => {
  await board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Import/Export' }).click();
  const docx = Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }));
  await board.getByLabel('Roster CSV file').setInputFiles({ name: 'team.xlsx', mimeType: 'application/octet-stream', buffer: docx });
  await expect(board.getByRole('alert').filter({ hasText: 'This is a Word document, not an Excel workbook' })).toBeVisible();
  await expect(board.getByRole('region', { name: /Preview of/ })).toHaveCount(0);
});
