import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

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

const open = (page: Page, screen: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen, exact: true }).click();
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
