import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { type HostProcess, expect, test } from './fixtures.ts';

// Assign to…: staffing the backlog from the keyboard alone. A on a card opens a combobox of
// engineers found by name; Enter assigns through the same path as a drop; focus then moves on to
// the next backlog card, so the next assignment starts right there. Every key press is counted:
// the point is that reaching and staffing a card takes a handful, not dozens of Tabs.

type Row = { engineer: string; reviewer: string | null; lead_reviews: number };

function assignmentOf(host: HostProcess, title: string): Row | undefined {
  const db = host.readDb();
  try {
    return db
      .prepare(
        `SELECT e.name AS engineer, r.name AS reviewer, a.lead_reviews FROM assignments a
         JOIN work_items w ON w.id = a.item_id JOIN engineers e ON e.id = a.engineer_id
         LEFT JOIN engineers r ON r.id = a.reviewer_id WHERE w.title = ?`,
      )
      .get(title) as Row | undefined;
  } finally {
    db.close();
  }
}

/** The title of the card whose handle has focus. */
const focusedCard = (page: Page) => page.evaluate(() => document.activeElement?.closest('article')?.getAttribute('aria-label') ?? null);

/** Key presses, counted. */
function keys(page: Page) {
  let count = 0;
  return {
    press: async (key: string) => {
      count++;
      await page.keyboard.press(key);
    },
    type: async (text: string) => {
      count += text.length;
      await page.keyboard.type(text);
    },
    taken: () => {
      const n = count;
      count = 0;
      return n;
    },
  };
}

/** The popup's rows (the page has <select> options of its own). */
const rows = (page: Page) => page.getByRole('listbox');
const backlog = (page: Page) => page.getByRole('region', { name: 'Backlog' });
const popup = (page: Page) => page.getByRole('dialog', { name: /^Assign '/ });

test('three backlog cards staffed with the keyboard only: A, a few letters, Enter; focus moves on to the next card', async ({
  board,
  host,
}) => {
  const k = keys(board);
  await backlog(board).locator('[data-card-handle]').first().focus();
  const presses: number[] = [];
  const staffed: string[] = [];
  for (let i = 0; i < 3; i++) {
    const title = (await focusedCard(board))!;
    expect(title).not.toBeNull();
    await k.press('a');
    await expect(popup(board)).toBeVisible();
    const field = board.getByRole('combobox', { name: 'Engineer', exact: true });
    await expect(field).toBeFocused();
    await k.type('sof');
    await expect(rows(board).getByRole('option')).toHaveCount(1);
    await expect(rows(board).getByRole('option').first()).toContainText('Sofia Lindqvist');
    await expect(rows(board).getByRole('option').first()).toContainText('Mid');
    await k.press('Enter');
    await expect(popup(board)).toBeHidden();
    await expect.poll(() => assignmentOf(host, title)?.engineer).toBe('Sofia Lindqvist');
    staffed.push(title);
    // Focus has moved on to another card still in the backlog, and the live region names it.
    await expect.poll(async () => ((await focusedCard(board)) ?? title) !== title).toBe(true);
    const next = (await focusedCard(board))!;
    await expect(backlog(board).getByRole('article', { name: next, exact: true })).toBeVisible();
    await expect(board.locator('[data-id="next-announcement"]')).toContainText(`Next in the backlog: '${next}'`);
    presses.push(k.taken());
  }
  expect(new Set(staffed).size).toBe(3);
  // A, three letters, Enter: five presses per card, the next card already focused.
  expect(presses).toEqual([5, 5, 5]);
  // The same path as a drop: one undo takes the last one back to the backlog.
  await board.keyboard.press('Control+z');
  await expect.poll(() => assignmentOf(host, staffed[2]!)).toBeUndefined();
});

test('a stretch asks for its reviewer in the same popup; the combobox passes axe and folds accents', async ({ board, host }) => {
  const title = 'Referral funnel dashboard'; // a Junior-rung story
  const handle = backlog(board).getByRole('article', { name: title, exact: true }).locator('[data-card-handle]');
  await handle.focus();
  const k = keys(board);
  await k.press('a');
  const field = board.getByRole('combobox', { name: 'Engineer', exact: true });
  await expect(field).toBeFocused();
  // Every row: name, level, the fit in words, the load against capacity.
  const leo = rows(board).getByRole('option', { name: /Leo Okafor/ });
  await expect(leo).toContainText('Intern');
  await expect(leo).toContainText('Stretch');
  await expect(leo).toContainText(/\d+ \/ \d+ pts/);

  const results = await new AxeBuilder({ page: board })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .include('[data-id="assign-popup"]')
    .analyze();
  const problems = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  expect(problems).toEqual([]);
  await board.screenshot({ path: test.info().outputPath('assign-open.png') });

  await k.type('LÉO');
  await expect(rows(board).getByRole('option')).toHaveCount(1);
  await k.press('Enter');
  // Second step, same popup: who reviews the stretch.
  const reviewer = board.getByRole('combobox', { name: 'Reviewer', exact: true });
  await expect(reviewer).toBeFocused();
  await expect(rows(board).getByRole('option', { name: /I'll review it/ })).toBeVisible();
  await expect(rows(board).getByRole('option', { name: /Mia Chen/ })).toHaveCount(0); // an Intern cannot review an Intern
  await board.screenshot({ path: test.info().outputPath('assign-reviewer.png') });
  await k.type('jad');
  await expect(rows(board).getByRole('option').first()).toContainText('Jade Martin');
  await k.press('Enter');
  await expect(board.getByRole('dialog')).toHaveCount(0);
  await expect.poll(() => assignmentOf(host, title)).toEqual({ engineer: 'Leo Okafor', reviewer: 'Jade Martin', lead_reviews: 0 });
  // A, "LÉO", Enter, "jad", Enter.
  expect(k.taken()).toBe(9);
});

test('Escape closes Assign to… with focus back on the card; Unassign returns an assigned card to the backlog', async ({ board, host }) => {
  const title = 'Pick a saved card at checkout';
  const handle = board.getByRole('article', { name: title, exact: true }).locator('[data-card-handle]');
  await handle.focus();
  await board.keyboard.press('a');
  await expect(popup(board)).toBeVisible();
  await board.keyboard.press('Escape');
  await expect(popup(board)).toBeHidden();
  await expect(handle).toBeFocused();
  expect(assignmentOf(host, title)?.engineer).toBe('Ana Sousa');

  await board.keyboard.press('a');
  await expect(rows(board).getByRole('option').first()).toContainText('Unassign');
  await board.keyboard.press('Enter');
  await expect.poll(() => assignmentOf(host, title)).toBeUndefined();
  await expect(backlog(board).getByRole('article', { name: title, exact: true })).toBeVisible();
});

test('? opens the keyboard-shortcut sheet; Escape closes it', async ({ board }) => {
  await backlog(board).locator('[data-card-handle]').first().focus();
  await board.keyboard.press('?');
  const sheet = board.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  for (const key of ['A', '?', 'Space', 'Arrow keys', 'Escape', 'Ctrl+Z', 'Ctrl+Shift+Z']) await expect(sheet).toContainText(key);
  await board.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});

test('Set reviewer… on an assigned stretch: the lead takes the review in four presses', async ({ board, host }) => {
  const title = 'Checkout revamp'; // a Mid-rung initiative with a Junior DRI, no reviewer yet
  await board
    .getByRole('region', { name: 'Engineers' })
    .getByRole('article', { name: title, exact: true })
    .locator('[data-card-handle]')
    .focus();
  const k = keys(board);
  await k.press('a');
  await expect(rows(board).getByRole('option').nth(1)).toContainText('Set reviewer…');
  await k.press('ArrowDown');
  await expect(rows(board).getByRole('option', { selected: true })).toContainText('Set reviewer…');
  await k.press('Enter');
  await expect(board.getByRole('combobox', { name: 'Reviewer', exact: true })).toBeFocused();
  await k.press('Enter');
  await expect.poll(() => assignmentOf(host, title)).toEqual({ engineer: 'Ana Sousa', reviewer: null, lead_reviews: 1 });
  expect(k.taken()).toBe(4);
});
