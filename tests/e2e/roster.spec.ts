import { rmSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { calendarQuarterStart, dayText, localToday, threeMonthsAfter } from '../../shared/calendar.ts';
import { type HostProcess, channelsCalled, expect, launchHost, stopHost, test } from './fixtures.ts';

/** How the demo names a calendar quarter: '2027-01-01' → '2027 Q1'. */
const quarterName = (start: string) => `${start.slice(0, 4)} Q${(Number(start.slice(5, 7)) - 1) / 3 + 1}`;

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
  // A promotion is confirmed, dated (today unless the lead says otherwise), and said in History's words.
  const confirm = board.getByRole('alertdialog', { name: 'Promote Nadia Ali to Junior?' });
  await expect(confirm.getByLabel('Effective from')).toHaveValue(localToday());
  // Added today, so promoted today or later: an earlier day would sit under the day she joined.
  await expect(confirm).toContainText(`Nadia Ali’s level was last set on ${dayText(localToday())}`);
  if (calendarQuarterStart(localToday()) < localToday())
    await expect(confirm.getByRole('button', { name: /^This quarter’s start/ })).toHaveCount(0);
  await confirm.getByLabel('Effective from').fill('2020-01-01');
  await expect(confirm.getByRole('alert')).toContainText('takes effect on that day or later');
  await confirm.getByRole('button', { name: /^Today/ }).click();
  await board.screenshot({ path: 'test-results/screens/promote-dialog.png' });
  await confirm.getByRole('button', { name: `Promote from ${dayText(localToday())}` }).click();
  await expect(board.getByRole('status')).toHaveText(`Nadia Ali: Intern → Junior from ${dayText(localToday())}`);
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

test('a promotion dated next quarter: this quarter’s fits stay, the next quarter’s are judged at the new level', async ({
  board,
  host,
  request,
}) => {
  const start = threeMonthsAfter(calendarQuarterStart(localToday()));
  const next = quarterName(start);
  const { quarterId } = (await invoke(host, request, 'quarters.create', { name: next })) as { quarterId: number };
  await invoke(host, request, 'quarters.copyUnfinished', { fromQuarterId: 1, toQuarterId: quarterId });
  // Next quarter, a Senior reviews her stretch: still above her once she is a Mid, so the review stays.
  const db = host.readDb();
  const referrals = db.prepare(`SELECT id FROM work_items WHERE title = 'Referral rewards' AND quarter_id = ?`).pluck().get(quarterId);
  const kenji = db.prepare(`SELECT id FROM engineers WHERE name = 'Kenji Watanabe'`).pluck().get();
  db.close();
  await invoke(host, request, 'plan.setReviewer', { itemId: referrals, reviewerId: kenji, leadReviews: false });
  await board.reload();

  await board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Roster' }).click();
  await board.getByRole('button', { name: 'Promote Jade Martin to Mid' }).click();
  const confirm = board.getByRole('alertdialog', { name: 'Promote Jade Martin to Mid?' });
  await confirm.getByRole('button', { name: `Next quarter’s start (${dayText(start)})` }).click();
  await expect(confirm.getByLabel('Effective from')).toHaveValue(start);
  await board.screenshot({ path: 'test-results/screens/promote-dialog.png' });
  await confirm.getByRole('button', { name: `Promote from ${dayText(start)}` }).click();
  await expect(board.getByRole('status')).toHaveText(`Jade Martin: Junior → Mid from ${dayText(start)}`);
  // The roster shows the level she is promoted to; a second click would be refused, not applied twice.
  const row = board.getByRole('table', { name: 'Roster of Growth' }).getByRole('row', { name: /Jade Martin/ });
  await expect(row.getByRole('cell', { name: 'Mid' })).toBeVisible();

  // This quarter is judged today: she is still a Junior and 'Referral rewards' is still her stretch.
  await board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Board' }).click();
  await board.getByLabel('Quarter').selectOption({ label: quarterName(calendarQuarterStart(localToday())) });
  const now = board.getByRole('region', { name: 'Jade Martin, Junior' });
  await expect(now.getByRole('article', { name: 'Referral rewards', exact: true }).getByText('Stretch')).toBeVisible();

  // The next quarter is judged on its first day, the day she becomes a Mid.
  await board.getByLabel('Quarter').selectOption({ label: next });
  const later = board.getByRole('region', { name: 'Jade Martin, Mid' });
  const reviewed = later.getByRole('article', { name: 'Referral rewards', exact: true });
  await expect(reviewed.getByText('In reach')).toBeVisible();
  // No longer a stretch, but the review recorded on it is still shown.
  await expect(reviewed.getByText('Reviewer: Kenji Watanabe')).toBeVisible();
  await expect(board.getByRole('region', { name: 'Jade Martin, Junior' })).toHaveCount(0);
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

test('deactivating someone who carries work says what happens first; their work returns to the backlog, and reactivating does not bring it back', async ({
  board,
  host,
}) => {
  const nav = board.getByRole('navigation', { name: 'Screens' });
  await nav.getByRole('button', { name: 'Roster' }).click();
  await board.getByRole('button', { name: 'Deactivate Marco Rossi' }).click();
  const dialog = board.getByRole('alertdialog', { name: 'Deactivate Marco Rossi?' });
  await expect(dialog).toContainText('This item returns to the backlog');
  await expect(dialog.getByRole('listitem')).toHaveText([/One-page payment form behind a flag/]);
  await expect(dialog).toContainText('Marco Rossi leaves the board; reactivation later does not give this work back.');
  await board.screenshot({ path: 'test-results/screens/roster-deactivate-confirm.png', fullPage: true });
  await dialog.getByRole('button', { name: 'Deactivate and return their work to the backlog' }).click();
  await expect(board.getByRole('status')).toHaveText('Deactivated Marco Rossi; 1 item back to the backlog. Undo it from History.');
  // Off the board, off the team's table: listed under the inactive engineers.
  await expect(board.getByRole('table', { name: 'Roster of Checkout' }).getByRole('row', { name: /Marco Rossi/ })).toHaveCount(0);
  const marcoRow = board.getByRole('table', { name: 'Inactive engineers' }).getByRole('row', { name: /Marco Rossi/ });
  await expect(marcoRow.getByRole('cell', { name: 'No', exact: true })).toBeVisible();

  await nav.getByRole('button', { name: 'Board' }).click();
  await expect(board.getByRole('region', { name: 'Backlog' }).getByText('One-page payment form behind a flag')).toBeVisible();
  await expect(board.getByRole('region', { name: 'Marco Rossi, Mid' })).toHaveCount(0);

  // A reviewer who is deactivated is cleared from the stretch they reviewed, in the same way.
  await nav.getByRole('button', { name: 'Roster' }).click();
  await board.getByRole('button', { name: 'Deactivate Sofia Lindqvist' }).click();
  const sofia = board.getByRole('alertdialog', { name: 'Deactivate Sofia Lindqvist?' });
  await expect(sofia).toContainText('1 stretch assignment loses Sofia Lindqvist as reviewer.');
  await sofia.getByRole('button', { name: 'Deactivate and return their work to the backlog' }).click();
  await expect(board.getByRole('status')).toHaveText('Deactivated Sofia Lindqvist. Undo it from History.');

  await board.getByRole('button', { name: 'Reactivate Marco Rossi' }).click();
  await expect(board.getByRole('status')).toHaveText(
    'Reactivated Marco Rossi. Work carried before stays in the backlog or with whoever has it now.',
  );
  const db = host.readDb();
  const marco = db.prepare(`SELECT id, active FROM engineers WHERE name = 'Marco Rossi'`).get() as { id: number; active: number };
  expect(marco.active).toBe(1);
  expect(db.prepare('SELECT count(*) FROM assignments WHERE engineer_id = ?').pluck().get(marco.id)).toBe(0);
  expect(
    db
      .prepare(`SELECT count(*) FROM assignments a JOIN engineers e ON e.id = a.reviewer_id WHERE e.name = 'Sofia Lindqvist'`)
      .pluck()
      .get(),
  ).toBe(0);
  db.close();

  // One logged change each, undoable: undo the reactivation and Sofia's, then Marco's deactivation.
  await nav.getByRole('button', { name: 'History' }).click();
  for (const undone of ['Reactivated Marco Rossi', 'Deactivated Sofia Lindqvist', 'Deactivated Marco Rossi; 1 item back to the backlog']) {
    await board.getByRole('button', { name: 'Undo latest' }).click();
    await expect(board.getByRole('status')).toHaveText(`Undid: ${undone}`);
  }
  await nav.getByRole('button', { name: 'Board' }).click();
  await expect(board.getByRole('region', { name: 'Marco Rossi, Mid' }).getByText('One-page payment form behind a flag')).toBeVisible();
});

test('re-importing an updated HR sheet previews new, update and unchanged rows, and lands as one change', async ({ board, host }) => {
  await board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Import/Export' }).click();
  // The roster is not empty: the JSON restore says how to open an empty one.
  await expect(board.getByText('This roster is not empty: to restore, create a new roster under Roster files above')).toBeVisible();
  const sheet = [
    'Name,Level,Team,Capacity',
    'Ana Sousa,Mid-level,Growth,13',
    'marco rossi ,Mid,Checkout,13',
    'Nadia Ali,Junior,Growth,8',
    'Mia Chen,Intern,Growth,6',
  ];
  const input = board.getByLabel('Roster CSV file');
  await input.setInputFiles({ name: 'hr-export.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet.join('\r\n')) });
  // The input itself is cleared (so the same file can be picked again); the status says what was read.
  await expect(board.getByRole('status').filter({ hasText: 'Chosen file: hr-export.csv' })).toBeVisible();
  await expect(input).toHaveAccessibleDescription('Chosen file: hr-export.csv');
  const preview = board.getByRole('region', { name: 'Preview of hr-export.csv' });
  await expect(preview).toContainText('hr-export.csv: all 4 rows are ready. 1 new, 2 to update, 1 unchanged.');
  await expect(preview.getByRole('row', { name: /^2 / }).getByRole('cell').nth(-2)).toHaveText(
    'Update: level Junior → Mid, team Checkout → Growth, capacity 10 → 13',
  );
  await expect(preview.getByRole('row', { name: /^3 / })).toContainText('marco rossi → Marco Rossi');
  await expect(preview.getByRole('row', { name: /^3 / })).toContainText('Unchanged');
  await expect(preview.getByRole('row', { name: /^4 / })).toContainText('New');
  await expect(preview.getByRole('row', { name: /^5 / })).toContainText('Update: capacity none → 6');
  await board.screenshot({ path: 'test-results/screens/roster-reimport-preview.png', fullPage: true });

  await preview.getByRole('button', { name: 'Import: add 1, update 2' }).click();
  await expect(
    board.getByRole('status').filter({ hasText: 'Imported 1 engineer, updated 2 engineers (1 level change) from CSV' }),
  ).toBeVisible();
  await expect(input).toHaveAccessibleDescription('');

  await board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Roster' }).click();
  await board.getByRole('button', { name: 'Promotion history of Ana Sousa' }).click();
  await expect(board.getByRole('list', { name: 'Levels of Ana Sousa' }).getByRole('listitem').last()).toHaveText(
    /\d{4}-\d\d-\d\d: Junior → Mid/,
  );
  await expect(board.getByRole('table', { name: 'Roster of Growth' }).getByRole('row', { name: /Ana Sousa/ })).toContainText('13 pts');
  const db = host.readDb();
  expect(db.prepare(`SELECT summary FROM changes ORDER BY id DESC LIMIT 1`).pluck().get()).toBe(
    'Imported 1 engineer, updated 2 engineers (1 level change) from CSV',
  );
  db.close();
});

test('a new lead imports their team from a spreadsheet CSV, fixes what the preview reports, and imports', async ({ page }) => {
  const host = await launchHost({ empty: true });
  try {
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Import/Export' }).click();
    await expect(page.getByRole('heading', { name: 'Restore a JSON export' })).toBeVisible();
    await expect(page.getByText('This roster is not empty')).toHaveCount(0);
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
    // While rows have errors, the button says what stands in the way, not what it would import.
    await expect(preview.getByRole('button', { name: 'Fix 3 rows to import' })).toBeDisabled();
    await page.screenshot({ path: 'test-results/screens/roster-import-preview-errors.png', fullPage: true });

    const fixed = [...sheet];
    fixed[3] = '"Diaz, Carla",Sr,Payments,10,carla@example.com';
    fixed[4] = 'Eli Fox,Senior,Search,10,eli@example.com';
    fixed[5] = 'Ben Carter-Lee,Jr,Search,8,ben2@example.com';
    await page.getByLabel('Roster CSV file').setInputFiles(file(fixed));
    await expect(preview).toContainText('team.csv: all 6 rows are ready. New teams: Payments, Search.');
    await preview.getByRole('button', { name: 'Import 6 engineers' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported 6 engineers and 2 teams from CSV' })).toBeVisible();
    // The import took a backup first, and the Backups list on the same screen shows it without a revisit.
    await expect(page.getByRole('row', { name: /Before an import/ })).toBeVisible();

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

test('an edit on the Roster is one round trip, and the board shows it without fetching the plan again', async ({ board }) => {
  const screens = board.getByRole('navigation', { name: 'Screens' });
  await screens.getByRole('button', { name: 'Roster' }).click();
  const calls = channelsCalled(board);
  await board.getByRole('button', { name: 'Edit Tom Becker' }).click();
  const form = board.getByRole('form', { name: 'Edit Tom Becker' });
  await form.getByLabel('Name').fill('Tomas Becker');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(board.getByRole('status')).toContainText('Tomas Becker');
  await screens.getByRole('button', { name: 'Board' }).click();
  await expect(board.getByRole('region', { name: 'Tomas Becker, Junior' })).toBeVisible();
  await board.waitForTimeout(500);
  expect(calls).toEqual(['engineers.update']);
});

test('an HR sheet with two Alex Kims, told apart by their employee ids: the preview names both, and the board and roster list both', async ({
  board,
}) => {
  await board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Import/Export' }).click();
  const sheet = ['Employee ID,Name,Level,Team', '1043,Alex Kim,Mid,Checkout', '2211,Alex Kim,Junior,Growth'];
  await board
    .getByLabel('Roster CSV file')
    .setInputFiles({ name: 'hr-export.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet.join('\r\n')) });
  const preview = board.getByRole('region', { name: 'Preview of hr-export.csv' });
  await expect(preview).toContainText('hr-export.csv: all 2 rows are ready.');
  await expect(
    preview.locator('[data-id="roster-source"]').getByRole('table', { name: 'Column mapping' }).getByLabel('Employee ID'),
  ).toHaveValue('Employee ID');
  await expect(preview).toContainText(
    'Two people named Alex Kim (ids 1043, 2211): they stay two people, told apart by their employee ids.',
  );
  await preview.screenshot({ path: 'test-results/screens/roster-namesakes-preview.png' });
  await preview.getByRole('button', { name: 'Import 2 engineers' }).click();
  await expect(board.getByRole('status').filter({ hasText: 'Imported 2 engineers from CSV' })).toBeVisible();

  await board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Board' }).click();
  // Each lane names its Alex Kim by their employee id (namesakes.spec.ts follows the labels through every picker).
  await expect(board.locator('section.lane[aria-label="Alex Kim (1043), Mid"]')).toHaveCount(1);
  await expect(board.locator('section.lane[aria-label="Alex Kim (2211), Junior"]')).toHaveCount(1);
  await board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Roster' }).click();
  await expect(board.getByRole('table', { name: 'Roster of Checkout' }).getByRole('row', { name: /^Alex Kim \(1043\)/ })).toContainText(
    'Mid',
  );
  await expect(board.getByRole('table', { name: 'Roster of Growth' }).getByRole('row', { name: /^Alex Kim \(2211\)/ })).toContainText(
    'Junior',
  );
});
