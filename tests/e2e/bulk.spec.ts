import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { type HostProcess, expect, test } from './fixtures.ts';

// Several cards picked and changed at once: Ctrl/Cmd-click or X picks a card, Shift-click or
// Shift+X a run of them in one list; the bulk bar then assigns, moves, sets a status or a rung as
// one change, undone in one step.

const backlog = (page: Page) => page.getByRole('region', { name: 'Backlog' });
const card = (page: Page, title: string) => page.getByRole('article', { name: title, exact: true });
const handle = (page: Page, title: string) => card(page, title).locator('[data-card-handle]');
const bar = (page: Page) => page.locator('[data-id="bulk-bar"]');
const said = (page: Page) => page.locator('[data-id="selection-announcement"]');
const sofia = (page: Page) => page.getByRole('region', { name: 'Sofia Lindqvist, Mid' });

/**
 * Three stories next to each other in the backlog (one list, whatever group they wait in): two of
 * 'Checkout revamp' and one of 'Referral rewards', with that group's Hide button between them.
 */
const THREE = ['Inline card validation errors', 'Write the payment form knowledge artifact', 'Referral funnel dashboard'];

/** axe's serious and critical findings (WCAG 2.0/2.1 A and AA) on the page as it is. */
async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

function rowsOf(host: HostProcess, titles: string[]) {
  const db = host.readDb();
  try {
    const q = db.prepare(
      `SELECT w.status, e.name AS engineer FROM work_items w
       LEFT JOIN assignments a ON a.item_id = w.id LEFT JOIN engineers e ON e.id = a.engineer_id WHERE w.title = ?`,
    );
    return {
      rows: titles.map((t) => q.get(t) as { status: string; engineer: string | null }),
      changes: db.prepare(`SELECT count(*) FROM changes WHERE state = 'done'`).pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

test('Ctrl-click three backlog cards, assign them from the bulk bar as one change; one undo puts all three back', async ({
  board,
  host,
}) => {
  const titles = THREE;
  for (const t of titles) await handle(board, t).click({ modifiers: ['ControlOrMeta'] });
  await expect(said(board)).toHaveText('3 cards selected');
  // Picking is not opening: the detail panel stays closed, and each card says it is selected.
  await expect(board.locator('[data-id="card-detail"]')).toHaveCount(0);
  for (const t of titles) await expect(card(board, t).locator('[data-id="card-selected"]')).toHaveText('✓ Selected');
  await expect(bar(board)).toBeVisible();
  await bar(board).screenshot({ path: test.info().outputPath('bulk-bar.png') });
  await board.screenshot({ path: test.info().outputPath('bulk-board.png') });
  expect(await axeProblems(board)).toEqual([]);
  // Every colour is a token: the picked cards and the bar pass in the dark scheme too.
  await board.emulateMedia({ colorScheme: 'dark' });
  await board.screenshot({ path: test.info().outputPath('bulk-board-dark.png') });
  expect(await axeProblems(board)).toEqual([]);
  await board.emulateMedia({ colorScheme: 'light' });

  await bar(board).getByRole('button', { name: 'Assign to…' }).click();
  const popup = board.getByRole('dialog', { name: 'Assign 3 cards to…' });
  await expect(popup).toBeVisible();
  // Each row counts what the three Junior-rung stories would be: a stretch each for an Intern, in reach for a Mid.
  await board.keyboard.type('leo');
  await expect(popup.getByRole('option', { name: /Leo Okafor/ })).toContainText('3 stretches');
  await board.screenshot({ path: test.info().outputPath('bulk-assign.png') });
  expect(await axeProblems(board)).toEqual([]);
  await board.keyboard.press('ControlOrMeta+a');
  await board.keyboard.type('sofia');
  await expect(popup.getByRole('option', { name: /Sofia Lindqvist/ })).toContainText('All in reach');
  await board.keyboard.press('Enter');

  for (const t of titles) await expect(sofia(board).getByRole('article', { name: t, exact: true })).toBeVisible();
  await expect(bar(board)).toBeHidden();
  const after = rowsOf(host, titles);
  expect(after.rows.map((r) => r.engineer)).toEqual(['Sofia Lindqvist', 'Sofia Lindqvist', 'Sofia Lindqvist']);
  expect(after.changes).toBe(1);

  await board.keyboard.press('ControlOrMeta+z');
  for (const t of titles) await expect(backlog(board).getByRole('article', { name: t, exact: true })).toBeVisible();
  await expect(sofia(board).getByRole('article', { name: titles[0]!, exact: true })).toHaveCount(0);
  expect(rowsOf(host, titles).rows.map((r) => r.engineer)).toEqual([null, null, null]);
});

test('keyboard only: X, Tab, Shift+X picks three; S sets their status, A assigns them, each one undo step', async ({ board, host }) => {
  const titles = THREE;
  await handle(board, titles[0]!).focus();
  await board.keyboard.press('x');
  await expect(said(board)).toHaveText('1 card selected');
  for (let i = 0; i < 3; i++) await board.keyboard.press('Tab');
  await expect(handle(board, titles[2]!)).toBeFocused();
  await board.keyboard.press('Shift+X');
  await expect(said(board)).toHaveText('3 cards selected');
  await board.screenshot({ path: test.info().outputPath('bulk-keyboard.png') });
  // The shortcut sheet lists the selection's keys; Escape closes it and leaves the selection.
  await board.keyboard.press('?');
  const sheet = board.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toContainText('Select or unselect the focused card');
  await sheet.screenshot({ path: test.info().outputPath('bulk-shortcuts.png') });
  await board.keyboard.press('Escape');
  await expect(handle(board, titles[2]!)).toBeFocused();
  await expect(said(board)).toHaveText('3 cards selected');

  // S on a selected card: the status choices, the first focused; Tab to In progress, Enter.
  await board.keyboard.press('s');
  const choices = board.getByRole('group', { name: 'Set status' });
  await expect(choices.getByRole('button', { name: 'Planned' })).toBeFocused();
  await board.keyboard.press('Tab');
  await board.keyboard.press('Enter');
  await expect.poll(() => rowsOf(host, titles).rows.map((r) => r.status)).toEqual(['in_progress', 'in_progress', 'in_progress']);
  expect(rowsOf(host, titles).changes).toBe(1);
  // Focus is back on the card, the selection kept for the next change.
  await expect(handle(board, titles[2]!)).toBeFocused();
  await expect(said(board)).toHaveText('3 cards selected');

  await board.keyboard.press('a');
  await expect(board.getByRole('dialog', { name: 'Assign 3 cards to…' })).toBeVisible();
  await board.keyboard.type('sofia');
  await board.keyboard.press('Enter');
  for (const t of titles) await expect(sofia(board).getByRole('article', { name: t, exact: true })).toBeVisible();
  await expect(said(board)).toHaveText('Selection cleared');
  expect(rowsOf(host, titles).changes).toBe(2);

  // One undo each: the assignment, then the status.
  await board.keyboard.press('ControlOrMeta+z');
  for (const t of titles) await expect(backlog(board).getByRole('article', { name: t, exact: true })).toBeVisible();
  expect(rowsOf(host, titles).rows.map((r) => r.status)).toEqual(['in_progress', 'in_progress', 'in_progress']);
  await board.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => rowsOf(host, titles).rows.map((r) => r.status)).not.toContain('in_progress');
});

test('Shift-click adds a run within one list; a plain click clears the selection and opens the card; Escape clears', async ({ board }) => {
  const titles = THREE;
  await handle(board, titles[0]!).click({ modifiers: ['ControlOrMeta'] });
  await handle(board, titles[2]!).click({ modifiers: ['Shift'] });
  await expect(said(board)).toHaveText('3 cards selected');
  await expect(board.locator('[data-id="card-selected"]')).toHaveCount(3);

  await handle(board, titles[1]!).click();
  await expect(said(board)).toHaveText('Selection cleared');
  await expect(board.locator('[data-id="card-selected"]')).toHaveCount(0);
  await expect(board.locator('[data-id="card-detail"]')).toBeVisible();

  await handle(board, titles[0]!).click({ modifiers: ['ControlOrMeta'] });
  await handle(board, titles[1]!).click({ modifiers: ['ControlOrMeta'] });
  await expect(bar(board)).toBeVisible();
  await bar(board).getByRole('button', { name: 'Clear' }).focus();
  await board.keyboard.press('Escape');
  await expect(bar(board)).toBeHidden();
  await expect(handle(board, titles[1]!)).toBeFocused();

  // A card filtered out of view leaves the selection: a change is made only to cards on show.
  await handle(board, titles[0]!).click({ modifiers: ['ControlOrMeta'] });
  await handle(board, titles[1]!).click({ modifiers: ['ControlOrMeta'] });
  await expect(bar(board)).toBeVisible();
  await board.getByRole('searchbox', { name: 'Search' }).fill('Inline card');
  await expect(said(board)).toHaveText('1 card selected');
  await expect(bar(board)).toBeHidden();
});

test('in a lane: Set rung offers only the rungs every picked kind allows; Move to backlog takes both back, one change each', async ({
  board,
  host,
}) => {
  const tom = board.getByRole('region', { name: 'Tom Becker, Junior' });
  const titles = ['Saved payment methods', 'Store a tokenised card on the account'];
  for (const t of titles)
    await tom
      .getByRole('article', { name: t, exact: true })
      .locator('[data-card-handle]')
      .click({ modifiers: ['ControlOrMeta'] });
  await expect(said(board)).toHaveText('2 cards selected');

  await bar(board).getByRole('button', { name: 'Set rung' }).click();
  const rungs = board.getByRole('group', { name: 'Set rung' });
  // An initiative is never an Intern-rung piece of work, so with one picked Intern is not offered.
  await expect(rungs.getByRole('button')).toHaveText(['Junior rung', 'Mid rung', 'Senior rung']);
  await rungs.getByRole('button', { name: 'Mid rung' }).click();
  await expect(tom.getByRole('article', { name: titles[1], exact: true })).toContainText('Mid rung');
  const db = host.readDb();
  const rungOf = db.prepare('SELECT rung FROM work_items WHERE title = ?').pluck();
  // The card shows the rung at once (optimistic); the roster has it when the reply is in.
  await expect.poll(() => titles.map((t) => rungOf.get(t))).toEqual([2, 2]);

  await bar(board).getByRole('button', { name: 'Move to backlog' }).click();
  for (const t of titles) await expect(backlog(board).getByRole('article', { name: t, exact: true })).toBeVisible();
  await expect(tom.getByRole('article')).toHaveCount(0);
  await expect(board.getByRole('button', { name: /^Undo: .*moved 2 items, 2 to the backlog/ })).toBeVisible();
  expect(db.prepare(`SELECT count(*) FROM changes WHERE state = 'done'`).pluck().get()).toBe(2);
  db.close();
});

test('a picked card deleted elsewhere: the bulk change is refused with the reason, and no card changes', async ({
  board,
  host,
  request,
}) => {
  const titles = THREE.slice(0, 2);
  for (const t of titles) await handle(board, t).click({ modifiers: ['ControlOrMeta'] });
  await expect(bar(board)).toBeVisible();
  const db = host.readDb();
  const idOf = (t: string) => db.prepare('SELECT id FROM work_items WHERE title = ?').pluck().get(t) as number;
  const gone = idOf(titles[1]!);
  const res = await request.post(`${host.origin}/api/invoke`, {
    data: { channel: 'work.delete', request: { itemId: gone } },
    headers: { 'x-rungs-token': host.token },
  });
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  db.close();
  const before = rowsOf(host, titles.slice(0, 1));

  await bar(board).getByRole('button', { name: 'Set status' }).click();
  await board.getByRole('group', { name: 'Set status' }).getByRole('button', { name: 'Done' }).click();
  await expect(board.locator('[data-id="alert"]')).toContainText(
    `Could not change 2 cards: No work item ${gone}; it may have been deleted.`,
  );
  expect(rowsOf(host, titles.slice(0, 1))).toEqual(before);
  // The plan is fetched afresh: the deleted card leaves the board, and so the selection.
  await expect(card(board, titles[1]!)).toHaveCount(0);
  await expect(said(board)).toHaveText('1 card selected');
});
