import { readFileSync } from 'node:fs';
import { test, expect, openScreen as open } from './fixtures.ts';

// Insights on the demo team, through the browser host and real Chromium.

const MAP_TEXT = readFileSync(new URL('../../data/competency-map.md', import.meta.url), 'utf8');
/** The map's 28 cells, read from the document independently of the app's parser. */
const DOC_CELLS = MAP_TEXT.split('\n')
  .filter((l) => l.startsWith('|') && !l.startsWith('|---'))
  .slice(1)
  .flatMap((l) =>
    l
      .split('|')
      .slice(2, -1)
      .map((c) => c.trim()),
  );

test('insights list the seeded overreach and stretch; returning the overreach to the backlog clears it without a reload', async ({
  board,
  host,
}) => {
  await open(board, 'Insights');
  const warnings = board.getByRole('list', { name: 'Warnings' });
  const overreach = warnings.getByRole('listitem', { name: 'Overreach: Fraud rules for self-referrals on Leo Okafor' });
  const stretch = warnings.getByRole('listitem', { name: 'Stretch without a reviewer: Checkout revamp on Ana Sousa' });
  await expect(overreach).toBeVisible();
  await expect(overreach).toContainText('Leo Okafor, Intern');
  await expect(stretch).toContainText('Ana Sousa, Junior');
  // The same overreach in the delegation gaps and the coaching agenda.
  const leoGaps = board.getByRole('list', { name: 'Delegation gaps by engineer' }).getByRole('listitem', { name: 'Leo Okafor, Intern' });
  await expect(leoGaps).toContainText('Overreach');
  await expect(board.getByRole('article', { name: /Leo Okafor/ })).toContainText('Hand off well-scoped tasks with acceptance criteria');
  await board.screenshot({ path: 'test-results/screens/insights.png', fullPage: true });

  // A marker that a page reload would wipe.
  await board.evaluate(() => ((globalThis as unknown as { stillHere: boolean }).stillHere = true));
  await overreach.getByRole('button', { name: 'Return to backlog' }).click();
  await expect(overreach).toHaveCount(0);
  await expect(board.getByRole('status')).toContainText("'Fraud rules for self-referrals' to the backlog (was Leo Okafor)");
  // Leo keeps his Intern-rung task: with the overreach gone he has no gap left.
  await expect(leoGaps).toHaveCount(0);
  await expect(stretch).toBeVisible();
  expect(await board.evaluate(() => (globalThis as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  const db = host.readDb();
  const assigned = db
    .prepare(`SELECT count(*) FROM assignments a JOIN work_items w ON w.id = a.item_id WHERE w.title = 'Fraud rules for self-referrals'`)
    .pluck()
    .get();
  db.close();
  expect(assigned).toBe(0);

  // "I'll review it" closes the stretch with the lead as reviewer.
  await stretch.getByRole('button', { name: 'I’ll review it' }).click();
  await expect(stretch).toHaveCount(0);
  await expect(board.getByRole('row', { name: /Checkout revamp/ })).toContainText('the lead');
});

test('a change made through the API (another tab) shows when the lead comes back to insights, with no page reload', async ({
  board,
  host,
  request,
}) => {
  await open(board, 'Insights');
  const overreach = board.getByRole('listitem', { name: /^Overreach: Fraud rules for self-referrals/ });
  await expect(overreach).toBeVisible();
  const db = host.readDb();
  const itemId = db.prepare(`SELECT id FROM work_items WHERE title = 'Fraud rules for self-referrals'`).pluck().get() as number;
  const omar = db.prepare(`SELECT id FROM engineers WHERE name = 'Omar Farouk'`).pluck().get() as number;
  db.close();
  const r = await request.post(`${host.origin}/api/invoke`, {
    data: { channel: 'plan.assign', request: { itemId, engineerId: omar } },
    headers: { 'x-rungs-token': host.token },
  });
  expect(await r.json()).toMatchObject({ ok: true });
  await board.evaluate(() => ((globalThis as unknown as { stillHere: boolean }).stillHere = true));
  // Opening insights refetches the plan, so a change from another tab is not missed.
  await open(board, 'Board');
  await open(board, 'Insights');
  await expect(overreach).toHaveCount(0);
  await expect(board.getByRole('list', { name: 'Warnings' })).toContainText('Checkout revamp');
  expect(await board.evaluate(() => (globalThis as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
});

test('the DRI check puts initiatives without a DRI first and jumps to the board', async ({ board }) => {
  await open(board, 'Insights');
  const rows = board.getByRole('table', { name: /Every initiative of the quarter/ }).getByRole('row');
  await expect(rows.nth(1)).toContainText('Find why new users churn in week one');
  await expect(rows.nth(1)).toContainText('No DRI');
  await expect(board.getByRole('row', { name: /Saved payment methods/ })).toContainText('Fine');
  await expect(board.getByRole('row', { name: /Checkout revamp/ })).toContainText('Stretch');
  await board
    .getByRole('table', { name: /Every initiative of the quarter/ })
    .getByRole('button', { name: 'Checkout revamp: show on the board' })
    .click();
  await expect(board.getByRole('region', { name: 'Backlog' })).toBeVisible();
  const focusedId = await board.locator(':focus').getAttribute('data-id');
  expect(focusedId).toMatch(/^item-\d+$/);
  await expect(board.locator(':focus')).toContainText('Checkout revamp');
});

test('load counts every point once: nobody on the demo team is over capacity, and a stale estimate is named', async ({ board }) => {
  await open(board, 'Insights');
  await expect(
    board.getByRole('list', { name: 'Gaps by kind' }).getByRole('listitem').filter({ hasText: 'Load over capacity' }),
  ).toHaveText('0 Load over capacity');
  const ana = board.getByRole('list', { name: 'Delegation gaps by engineer' }).getByRole('listitem', { name: 'Ana Sousa, Junior' });
  await expect(ana.getByRole('heading')).toContainText('5 / 10 pts');
  await expect(ana).toContainText("Load: 2 pts 'Pick a saved card at checkout', 3 pts of 'Checkout revamp' not yet in its stories");
  const dri = board.getByRole('table', { name: /Every initiative of the quarter/ });
  await expect(dri.getByRole('row', { name: /Checkout revamp/ })).toContainText(
    '13 pts: 10 in its stories (4 pts in unassigned stories), 3 with the DRI',
  );
  await expect(dri.getByRole('row', { name: /Referral rewards/ })).toContainText(
    '13 pts, but its stories add up to 14 pts (2 pts in unassigned stories): the estimate is out of date',
  );
});

test('the heatmap is a table of engineers by rung, and the team view sets rungs against the roster', async ({ board }) => {
  await open(board, 'Insights');
  const heat = board.getByRole('table', { name: 'Engineers by rung of their work' });
  await expect(heat.getByRole('columnheader')).toHaveText(['Engineer', 'Intern rung', 'Junior rung', 'Mid rung', 'Senior rung']);
  const leo = heat.getByRole('row', { name: /Leo Okafor/ });
  await expect(leo.getByRole('cell')).toHaveText(['1', '0', '1 overreach', '0']);
  const ana = heat.getByRole('row', { name: /Ana Sousa/ });
  await expect(ana.getByRole('cell')).toHaveText(['0', '1', '1 stretch', '0']);
  await expect(board.getByRole('list', { name: 'Legend' })).toContainText('Overreach');
  const team = board.getByRole('table', { name: 'Rungs of work against levels on the roster' });
  await expect(team.getByRole('row', { name: /Engineers on the roster/ }).getByRole('cell')).toHaveText(['3', '3', '3', '2', '']);
  await heat.scrollIntoViewIfNeeded();
  await board.locator('#ins-heatmap').screenshot({ path: 'test-results/screens/heatmap.png' });
});

test('the coaching agenda holds the coaching, and the Markdown download says what the screen says', async ({ board }) => {
  await open(board, 'Insights');
  const agenda = board.getByRole('region', { name: 'Coaching agenda' });
  const articles = agenda.getByRole('article');
  await expect(articles.first()).toBeVisible();
  // Jade's stretch is reviewed, so it is no gap; it is still growth to coach, with its reviewer named.
  const jade = agenda.getByRole('article', { name: /Jade Martin/ });
  await expect(jade.getByRole('list', { name: 'To coach with Jade Martin' }).getByRole('listitem').first()).toHaveText(
    'Stretch, reviewed by Sofia Lindqvist: Referral rewards (Mid-rung initiative)',
  );
  // The map's cells at her level for the touchpoints her items carry, not only the level's general text.
  await expect(jade.getByRole('list', { name: 'What the map says a Junior does at these touchpoints' })).toContainText(
    'Define: Writes the engineer section with review; sees the solution once the problem is clear. (Referral rewards)',
  );
  // A Mid who owns a Mid-rung story is not said to have nothing at their rung.
  await expect(agenda.getByRole('article', { name: /Omar Farouk/ })).toContainText(
    'DRI of no Mid-rung initiative (owns 1 Mid-rung story): Credit the referrer after the first order (Mid-rung story)',
  );
  await expect(agenda.getByRole('article', { name: /Leo Okafor/ })).toContainText('What you can delegate to an Intern');
  await agenda.scrollIntoViewIfNeeded();
  await agenda.screenshot({ path: 'test-results/screens/coaching-agenda.png' });

  const count = await articles.count();
  const [download] = await Promise.all([
    board.waitForEvent('download'),
    agenda.getByRole('button', { name: 'Download as Markdown' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^coaching-agenda-.*\.md$/);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.match(/^## /gm)).toHaveLength(count);
  expect(text).toContain('## Leo Okafor (Intern)');
  expect(text).toContain("- **Stretch, reviewed by Sofia Lindqvist**: 'Referral rewards' (Mid-rung initiative)");
  expect(text).toContain(
    "- **Define**: Writes the engineer section with review; sees the solution once the problem is clear. ('Referral rewards')",
  );
  expect(text).toContain('Stop needing acceptance criteria spelled out.');
  // Every line on screen is in the download.
  for (const line of await agenda
    .getByRole('list', { name: /^To coach with/ })
    .getByRole('listitem')
    .allInnerTexts()) {
    const [label] = line.split(':');
    expect(text).toContain(`**${label}**`);
  }
});

test('the team summary counts the own-rung gap in each level’s words', async ({ board }) => {
  await open(board, 'Insights');
  const summary = board.getByRole('list', { name: 'Gaps by kind' });
  await expect(summary.getByRole('listitem')).toContainText(['1 No Senior-rung item', '2 DRI of no Mid-rung initiative']);
  await expect(summary).not.toContainText('Nothing at their own rung');
  await expect(
    board.getByRole('list', { name: 'Delegation gaps by engineer' }).getByRole('listitem', { name: 'Omar Farouk, Mid' }),
  ).toContainText('Omar Farouk (Mid) is DRI of no Mid-rung initiative (owns 1 Mid-rung story)');
  await expect(board.getByRole('table', { name: 'Rungs of work against levels on the roster' })).toContainText('On an Intern');
});

test('the competency map shows the document’s 28 cells verbatim, the selected column and the next level', async ({ board }) => {
  await open(board, 'Competency map');
  const table = board.getByRole('table', { name: 'Competency map' });
  expect(DOC_CELLS).toHaveLength(28);
  await expect(table.getByRole('cell')).toHaveText(DOC_CELLS);
  await board.getByRole('combobox', { name: 'Engineer' }).selectOption({ label: 'Ana Sousa (Junior)' });
  await expect(table.getByRole('columnheader', { name: /Junior/ })).toContainText('Ana Sousa');
  await expect(table.getByRole('columnheader', { name: /Mid/ })).toContainText('next level');
  await expect(board.getByRole('heading', { name: /Reading Ana Sousa’s column: Junior → Mid/ })).toBeVisible();
  // Ana's growth trail: the Checkout revamp stretch, reviewer still missing.
  await expect(board.getByRole('region', { name: /Growth trail/ })).toContainText('Checkout revamp');
  await expect(board.getByRole('region', { name: /Growth trail/ })).toContainText('reviewed by nobody yet');
  await board.screenshot({ path: 'test-results/screens/map.png', fullPage: true });
});

test('a touchpoint tag opens its row on the map with the engineer’s column', async ({ board }) => {
  await open(board, 'Insights');
  const leo = board.getByRole('article', { name: /Leo Okafor/ });
  await leo.getByRole('link', { name: 'Define' }).first().click();
  const row = board.getByRole('row', { name: /^Define/ });
  await expect(row).toBeFocused();
  await expect(board.getByRole('combobox', { name: 'Engineer' })).toHaveValue(/\d+/);
  await expect(board.getByRole('table', { name: 'Competency map' }).getByRole('columnheader', { name: /Intern/ })).toContainText(
    'Leo Okafor',
  );
});

test('the staffing report prints: plan by engineer, warnings, DRI check and delegation gaps', async ({ board }) => {
  await open(board, 'Report');
  const report = board.getByRole('article', { name: /Staffing report/ });
  await expect(report.getByRole('heading', { name: 'Plan by engineer' })).toBeVisible();
  await expect(report.getByRole('table', { name: 'Plan for team Growth' })).toContainText('Fraud rules for self-referrals');
  for (const h of ['Warnings', 'DRI check', 'Delegation gaps']) await expect(report.getByRole('heading', { name: h })).toBeVisible();
  await board.emulateMedia({ media: 'print' });
  await expect(board.getByRole('navigation', { name: 'Screens' })).toBeHidden();
  await expect(report.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await board.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
  await board.screenshot({ path: 'test-results/screens/report-print.png', fullPage: true });
  const pdf = await board.pdf({ path: 'test-results/screens/report.pdf', format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});
