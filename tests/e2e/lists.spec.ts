import type { Locator, Page } from '@playwright/test';
import { type HostProcess, expect, test } from './fixtures.ts';

// Lists a lead works through: an add form takes several in a row ("Add and add another": the form
// stays open, cleared, focus back on its first field, each added row announced), an edit form
// opens at the row it edits, not at the top of the page, and someone deactivated hands their work
// on and leaves the team's list for the inactive one.

const openScreen = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true }).click();

function column<T>(host: HostProcess, sql: string, ...params: unknown[]): T[] {
  const db = host.readDb();
  try {
    return db
      .prepare(sql)
      .pluck()
      .all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Vertical distance between two elements' boxes, in pixels. */
async function gap(a: Locator, b: Locator): Promise<number> {
  const [x, y] = [(await a.boundingBox())!, (await b.boundingBox())!];
  return Math.abs(y.y - (x.y + x.height));
}

test('three engineers added in a row: the form stays open, cleared, focus on Name, each one announced', async ({ board, host }) => {
  await openScreen(board, 'Roster');
  await board.getByRole('button', { name: 'Add engineer' }).click();
  const form = board.getByRole('form', { name: 'Add an engineer' });
  await form.getByLabel('Team').selectOption('Growth');
  await form.getByLabel('Level', { exact: true }).selectOption('Junior');
  for (const name of ['Nadia Ali', 'Ravi Shah']) {
    await form.getByLabel('Name').fill(name);
    await form.getByRole('button', { name: 'Add and add another' }).click();
    await expect(board.getByRole('status')).toHaveText(`Added ${name} (Junior) to Growth`);
    await expect(form.getByLabel('Name')).toBeFocused();
    await expect(form.getByLabel('Name')).toHaveValue('');
    // The team and level stay for the next one: a lead adds a team's people one after another.
    await expect(form.getByLabel('Team')).toHaveValue(/\d+/);
    await expect(form.getByLabel('Team').locator('option:checked')).toHaveText('Growth');
  }
  // A refusal keeps the form as it was: the name stays, beside its reason.
  await form.getByLabel('Name').fill('nadia ali');
  await form.getByRole('button', { name: 'Add and add another' }).click();
  await expect(form.getByRole('alert')).toContainText('already on the roster');
  await expect(form.getByLabel('Name')).toHaveValue('nadia ali');
  // The last one with Enter: added, and the form closes.
  await form.getByLabel('Name').fill('Zoe Park');
  await form.getByLabel('Name').press('Enter');
  await expect(form).toHaveCount(0);
  expect(column<string>(host, `SELECT name FROM engineers WHERE name IN ('Nadia Ali', 'Ravi Shah', 'Zoe Park') ORDER BY name`)).toEqual([
    'Nadia Ali',
    'Ravi Shah',
    'Zoe Park',
  ]);
  const growth = board.getByRole('table', { name: 'Roster of Growth' });
  for (const name of ['Nadia Ali', 'Ravi Shah', 'Zoe Park'])
    await expect(growth.getByRole('row', { name: new RegExp(name) })).toBeVisible();
});

test('stories added to an initiative in a row, from its own row; the form opens there', async ({ board, host }) => {
  await openScreen(board, 'Work');
  const initiative = board.locator('.work-row', { hasText: 'Referral rewards' }).first();
  await board.getByRole('button', { name: "Add a story to 'Referral rewards'" }).click();
  const form = board.getByRole('form', { name: /^Add a story to / });
  // Under the initiative's row, not at the top of the page.
  expect(await gap(initiative, form)).toBeLessThan(40);
  for (const title of ['Referral terms page', 'Referral credit expiry']) {
    await form.getByLabel('Title').fill(title);
    await form.getByRole('button', { name: 'Add and add another' }).click();
    await expect(board.getByRole('status').first()).toContainText(title);
    await expect(form.getByLabel('Title')).toBeFocused();
    await expect(form.getByLabel('Title')).toHaveValue('');
  }
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toHaveCount(0);
  const parent = column<number>(host, `SELECT id FROM work_items WHERE title = 'Referral rewards'`)[0];
  expect(
    column<number>(
      host,
      `SELECT parent_id FROM work_items WHERE title LIKE 'Referral %' AND kind = 'story' AND title IN ('Referral terms page', 'Referral credit expiry')`,
    ),
  ).toEqual([parent, parent]);
  const stories = board.getByRole('list', { name: "Stories of 'Referral rewards'" });
  await expect(stories).toContainText('Referral terms page');
  await expect(stories).toContainText('Referral credit expiry');
});

test('an edit form opens at the row it edits: far down the roster and the work list', async ({ board }) => {
  await board.setViewportSize({ width: 1280, height: 600 });
  await openScreen(board, 'Roster');
  const row = board.getByRole('table', { name: 'Roster of Growth' }).locator('tr[data-id^="engineer-"]', { hasText: 'Mia Chen' });
  await board.getByRole('button', { name: 'Edit Mia Chen' }).click();
  const form = board.getByRole('form', { name: 'Edit Mia Chen' });
  await expect(form.getByLabel('Name')).toBeFocused();
  await expect(form).toBeInViewport();
  expect(await gap(row, form)).toBeLessThan(40);
  await form.getByLabel('Name').press('Escape');
  await expect(board.getByRole('button', { name: 'Edit Mia Chen' })).toBeFocused();
  // An edit offers no "add another".
  await board.getByRole('button', { name: 'Edit Mia Chen' }).click();
  await expect(form.getByRole('button', { name: 'Add and add another' })).toHaveCount(0);

  await openScreen(board, 'Work');
  const title = 'Fix flaky checkout end-to-end test';
  await board.getByRole('button', { name: `Edit '${title}'` }).click();
  const edit = board.getByRole('form', { name: `Edit '${title}'` });
  await expect(edit).toBeInViewport();
  expect(await gap(board.locator('.work-row', { hasText: title }), edit)).toBeLessThan(40);
});

test('deactivating someone hands their work to one engineer in one change; they move to the inactive list', async ({ board, host }) => {
  await openScreen(board, 'Roster');
  await board.getByRole('button', { name: 'Deactivate Jade Martin' }).click();
  const dialog = board.getByRole('alertdialog', { name: 'Deactivate Jade Martin?' });
  await expect(dialog.getByRole('button', { name: 'Deactivate and return their work to the backlog' })).toBeVisible();
  await dialog.getByLabel('Hand their work to').selectOption({ label: 'Omar Farouk (Mid)' });
  await expect(dialog).toContainText('These 2 items go to Omar Farouk, as a drop on their lane would');
  await board.screenshot({ path: 'test-results/deactivate-hand-over.png' });
  const changes = column<number>(host, 'SELECT count(*) FROM changes')[0]!;
  await dialog.getByRole('button', { name: 'Deactivate and hand their work to Omar Farouk' }).click();
  await expect(board.getByRole('status')).toHaveText('Deactivated Jade Martin; 2 items handed to Omar Farouk. Undo it from History.');
  expect(column<number>(host, 'SELECT count(*) FROM changes')[0]).toBe(changes + 1);
  expect(
    column<string>(
      host,
      `SELECT e.name FROM assignments a JOIN work_items w ON w.id = a.item_id JOIN engineers e ON e.id = a.engineer_id
       WHERE w.title IN ('Referral rewards', 'Referral link generation')`,
    ),
  ).toEqual(['Omar Farouk', 'Omar Farouk']);
  await expect(board.getByRole('table', { name: 'Roster of Growth' }).getByRole('row', { name: /Jade Martin/ })).toHaveCount(0);
  await expect(board.getByRole('table', { name: 'Inactive engineers' }).getByRole('row', { name: /Jade Martin/ })).toContainText('Growth');

  await openScreen(board, 'Board');
  await expect(
    board.getByRole('region', { name: 'Omar Farouk, Mid' }).getByRole('article', { name: 'Referral rewards', exact: true }),
  ).toBeVisible();
  await board.getByRole('button', { name: /^Undo: Deactivated Jade Martin/ }).click();
  await expect(
    board.getByRole('region', { name: 'Jade Martin, Junior' }).getByRole('article', { name: 'Referral rewards', exact: true }),
  ).toBeVisible();
});

test('an import preview scrolls to its first error and can show only the rows with errors', async ({ board }) => {
  await openScreen(board, 'Import/Export');
  const sheet = ['Name,Level,Team,Capacity'];
  for (let i = 1; i <= 40; i++) sheet.push(`Person ${String(i).padStart(2, '0')},Junior,Platform,10`);
  sheet[30] = 'Person 30,Principal,Platform,10';
  sheet[37] = 'Person 37,Junior,Platform,ten';
  await board
    .getByLabel('Roster CSV file')
    .setInputFiles({ name: 'long.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet.join('\n')) });
  const preview = board.getByRole('region', { name: 'Preview of long.csv' });
  await expect(preview).toContainText('2 of 40 rows have errors');
  const rows = preview.getByRole('table', { name: 'Rows of long.csv' }).locator('tbody tr');
  await expect(rows.filter({ hasText: 'Person 30' })).toBeInViewport();
  const errorsOnly = preview.getByLabel('Only the 2 rows with errors');
  await errorsOnly.check();
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('Unknown level');
  await expect(rows.last()).toContainText('Bad number');
  await errorsOnly.uncheck();
  expect(await rows.count()).toBeGreaterThan(2);
});
