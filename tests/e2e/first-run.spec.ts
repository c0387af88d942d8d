import AxeBuilder from '@axe-core/playwright';
import { rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { type HostProcess, expect, launchHost, stopHost, test } from './fixtures.ts';

// A first run: an empty roster opens on a guide to the three ways to a team (an HR sheet, by hand,
// the demo team), not on an empty board; and the quarter a new roster starts with can be deleted
// once another one holds the plan, while a quarter with a plan cannot.

const openScreen = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true }).click();

const emptyRoster = test.extend<{ empty: HostProcess }>({
  empty: async ({}, use) => {
    const host = await launchHost({ empty: true });
    await use(host);
    await stopHost(host);
    rmSync(host.dir, { recursive: true, force: true });
  },
});

const count = (host: HostProcess, table: string) => {
  const db = host.readDb();
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
};

emptyRoster(
  'an empty roster opens on the guide; each way leads somewhere; the demo team comes as one undoable change',
  async ({ page, empty }) => {
    await page.goto(empty.url);
    const guide = page.getByRole('region', { name: 'Start with your team' });
    await expect(guide).toBeVisible();
    await expect(page.getByText('No engineer matches the filters.')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/first-run-guide.png' });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await guide.getByRole('button', { name: 'Add engineers' }).click();
    await expect(page.getByRole('heading', { name: 'Roster', level: 2 })).toBeVisible();
    await expect(page.getByLabel('New team')).toBeFocused();
    await openScreen(page, 'Board');
    await guide.getByRole('button', { name: 'Import a roster' }).click();
    await expect(page.getByLabel('Roster CSV file')).toBeAttached();

    await openScreen(page, 'Board');
    await guide.getByRole('button', { name: 'Open the demo team' }).click();
    await expect(page.getByRole('region', { name: 'Backlog' })).toBeVisible();
    await expect(page.getByRole('status').first()).toContainText('Opened the demo team: 11 engineers in 2 teams');
    await expect(page.getByRole('region', { name: 'Priya Natarajan, Senior' })).toBeVisible();
    expect(count(empty, 'engineers')).toBe(11);
    await page.getByRole('button', { name: /^Undo: Opened the demo team/ }).click();
    await expect(guide).toBeVisible();
    expect(count(empty, 'engineers')).toBe(0);
    expect(count(empty, 'work_items')).toBe(0);
  },
);

emptyRoster('the quarter a new roster starts with is deleted once another holds the plan', async ({ page, empty }) => {
  await page.goto(empty.url);
  await openScreen(page, 'Quarters');
  const list = page.getByRole('list', { name: 'All quarters' });
  const first = (await list.getByRole('listitem').first().textContent())!.replace(/ \(on screen\).*$/, '');
  // The only quarter stays, with the reason.
  await page.getByRole('button', { name: `Delete the quarter ${first}` }).click();
  await expect(page.getByRole('alert')).toContainText(`${first} is the only quarter; create the next one before deleting it.`);
  await page.getByLabel('New quarter').fill('2031 Q1');
  await page.getByRole('button', { name: 'Create quarter' }).click();
  await expect(page.getByRole('list', { name: 'All quarters' }).getByText('2031 Q1 (on screen)')).toBeVisible();
  await page.getByRole('button', { name: `Delete the quarter ${first}` }).click();
  await expect(page.getByRole('status').first()).toHaveText(`Deleted the quarter ${first}. Undo brings it back.`);
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('combobox', { name: 'Quarter' }).locator('option')).toHaveText(['2031 Q1']);
  expect(count(empty, 'quarters')).toBe(1);
});

test('a quarter with a plan is refused with the reason; nothing is deleted', async ({ board, host }) => {
  await openScreen(board, 'Quarters');
  await board.getByLabel('New quarter').fill('2031 Q1');
  await board.getByRole('button', { name: 'Create quarter' }).click();
  await expect(board.getByRole('list', { name: 'All quarters' }).getByText('2031 Q1 (on screen)')).toBeVisible();
  const demo = (await board.getByRole('list', { name: 'All quarters' }).getByRole('button').first().textContent())!.replace(
    'Switch to ',
    '',
  );
  const before = count(host, 'quarters');
  await board.getByRole('button', { name: `Delete the quarter ${demo}` }).click();
  await expect(board.getByRole('alert')).toContainText(new RegExp(`${demo} holds \\d+ work items; delete or move them first\\.`));
  expect(count(host, 'quarters')).toBe(before);
});
