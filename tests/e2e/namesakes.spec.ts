import { assigneeOf, expect, test, openScreen as open } from './fixtures.ts';

// Two people named Alex Kim, told apart by their HR employee ids: after the import the board's lanes,
// the Roster and the Assign to… picker name each by their label, so the lead staffs the right one.

const SHEET = [
  'First Name,Last Name,Employee ID,Job Title,Department',
  'Alex,Kim,E1042,Mid,Checkout',
  'Alex,Kim,E2211,Junior,Payments',
  '',
].join('\n');

test('two Alex Kims with different employee ids are told apart on the board, in Assign to… and on the Roster', async ({
  board: page,
  host,
}) => {
  await open(page, 'Import/Export');
  await page.getByLabel('Roster CSV file').setInputFiles({ name: 'hr.csv', mimeType: 'text/csv', buffer: Buffer.from(SHEET) });
  const preview = page.getByRole('region', { name: 'Preview of hr.csv' });
  await expect(preview).toContainText('Two people named Alex Kim (ids E1042, E2211)');
  await preview.getByRole('button', { name: 'Import 2 engineers' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 engineers and 1 team from CSV' })).toBeVisible();

  await open(page, 'Board');
  const checkout = page.getByRole('region', { name: 'Alex Kim (E1042), Mid' });
  const payments = page.getByRole('region', { name: 'Alex Kim (E2211), Junior' });
  await expect(checkout.locator('.lane-name')).toHaveText('Alex Kim (E1042)');
  await expect(payments.locator('.lane-name')).toHaveText('Alex Kim (E2211)');
  // No one else's name changes: a name of one person stays plain.
  await expect(page.getByRole('region', { name: 'Priya Natarajan, Senior' })).toBeVisible();
  // The board's search finds both by name, side by side for the screenshot.
  const search = page.getByLabel('Search');
  await search.fill('alex kim');
  await expect(page.locator('.lane-name')).toHaveText(['Alex Kim (E1042)', 'Alex Kim (E2211)']);
  await page.screenshot({ path: 'test-results/screens/namesakes-board.png' });
  await search.fill('e2211');
  await expect(page.locator('.lane-name')).toHaveText(['Alex Kim (E2211)']);
  await search.fill('');

  // The DRI picker of a backlog initiative offers both, each by their label; the id alone finds one.
  const backlog = page.getByRole('region', { name: 'Backlog' });
  const initiative = backlog
    .locator('article')
    .filter({ has: page.locator('.card-kind', { hasText: /^Initiative/ }) })
    .first();
  const title = (await initiative.getAttribute('aria-label'))!;
  await initiative.locator('[data-card-handle]').focus();
  await page.keyboard.press('a');
  const field = page.getByRole('combobox', { name: 'Engineer', exact: true });
  await expect(field).toBeFocused();
  await page.keyboard.type('alex kim');
  const options = page.getByRole('listbox').getByRole('option');
  await expect(options).toHaveCount(2);
  await expect(options.filter({ hasText: 'Alex Kim (E1042)' })).toHaveCount(1);
  await expect(options.filter({ hasText: 'Alex Kim (E2211)' })).toHaveCount(1);
  await page.getByRole('dialog', { name: /^Assign '/ }).screenshot({ path: 'test-results/screens/namesakes-assign.png' });
  await field.fill('e1042');
  await expect(options).toHaveCount(1);
  await page.keyboard.press('Enter');
  // The demo's first backlog initiative is a stretch for a Mid: the popup asks for a reviewer, naming who it is for.
  const reviewer = page.getByRole('dialog', { name: /^Reviewer for / });
  await expect(reviewer).toContainText('A stretch for Alex Kim (E1042), Mid:');
  await reviewer.screenshot({ path: 'test-results/screens/namesakes-reviewer.png' });
  await page.keyboard.press('Enter'); // I'll review it
  await expect(reviewer).toBeHidden();
  await expect.poll(() => assigneeOf(host, title)?.employeeId).toBe('E1042');
  await expect(checkout.getByRole('article', { name: title })).toBeVisible();

  await open(page, 'Roster');
  const roster = page.locator('.roster');
  await expect(roster.getByRole('rowheader', { name: 'Alex Kim (E1042)' })).toBeVisible();
  await expect(roster.getByRole('rowheader', { name: 'Alex Kim (E2211)' })).toBeVisible();
  await roster.getByRole('button', { name: 'Edit Alex Kim (E2211)' }).click();
  await expect(page.locator('[data-id="eng-employee-id"]')).toContainText('Employee IDE2211from HR');
  await expect(page.getByRole('heading', { name: 'Edit Alex Kim (E2211)' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/namesakes-roster.png', fullPage: true });
});
