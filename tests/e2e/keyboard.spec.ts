import type { Page } from '@playwright/test';
import { SCREENS } from '../../renderer/screens.ts';
import { expect, test } from './fixtures.ts';

// Keyboard access across screens: the skip link, the screen navigation and where focus lands, a
// visible focus ring on every control Tab reaches, and Escape closing what opened in place with
// focus back on the control that opened it.

const nav = (page: Page) => page.getByRole('navigation', { name: 'Screens' });

/** The focused element's name and whether a focus indicator is drawn (outline or box shadow). */
const focused = (page: Page) =>
  page.locator('html').evaluate((html) => {
    const doc = html.ownerDocument;
    const el = doc.activeElement;
    if (!el || el === doc.body) return null;
    const s = doc.defaultView!.getComputedStyle(el);
    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
    return { tag: el.tagName, name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60), ring };
  });

test('the skip link, then the screen buttons; picking a screen marks it current and lands focus on its heading', async ({ board }) => {
  await board.keyboard.press('Tab');
  const skip = board.getByRole('link', { name: 'Skip to the board' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await board.keyboard.press('Enter');
  await expect(board.getByRole('heading', { name: /^Staffing board, / })).toBeFocused();

  // The navigation: every screen is a button there, the current one marked.
  await nav(board).getByRole('button', { name: 'Board' }).focus();
  await expect(nav(board).getByRole('button', { name: 'Board' })).toHaveAttribute('aria-current', 'page');
  for (const screen of SCREENS.slice(1)) {
    await board.keyboard.press('Tab');
    const button = nav(board).getByRole('button', { name: screen, exact: true });
    await expect(button).toBeFocused();
    await board.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-current', 'page');
    await expect(nav(board).locator('[aria-current="page"]')).toHaveCount(1);
    // A screen reader now reads the new screen's heading; Tab goes on into that screen.
    const heading = board.locator('#main :is(h1, h2)').first();
    await expect(heading).toBeFocused();
    const expected: Record<string, string | RegExp> = {
      Insights: /^Insights, /,
      Roster: 'Roster',
      Work: /^Work of /,
      Quarters: 'Quarters',
      'Competency map': 'Competency map',
      Ladder: 'Ladder',
      History: 'History',
      'Import/Export': 'Import and export',
      Report: /^Staffing report, /,
    };
    await expect(heading).toHaveText(expected[screen]!);
    await button.focus();
  }
});

test('every control Tab reaches on each screen shows a focus ring', async ({ board }) => {
  const missing: string[] = [];
  const stops: Record<string, number> = {};
  for (const screen of SCREENS) {
    let n = 0;
    await nav(board).getByRole('button', { name: screen, exact: true }).click();
    await board.locator('#main :is(h1, h2)').first().focus();
    // Enough presses to cover the toolbar, filters and first lanes of the board, and every control
    // of the smaller screens; a stop with no ring is reported by screen and name.
    for (let i = 0; i < 40; i++) {
      await board.keyboard.press('Tab');
      const f = await focused(board);
      if (f === null) break;
      n++;
      if (!f.ring) missing.push(`${screen}: ${f.tag} "${f.name}"`);
    }
    stops[screen] = n;
  }
  expect(missing).toEqual([]);
  // Tab really went through each screen's controls (a screen whose Tab fell out at once would pass).
  // The map and the report have one control each (engineer picker, Print); the board has dozens.
  for (const screen of SCREENS) expect(stops[screen], screen).toBeGreaterThanOrEqual(screen === 'Board' ? 40 : 1);
});

test('Escape closes a confirmation and an inline form; focus returns to the button that opened it', async ({ board }) => {
  await nav(board).getByRole('button', { name: 'Roster' }).click();
  const del = board.getByRole('button', { name: 'Delete Mia Chen' });
  await del.focus();
  await board.keyboard.press('Enter');
  const dialog = board.getByRole('alertdialog', { name: 'Delete Mia Chen?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await board.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(del).toBeFocused();

  const add = board.getByRole('button', { name: 'Add engineer' });
  await add.focus();
  await board.keyboard.press('Enter');
  const form = board.getByRole('form', { name: 'Add an engineer' });
  await expect(form.getByLabel('Name')).toBeFocused();
  await board.keyboard.press('Tab');
  await board.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  await expect(add).toBeFocused();

  await nav(board).getByRole('button', { name: 'Work' }).click();
  const edit = board.getByRole('button', { name: "Edit 'Checkout revamp'" });
  await edit.focus();
  await board.keyboard.press('Enter');
  await expect(board.getByRole('form', { name: "Edit 'Checkout revamp'" })).toBeVisible();
  await board.keyboard.press('Escape');
  await expect(board.getByRole('form', { name: "Edit 'Checkout revamp'" })).toHaveCount(0);
  await expect(edit).toBeFocused();
});

test('Escape closes the note that keeps an overreach; focus returns to its Acknowledge button', async ({ board, host, request }) => {
  const db = host.readDb();
  const lina = db.prepare(`SELECT id FROM engineers WHERE name = 'Lina Haddad'`).pluck().get() as number;
  const item = db.prepare(`SELECT id FROM work_items WHERE title = 'Find why new users churn in week one'`).pluck().get() as number;
  db.close();
  const res = await request.post(`${host.origin}/api/invoke`, {
    data: { channel: 'plan.assign', request: { itemId: item, engineerId: lina } },
    headers: { 'x-rungs-token': host.token },
  });
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  await board.reload();
  const ack = board.getByRole('button', { name: "Acknowledge the overreach 'Find why new users churn in week one'" });
  await ack.focus();
  await board.keyboard.press('Enter');
  const note = board.getByRole('region', { name: 'Warnings' }).getByLabel('Why keep it?');
  await expect(note).toBeFocused();
  await board.keyboard.type('half a thought');
  await board.keyboard.press('Escape');
  await expect(note).toHaveCount(0);
  await expect(ack).toBeFocused();
});
