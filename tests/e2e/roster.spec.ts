import { rmSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { type HostProcess, expect, launchHost, stopHost, test } from './fixtures.ts';

async function invoke(host: HostProcess, request: APIRequestContext, channel: string, body: unknown) {
  const res = await request.post(`${host.origin}/api/invoke`, {
    data: { channel, request: body },
    headers: { 'x-rungs-token': host.token },
  });
  const json = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!json.ok) throw new Error(json.error!.message);
  return json.value;
}

test('create an engineer, give them an overreach, promote them: the warning on their card clears', async ({ board, host, request }) => {
  await board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Roster' }).click();
  await board.getByRole('button', { name: 'Add engineer' }).click();
  const form = board.getByRole('form', { name: 'Add an engineer' });
  // Inline, specific errors from the same schema the IPC contract uses.
  await form.getByLabel('Capacity (points, optional)').fill('ten');
  await form.getByRole('button', { name: 'Add engineer' }).click();
  await expect(form.getByLabel('Name')).toHaveAccessibleDescription('Enter a name');
  await expect(form.getByText('Points are a whole number')).toBeVisible();
  await form.getByLabel('Name').fill('Nadia Ali');
  await form.getByLabel('Level', { exact: true }).selectOption('Intern');
  await form.getByLabel('Team').selectOption('Growth');
  await form.getByLabel('Capacity (points, optional)').fill('6');
  await form.getByRole('button', { name: 'Add engineer' }).click();
  await expect(board.getByRole('status')).toHaveText('Added Nadia Ali (Intern) to Growth');
  const row = board.getByRole('table', { name: 'Roster of Growth' }).getByRole('row', { name: /Nadia Ali/ });
  await expect(row.getByRole('cell', { name: 'Intern' })).toBeVisible();

  const db = host.readDb();
  const nadia = db.prepare(`SELECT id FROM engineers WHERE name = 'Nadia Ali'`).pluck().get() as number;
  const story = db.prepare(`SELECT id FROM work_items WHERE title = 'Interview five churned users with support'`).pluck().get() as number;
  db.close();
  // A Mid-rung story on an Intern: two rungs past their level.
  await invoke(host, request, 'plan.assign', { itemId: story, engineerId: nadia });
  await board.reload();
  const card = board.locator(`[data-id="lane-${nadia}"] [data-id="item-${story}"]`);
  await expect(card.getByText('Overreach')).toBeVisible();

  await board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Roster' }).click();
  await board.getByRole('button', { name: 'Promote Nadia Ali to Junior' }).click();
  await expect(board.getByRole('status')).toHaveText('Promoted Nadia Ali to Junior');
  await board.getByRole('button', { name: 'Promotion history of Nadia Ali' }).click();
  await expect(board.getByRole('list', { name: 'Levels of Nadia Ali' }).getByRole('listitem')).toHaveText([
    /joined as Intern/,
    /Intern → Junior/,
  ]);
  await board.getByRole('button', { name: 'Edit Nadia Ali' }).click();
  await board.screenshot({ path: 'test-results/screens/roster-screen.png', fullPage: true });
  await board.getByRole('button', { name: 'Cancel' }).click();

  await board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Board' }).click();
  await expect(card.getByText('Stretch')).toBeVisible();
  await expect(card.getByText('Overreach')).toHaveCount(0);

  await board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Work' }).click();
  await board.getByRole('button', { name: "Add a story to 'Referral rewards'" }).click();
  const storyForm = board.getByRole('form', { name: /Add a story/ });
  await storyForm.getByLabel('Size (points, optional)').fill('1.5');
  await storyForm.getByRole('button', { name: 'Add story' }).click();
  await expect(storyForm.getByLabel('Title')).toHaveAccessibleDescription('Enter a title');
  await expect(storyForm.getByLabel('Size (points, optional)')).toHaveAccessibleDescription('Points are a whole number');
  await board.screenshot({ path: 'test-results/screens/work-screen.png', fullPage: true });
  await storyForm.getByLabel('Title').fill('Referral terms page');
  await storyForm.getByLabel('Size (points, optional)').fill('2');
  await storyForm.getByRole('button', { name: 'Add story' }).click();
  await expect(board.getByRole('list', { name: "Stories of 'Referral rewards'" })).toContainText('Referral terms page');
});

test('deleting an engineer says what happens to their work first, and it returns to the backlog', async ({ board, host }) => {
  await board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Roster' }).click();
  await board.getByRole('button', { name: 'Delete Marco Rossi' }).click();
  const dialog = board.getByRole('alertdialog', { name: 'Delete Marco Rossi?' });
  await expect(dialog).toContainText('One-page payment form behind a flag');
  await dialog.getByRole('button', { name: 'Delete and return their work to the backlog' }).click();
  await expect(board.getByRole('status')).toHaveText('Deleted Marco Rossi; 1 item back to the backlog. Undo it from History.');
  await board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Board' }).click();
  await expect(board.getByRole('region', { name: 'Backlog' }).getByText('One-page payment form behind a flag')).toBeVisible();
  const db = host.readDb();
  expect(db.prepare(`SELECT count(*) FROM engineers WHERE name = 'Marco Rossi'`).pluck().get()).toBe(0);
  db.close();
});

test('a new lead imports their team from a spreadsheet CSV, fixes what the preview reports, and imports', async ({ page }) => {
  const host = await launchHost({ empty: true });
  try {
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Import/Export' }).click();
    // As a spreadsheet saves it: a byte-order mark, capitalised headers, CRLF, HR spellings, and three mistakes.
    const sheet = [
      'Name,Level,Team,Capacity,Email',
      'Aisha Bello,Senior Engineer,Payments,13,aisha@example.com',
      'Ben Carter,Mid-level,Payments,13,ben@example.com',
      '"Diaz, Carla",Sr,Payments,ten,carla@example.com',
      'Eli Fox,Principal,Search,10,eli@example.com',
      'Ben Carter,Jr,Search,8,ben2@example.com',
      'Gus Hale,Intern,Search,,gus@example.com',
    ];
    const file = (lines: string[]) => ({
      name: 'team.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n'),
    });
    await page.getByLabel('Roster CSV file').setInputFiles(file(sheet));
    const preview = page.getByRole('region', { name: 'Preview of team.csv' });
    await expect(preview).toContainText('3 of 6 rows have errors');
    await expect(preview.getByRole('row', { name: /^4 / })).toContainText('Bad number: "ten" is not a whole number of points.');
    await expect(preview.getByRole('row', { name: /^5 / })).toContainText('Unknown level: "Principal" is not on the ladder');
    await expect(preview.getByRole('row', { name: /^6 / })).toContainText('Duplicate name: Ben Carter is also on line 3.');
    await expect(preview.getByRole('row', { name: /^2 / })).toContainText('Senior Engineer → Senior');
    await expect(preview).toContainText('Not used, will be ignored: "Email"');
    await expect(preview.getByRole('button', { name: 'Import 6 engineers' })).toBeDisabled();
    await page.screenshot({ path: 'test-results/screens/roster-import-preview-errors.png', fullPage: true });

    const fixed = [...sheet];
    fixed[3] = '"Diaz, Carla",Sr,Payments,10,carla@example.com';
    fixed[4] = 'Eli Fox,Senior,Search,10,eli@example.com';
    fixed[5] = 'Ben Carter-Lee,Jr,Search,8,ben2@example.com';
    await page.getByLabel('Roster CSV file').setInputFiles(file(fixed));
    await expect(preview).toContainText('team.csv: all 6 rows are ready. New teams: Payments, Search.');
    await preview.getByRole('button', { name: 'Import 6 engineers' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported 6 engineers and 2 teams from CSV' })).toBeVisible();

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Board' }).click();
    await expect(page.getByRole('region', { name: 'Diaz, Carla, Senior' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Team Search' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/roster-import-board.png', fullPage: true });

    // And the roster goes back out as a download.
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Import/Export' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Roster as CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^rungs-roster-\d{4}-\d\d-\d\d\.csv$/);
    const db = host.readDb();
    expect(db.prepare('SELECT count(*) FROM engineers').pluck().get()).toBe(6);
    db.close();
  } finally {
    await stopHost(host);
    rmSync(host.dir, { recursive: true, force: true });
  }
});
