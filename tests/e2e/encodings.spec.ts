import { test, expect } from './fixtures.ts';

// A roster from HR arrives in whatever its spreadsheet wrote. The files are written here as bytes,
// as Excel on Windows saves them, and picked through the page's file input like a lead would.

const ROWS = [
  ['name', 'level', 'team', 'capacity'],
  ['Jürgen Groß', 'Senior', 'Plattform', '13'],
  ['Zoë Brandt', 'Mid', 'Plattform', ''],
];

const cases = [
  {
    what: 'Excel\'s "CSV" in a German locale: Windows-1252, semicolons',
    name: 'personal.csv',
    // Every character here is in Latin-1, where Windows-1252 and Latin-1 agree.
    bytes: Buffer.from(`${ROWS.map((r) => r.join(';')).join('\r\n')}\r\n`, 'latin1'),
    said: 'Read as Windows-1252, semicolon-separated.',
  },
  {
    what: 'Excel\'s "Unicode text": UTF-16 LE with its byte-order mark, tabs',
    name: 'personal.txt.csv',
    bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${ROWS.map((r) => r.join('\t')).join('\r\n')}\r\n`, 'utf16le')]),
    said: 'Read as UTF-16 LE, tab-separated.',
  },
];

for (const c of cases) {
  test(`a roster in ${c.what} arrives with "Jürgen Groß" intact`, async ({ board, host }) => {
    await board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Import/Export' }).click();
    await board.getByLabel('Roster CSV file').setInputFiles({ name: c.name, mimeType: 'text/csv', buffer: c.bytes });
    const preview = board.getByRole('region', { name: `Preview of ${c.name}` });
    await expect(preview).toContainText(`${c.name}: all 2 rows are ready.`);
    await expect(preview.getByText(c.said)).toBeVisible();
    await expect(preview.getByRole('row', { name: /^2 / })).toContainText('Jürgen Groß');
    await expect(preview.getByRole('row', { name: /^3 / })).toContainText('Zoë Brandt');
    await board.screenshot({ path: `test-results/screens/encodings-${c.bytes[0] === 0xff ? 'utf16' : 'cp1252'}.png`, fullPage: true });

    await preview.getByRole('button', { name: 'Import 2 engineers' }).click();
    await expect(board.getByRole('status').filter({ hasText: 'Imported 2 engineers and 1 team from CSV' })).toBeVisible();
    const db = host.readDb();
    expect(db.prepare(`SELECT name FROM engineers WHERE name IN ('Jürgen Groß', 'Zoë Brandt') ORDER BY name`).pluck().all()).toEqual([
      'Jürgen Groß',
      'Zoë Brandt',
    ]);
    db.close();
  });
}

test('a file with a byte-order mark in the middle is refused in words, and nothing is previewed', async ({ board }) => {
  await board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Import/Export' }).click();
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  const part = Buffer.from('name,level,team\r\nAna,Mid,Core\r\n');
  await board
    .getByLabel('Roster CSV file')
    .setInputFiles({ name: 'joined.csv', mimeType: 'text/csv', buffer: Buffer.concat([bom, part, bom, part]) });
  await expect(
    board.getByRole('alert').filter({ hasText: /^Line 3 has a byte-order mark .* two files were joined into one/ }),
  ).toBeVisible();
  await expect(board.getByRole('region', { name: /Preview of/ })).toHaveCount(0);
});

test('a name thousands of characters long is shown cut short, and the row says why it is refused where the lead can read it', async ({
  board,
}) => {
  await board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Import/Export' }).click();
  const long = 'Very long name '.repeat(340);
  const csv = ['name,level,team', `${long},Mid,Core`, 'Ana Lopez,Mid,Core'].join('\n');
  await board.getByLabel('Roster CSV file').setInputFiles({ name: 'long.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const preview = board.getByRole('region', { name: 'Preview of long.csv' });
  const row = preview.getByRole('row', { name: /^2 / });
  await expect(row).toContainText('characters)');
  await expect(row.getByText(/At most 120 characters/)).toBeVisible();
  // The table stays within the window: the reason is not 46,000 pixels off to the right.
  expect(await preview.getByRole('table').evaluate((t) => t.scrollWidth)).toBeLessThan(1440);
  await board.screenshot({ path: 'test-results/screens/import-long-name.png' });
});
