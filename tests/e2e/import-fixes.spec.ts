import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, openScreen as open } from './fixtures.ts';

// An HR sheet with a misspelt team and titles the ladder does not know is settled in the preview:
// one click rewrites the team for every row, a level picked once per title imports its rows, and
// the next import of the same sheet knows the titles.

const SHEET = [
  'name,level,team',
  'Iris Novak,Staff Engineer,Checkout',
  'Jon Park,Software Engineer II,Chekout',
  'Kemi Ade,Staff Engineer,chekout',
  'Lev Ivanov,Mid,Growth',
].join('\n');

const pick = (page: Page) =>
  page.getByLabel('Roster CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(SHEET) });

test('did you mean Checkout? and a level for each unknown title, then the next import knows them', async ({ board: page }) => {
  await open(page, 'Import/Export');
  await pick(page);
  const preview = page.getByRole('region', { name: 'Preview of people.csv' });
  await expect(preview).toContainText('3 of 4 rows have errors');
  await expect(preview).toContainText('New teams: Chekout.');
  const misspelt = preview.getByRole('region', { name: 'Names that look misspelt' });
  await expect(misspelt.locator('[data-id="suggestion"]')).toHaveText('Team “Chekout” (2 rows): did you mean Checkout? Use Checkout');

  await preview.screenshot({ path: 'test-results/screens/import-fixes-offered.png' });
  // The suggestions and the title selects: no serious or critical axe violation (as a11y.spec.ts judges).
  const axe = await new AxeBuilder({ page }).include('[data-id="import-fixes"]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await misspelt.getByRole('button', { name: 'Use Checkout for the 2 rows that say Chekout' }).click();
  await expect(misspelt.locator('[data-id="fixed"]')).toHaveText('Team “Chekout” reads as Checkout. Undo');
  await expect(preview).toContainText('The team "Chekout" is not created: after your fix no row of the file is in it.');
  await expect(preview).not.toContainText('New teams');
  await expect(preview.getByRole('row', { name: /^4 / })).toContainText('chekout → Checkout');

  const titles = preview.getByRole('region', { name: 'Titles the ladder does not know' });
  await expect(titles.locator('[data-id="title-pick"]')).toHaveCount(2);
  await titles.getByLabel('“Staff Engineer” (2 rows) is').selectOption('Senior');
  await expect(preview.getByRole('row', { name: /^2 / })).toContainText('Staff Engineer → Senior');
  await expect(preview).toContainText('1 of 4 rows has errors');
  await titles.getByLabel('“Software Engineer II” (1 row) is').selectOption('Mid');
  await expect(preview).toContainText('all 4 rows are ready');
  await preview.screenshot({ path: 'test-results/screens/import-fixes-preview.png' });

  await preview.getByRole('button', { name: 'Import 4 engineers' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Imported 4 engineers from CSV; 2 titles saved as level aliases' }),
  ).toBeVisible();

  // The same sheet again: every title known, nothing to pick; only the team is still misspelt.
  await pick(page);
  await expect(preview.getByRole('region', { name: 'Titles the ladder does not know' })).toHaveCount(0);
  await expect(preview.locator('[data-id="suggestion"]')).toHaveText('Team “Chekout” (2 rows): did you mean Checkout? Use Checkout');
  await preview.getByRole('button', { name: 'Use Checkout for the 2 rows that say Chekout' }).click();
  await expect(preview).toContainText('4 unchanged');
});

test('a name in two columns is joined, and a renamed person with the same employee id is an update', async ({ board: page }) => {
  await open(page, 'Import/Export');
  const sheet = (surname: string) =>
    Buffer.from(['First Name,Last Name,Employee ID,Job Title,Department', `Mia,${surname},W-7,Mid,Checkout`, ''].join('\n'));
  const input = page.getByLabel('Roster CSV file');
  await input.setInputFiles({ name: 'hr.csv', mimeType: 'text/csv', buffer: sheet('Berg') });
  const preview = page.getByRole('region', { name: 'Preview of hr.csv' });
  const mapping = preview.getByRole('table', { name: 'Column mapping' });
  await expect(mapping.getByLabel('Name', { exact: true })).toHaveValue('First Name');
  await expect(mapping.getByLabel('Second column of the name, after a space')).toHaveValue('Last Name');
  await expect(mapping.getByLabel('Employee ID')).toHaveValue('Employee ID');
  await preview.getByRole('button', { name: 'Import 1 engineer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 engineer from CSV' })).toBeVisible();

  await input.setInputFiles({ name: 'hr.csv', mimeType: 'text/csv', buffer: sheet('Lund') });
  await expect(preview.getByRole('row', { name: /^2 / })).toContainText('Update: name Mia Berg → Mia Lund');
  await preview.screenshot({ path: 'test-results/screens/import-two-column-name.png' });
  await preview.getByRole('button', { name: 'Import: add 0, update 1' }).click();
  await open(page, 'Roster');
  await expect(page.getByRole('main')).toContainText('Mia Lund');
  await expect(page.getByRole('main')).not.toContainText('Mia Berg');
});
