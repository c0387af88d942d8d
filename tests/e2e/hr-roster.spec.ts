import AxeBuilder from '@axe-core/playwright';
import { readFileSync, rmSync } from 'node:fs';
import { parseCsv } from '../../shared/csv.ts';
import { writeXlsx } from '../helpers/xlsx-writer.ts';
import { expect, launchHost, stopHost, test, openScreen as open } from './fixtures.ts';

// A new lead's team arrives as their HR system's people export (a Workday workers report saved as
// .xlsx): its columns are matched by their names, FTE becomes capacity, the person who left is
// not added, and the Roster screen shows the numbers worked out by hand below.

const parsed = parseCsv(readFileSync(new URL('fixtures/workday-workers.csv', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error(parsed.error);
// As Excel keeps them: numbers as numbers, the rest as text.
const cells = parsed.records.map((r) => r.cells.map((c) => (/^\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
const workbook = Buffer.from(writeXlsx({ Workers: [parsed.header, ...cells] }));

test('a 15-person Workday export imports through its column mapping, FTE as points', async ({ page }) => {
  const host = await launchHost({ empty: true });
  try {
    await page.goto(host.url);
    await open(page, 'Import/Export');
    await page.getByLabel('Roster CSV file').setInputFiles({
      name: 'workers.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: workbook,
    });
    const preview = page.getByRole('region', { name: 'Preview of workers.xlsx' });
    const source = preview.locator('[data-id="roster-source"]');
    await expect(source).toContainText('Read as an HR export, its columns matched by their names.');
    const mapping = source.getByRole('table', { name: 'Column mapping' });
    await expect(mapping.getByLabel('Name', { exact: true })).toHaveValue('Worker');
    await expect(mapping.getByLabel('Level')).toHaveValue('Business Title');
    await expect(mapping.getByLabel('Team')).toHaveValue('Supervisory Organization');
    await expect(mapping.getByLabel('Capacity')).toHaveValue('FTE');
    await expect(mapping.getByLabel('Status')).toHaveValue('Worker Status');
    await expect(source.locator('[data-id="skipped"]')).toHaveText('Line 9, Hana Satō: status "Terminated", not on the roster');
    await expect(preview).toContainText(
      'workers.xlsx: all 14 rows are ready. 1 more row of the file is not imported (listed below). New teams: Payments, Search, Mobile.',
    );

    // An empty roster has no usual capacity: the lead says a full-time engineer has 20 points.
    await source.getByLabel('Points of a full-time engineer').fill('20');
    await source.getByLabel('Points of a full-time engineer').press('Enter');
    await expect(preview.getByRole('row', { name: /^3 / })).toContainText('0.8 → 16 points');
    await preview.screenshot({ path: 'test-results/screens/hr-roster-preview.png' });
    // The mapping, the full-time field and the lists: no serious or critical axe violation (as a11y.spec.ts judges).
    const axe = await new AxeBuilder({ page })
      .include('[aria-label="Preview of workers.xlsx"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
      .analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await preview.getByRole('button', { name: 'Import 14 engineers' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported 14 engineers and 3 teams from an Excel workbook' })).toBeVisible();

    await open(page, 'Roster');
    // By hand: FTE × 20, rounded. Payments: Amara 1.0 → 20, Bruno 0.8 → 16, Chloé 1.0 → 20, Dev 0.5 → 10, Oscar 1.0 → 20.
    const payments = page.getByRole('table', { name: 'Roster of Payments' });
    await expect(payments.locator('caption')).toContainText('(5)');
    const expectRow = async (table: typeof payments, name: string, level: string, capacity: string, active: string) =>
      expect(table.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell')).toHaveText([level, capacity, active, /Edit/]);
    await expectRow(payments, 'Amara Osei', 'Senior', '20 pts', 'Yes');
    await expectRow(payments, 'Bruno Costa', 'Mid', '16 pts', 'Yes');
    await expectRow(payments, 'Chloé Dubois', 'Junior', '20 pts', 'Yes');
    await expectRow(payments, 'Dev Patel', 'Intern', '10 pts', 'Yes');
    await expectRow(payments, 'Oscar Lindqvist', 'Mid', '20 pts', 'Yes');
    // Search: Hana left and is not here; Farah is on leave: on the roster, not active, so listed
    // with the inactive engineers, her team beside her name. Gabriel 0.6 → 12.
    const search = page.getByRole('table', { name: 'Roster of Search' });
    await expect(search.locator('caption')).toContainText('(3)');
    await expectRow(search, 'Gabriel Silva', 'Junior', '12 pts', 'Yes');
    await expect(search.getByRole('row', { name: /Hana/ })).toHaveCount(0);
    const inactive = page.getByRole('table', { name: 'Inactive engineers' });
    await expect(inactive.locator('caption')).toContainText('(1)');
    await expectRow(inactive, 'Farah Khan \\(Search\\)', 'Mid', '20 pts', 'No');
    // Mobile: Jürgen 0.9 → 18, Lucía 0.5 → 10, Maya 0.8 → 16.
    const mobile = page.getByRole('table', { name: 'Roster of Mobile' });
    await expect(mobile.locator('caption')).toContainText('(5)');
    await expectRow(mobile, 'Jürgen Weiß', 'Senior', '18 pts', 'Yes');
    await expectRow(mobile, 'Lucía Fernández', 'Intern', '10 pts', 'Yes');
    await expectRow(mobile, 'Maya Cohen', 'Mid', '16 pts', 'Yes');
  } finally {
    await stopHost(host);
    rmSync(host.dir, { recursive: true, force: true });
  }
});
