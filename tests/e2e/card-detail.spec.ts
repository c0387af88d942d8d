import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { type HostProcess, expect, test } from './fixtures.ts';

// The card detail panel: a click on a card, or Enter on its handle, shows everything the card
// stands for beside the board, with its own history; the fields a lead changes in a session edit
// in place, each edit one change in History. Escape closes it and focus goes back to the card.

function one<T>(host: HostProcess, sql: string, ...params: unknown[]): T {
  const db = host.readDb();
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

const itemRow = (host: HostProcess, title: string) =>
  one<{ id: number; status: string; rung: number; size: number | null; engineer: string | null } | undefined>(
    host,
    `SELECT w.id, w.status, w.rung, w.size, e.name AS engineer FROM work_items w
     LEFT JOIN assignments a ON a.item_id = w.id LEFT JOIN engineers e ON e.id = a.engineer_id WHERE w.title = ?`,
    title,
  );
const changeCount = (host: HostProcess) => one<{ n: number }>(host, 'SELECT count(*) AS n FROM changes').n;

const handle = (page: Page, title: string) =>
  page.getByRole('article', { name: title, exact: true }).getByRole('button', { name: new RegExp(`^(Initiative|Story).*${title}`) });
const panel = (page: Page): Locator => page.getByRole('complementary', { name: /./ }).and(page.locator('[data-id="card-detail"]'));

test('Enter on a card opens its details; the status changes from the keyboard; Escape returns focus to the card', async ({
  board,
  host,
}) => {
  const title = 'Referral rewards';
  await handle(board, title).focus();
  await board.keyboard.press('Enter');
  const details = panel(board);
  await expect(details).toBeVisible();
  await expect(board.getByRole('complementary', { name: title })).toBeVisible();
  await expect(details.getByRole('heading', { name: title, level: 2 })).toBeFocused();

  // What the card stands for: kind and team, the rung in the map's words, the DRI with the fit, the reviewer, the stories and their owners.
  await expect(details).toContainText('Initiative · 13 pts');
  await expect(details.getByLabel('Team').locator('option:checked')).toHaveText('Growth');
  await expect(details.locator('[data-id="rung-meaning"]')).toHaveText('Mid rung: problem statement to launch');
  await expect(details.locator('[data-id="card-detail-assignee"]')).toHaveText('Jade Martin (Junior) Stretch');
  await expect(details.getByLabel('Reviewer')).toHaveValue(/\d+/);
  await expect(details.getByLabel('Reviewer').locator('option:checked')).toHaveText('Sofia Lindqvist (Mid)');
  const touchpoints = details.getByRole('group', { name: 'Touchpoints' });
  await expect(touchpoints.getByRole('checkbox', { checked: true })).toHaveCount(4);
  for (const t of ['Define', 'Build', 'Launch', 'Learn']) await expect(touchpoints.getByRole('checkbox', { name: t })).toBeChecked();
  const stories = details.locator('[data-id="card-detail-stories"] li');
  await expect(stories).toHaveCount(5);
  await expect(stories.filter({ hasText: 'Credit the referrer after the first order' })).toContainText('Omar Farouk (Mid)');
  await expect(stories.filter({ hasText: 'Referral funnel dashboard' })).toContainText('no owner yet');
  await expect(details.getByText('No change to this card yet.')).toBeVisible();

  // Close, Title, Description, Status: four Tabs; ArrowDown on the status picks the next one.
  for (let i = 0; i < 4; i++) await board.keyboard.press('Tab');
  await expect(details.getByLabel('Status')).toBeFocused();
  const before = changeCount(host);
  await board.keyboard.press('ArrowDown');
  await expect.poll(() => itemRow(host, title)?.status).toBe('in_progress');
  expect(changeCount(host)).toBe(before + 1);
  await expect(details.locator('[data-id="card-history"] li')).toHaveCount(1);
  await expect(details.locator('[data-id="card-history"] li')).toContainText(/in progress/i);

  await board.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(handle(board, title)).toBeFocused();

  // Undo from the board takes the status back; the card's history says so.
  await board.keyboard.press('Control+z');
  await expect.poll(() => itemRow(host, title)?.status).toBe('planned');
  await board.keyboard.press('Enter');
  await expect(panel(board).locator('[data-id="card-history"] li')).toContainText('(undone)');
  await expect(panel(board).getByLabel('Status')).toHaveValue('planned');
});

test('a story edited in place: title, rung, size, unassign, each one change; its initiative opens from the panel', async ({
  board,
  host,
}) => {
  const title = 'Credit the referrer after the first order';
  // The lane's card names its initiative, and the reviewer's lane lists what she reviews.
  const card = board.getByRole('article', { name: title, exact: true });
  await expect(card.locator('[data-id="card-parent"]')).toHaveText('Initiative: Referral rewards');
  await expect(board.locator('section[data-id^="lane-"]', { hasText: 'Sofia Lindqvist' }).locator('[data-id="reviews"]')).toHaveText(
    "Reviews: 'Referral rewards'",
  );

  await card.getByText(title).click();
  const details = panel(board);
  await expect(details.getByRole('heading', { name: title })).toBeVisible();
  await expect(details.locator('[data-id="card-detail-assignee"]')).toHaveText('Omar Farouk (Mid) In reach');
  const id = itemRow(host, title)!.id;
  const start = changeCount(host);

  const renamed = 'Credit the referrer after the second order';
  await details.getByLabel('Title').fill(renamed);
  await details.getByLabel('Title').press('Enter');
  await expect.poll(() => one<{ title: string }>(host, 'SELECT title FROM work_items WHERE id = ?', id).title).toBe(renamed);
  await expect(details.getByRole('heading', { name: renamed })).toBeVisible();

  await details.getByLabel('Rung').selectOption({ label: 'Senior' });
  await expect.poll(() => itemRow(host, renamed)?.rung).toBe(3);
  await expect(details.locator('[data-id="rung-meaning"]')).toHaveText('Senior rung: a story that starts from vague direction');
  await expect(details.locator('[data-id="card-detail-assignee"]')).toHaveText('Omar Farouk (Mid) Stretch');

  await details.getByLabel('Size (points)').fill('8');
  await details.getByLabel('Size (points)').press('Tab');
  await expect.poll(() => itemRow(host, renamed)?.size).toBe(8);

  // A size that is not a whole number is refused with the reason; nothing is stored.
  await details.getByLabel('Size (points)').fill('2.5');
  await details.getByLabel('Size (points)').press('Enter');
  await expect(board.locator('[data-id="alert"]')).toContainText('Points are a whole number');
  await expect(details.getByLabel('Size (points)')).toHaveValue('8');

  await details.getByRole('button', { name: 'Unassign' }).click();
  await expect.poll(() => itemRow(host, renamed)?.engineer).toBeNull();
  await expect(details).toContainText('Nobody yet: in the backlog');
  expect(changeCount(host)).toBe(start + 4);
  await expect(details.locator('[data-id="card-history"] li')).toHaveCount(4);

  // Undo, four times, from the toolbar: everything is as it was.
  for (let i = 0; i < 4; i++) await board.getByRole('button', { name: /^Undo/ }).click();
  await expect.poll(() => itemRow(host, title)).toMatchObject({ rung: 2, size: 5, engineer: 'Omar Farouk' });

  await details.getByRole('button', { name: 'Referral rewards' }).click();
  await expect(details.getByRole('heading', { name: 'Referral rewards' })).toBeVisible();
});

test('touchpoints, initiative and team edited in place: each one change, undone in one step each', async ({ board, host }) => {
  const story = 'Credit the referrer after the first order';
  await board.getByRole('article', { name: story, exact: true }).getByText(story).click();
  const details = panel(board);
  await expect(details.getByRole('heading', { name: story })).toBeVisible();
  const id = itemRow(host, story)!.id;
  const stored = () =>
    one<{ touchpoints: string; parent: string | null }>(
      host,
      'SELECT w.touchpoints, p.title AS parent FROM work_items w LEFT JOIN work_items p ON p.id = w.parent_id WHERE w.id = ?',
      id,
    );
  const before = stored();
  const start = changeCount(host);
  // A story under an initiative is in its initiative's team: said, not offered.
  await expect(details.locator('[data-id="card-detail-team-inherited"]')).toHaveText('Team: Growth, as its initiative');

  const touchpoints = details.getByRole('group', { name: 'Touchpoints' });
  const name = (
    await touchpoints
      .getByRole('checkbox', { checked: false })
      .first()
      .evaluate((box) => box.parentElement?.textContent ?? '')
  ).trim();
  await touchpoints.getByRole('checkbox', { name }).check();
  await expect.poll(() => (JSON.parse(stored().touchpoints) as string[]).includes(name)).toBe(true);

  await details.getByLabel('Initiative').selectOption({ label: 'None (a loose story)' });
  await expect.poll(() => stored().parent).toBeNull();
  // A loose story picks its own team.
  await expect(details.getByLabel('Team')).toBeVisible();
  expect(changeCount(host)).toBe(start + 2);

  for (let i = 0; i < 2; i++) await board.getByRole('button', { name: /^Undo/ }).click();
  await expect.poll(() => stored()).toEqual(before);
  await expect(touchpoints.getByRole('checkbox', { name })).not.toBeChecked();
});

test('a card deleted elsewhere: the edit is refused with the reason, nothing changes, the panel says the card is gone', async ({
  board,
  host,
  request,
}) => {
  const title = 'Referral funnel dashboard';
  await board.getByRole('article', { name: title, exact: true }).getByText(title).click();
  const details = panel(board);
  await expect(details.getByRole('heading', { name: title })).toBeVisible();
  const { id } = itemRow(host, title)!;
  const res = await request.post(`${host.origin}/api/invoke`, {
    data: { channel: 'work.delete', request: { itemId: id } },
    headers: { 'x-rungs-token': host.token },
  });
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  const changes = changeCount(host);
  await details.getByLabel('Status').selectOption('done');
  await expect(board.locator('[data-id="alert"]')).toContainText(`Could not change '${title}'`);
  await expect(details.locator('[data-id="card-detail-gone"]')).toContainText('This card is not in');
  expect(changeCount(host)).toBe(changes);
});

test('the board with the panel open has no serious or critical axe violations', async ({ board }) => {
  await handle(board, 'Referral rewards').focus();
  await board.keyboard.press('Enter');
  await expect(panel(board).locator('[data-id="card-history"], .card-detail-history p').first()).toBeVisible();
  await board.screenshot({ path: 'test-results/card-detail.png' });
  const results = await new AxeBuilder({ page: board }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const problems = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  expect(problems).toEqual([]);
});
