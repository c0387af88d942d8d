import type { Page } from '@playwright/test';
import type { MenuBridge, MenuMessage } from '../../shared/menu.ts';
import { type HostProcess, expect, test } from './fixtures.ts';

// Electron's application menu, heard by the renderer. The Electron binary cannot run here, so the
// page gets a stand-in for what the preload exposes (window.rungsMenu, one listener) and the test
// sends it the messages the menu sends (electron/menu.ts builds the menu; electron/menu.test.ts
// checks which item sends which). Everything after the message is the real renderer on the host.

declare global {
  // oxlint-disable-next-line typescript/consistent-type-definitions -- only an interface can merge into Window.
  interface Window {
    rungsMenu?: MenuBridge;
    menuSends?: (message: MenuMessage) => void;
    printed?: number;
  }
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    let listener: ((message: MenuMessage) => void) | null = null;
    window.rungsMenu = { onCommand: (l) => void (listener ??= l) };
    window.menuSends = (message) => listener?.(message);
    // The browser host prints the report with window.print(); counted here instead of a print dialog.
    window.printed = 0;
    window.print = () => void (window.printed! += 1);
  });
});

const menu = (page: Page, message: MenuMessage) => page.evaluate((m) => window.menuSends!(m), message);
const openScreen = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true }).click();

async function invoke(host: HostProcess, page: Page, channel: string, request: unknown) {
  const res = await page.request.post(`${host.origin}/api/invoke`, {
    headers: { 'x-rungs-token': host.token },
    data: { channel, request },
  });
  const json = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!json.ok) throw new Error(json.error!.message);
  return json.value;
}

const ownerOf = (host: HostProcess, title: string) => {
  const db = host.readDb();
  try {
    return db
      .prepare(
        `SELECT e.name FROM assignments a JOIN work_items w ON w.id = a.item_id JOIN engineers e ON e.id = a.engineer_id WHERE w.title = ?`,
      )
      .pluck()
      .get(title) as string | undefined;
  } finally {
    db.close();
  }
};

/** A move made elsewhere (another window): 'Checkout revamp' to Marco Rossi; the page reloaded with it. */
async function revampToMarco(host: HostProcess, page: Page) {
  const title = 'Checkout revamp';
  const db = host.readDb();
  const itemId = db.prepare(`SELECT id FROM work_items WHERE title = ?`).pluck().get(title) as number;
  const marco = db.prepare(`SELECT id FROM engineers WHERE name = 'Marco Rossi'`).pluck().get() as number;
  db.close();
  const before = ownerOf(host, title);
  await invoke(host, page, 'plan.assign', { itemId, engineerId: marco });
  await page.reload();
  return { title, before };
}

test('Edit → Undo and Redo undo the plan as Ctrl+Z does; in a text field they are the field’s own', async ({ board, host }) => {
  const { title, before } = await revampToMarco(host, board);
  await expect(board.getByRole('region', { name: 'Backlog' })).toBeVisible();

  await menu(board, { command: 'undo' });
  await expect.poll(() => ownerOf(host, title)).toBe(before);
  await menu(board, { command: 'redo' });
  await expect.poll(() => ownerOf(host, title)).toBe('Marco Rossi');

  const search = board.getByRole('searchbox', { name: 'Search' });
  await search.fill('abc');
  await search.focus();
  await menu(board, { command: 'undo' });
  await expect(search).toHaveValue('');
  expect(ownerOf(host, title)).toBe('Marco Rossi');
});

test('off the board too: Edit → Undo and Ctrl+Z undo the plan on the Roster and History screens', async ({ board, host }) => {
  const { title, before } = await revampToMarco(host, board);
  await openScreen(board, 'Roster');
  await expect(board.getByRole('heading', { name: 'Roster', level: 2 })).toBeFocused();
  await board.keyboard.press('Control+z');
  await expect.poll(() => ownerOf(host, title)).toBe(before);
  await openScreen(board, 'History');
  await menu(board, { command: 'redo' });
  await expect.poll(() => ownerOf(host, title)).toBe('Marco Rossi');
  // The History screen's list follows: the move is done again.
  await expect(board.locator('tr.change-done').filter({ hasText: 'Marco Rossi' }).first()).toBeVisible();
});

test('File and Help open their screens: Import…, Export…, Print report… (which prints), and the shortcut sheet from any screen', async ({
  board,
}) => {
  await menu(board, { command: 'import' });
  await expect(board.getByRole('heading', { name: 'Import and export', level: 2 })).toBeVisible();
  await menu(board, { command: 'report' });
  await expect(board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Report' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  // Print report… prints, as the Report screen's own button does: once.
  await expect.poll(() => board.evaluate(() => window.printed)).toBe(1);
  await menu(board, { command: 'export' });
  await expect(board.getByRole('heading', { name: 'Export', exact: true })).toBeFocused();

  await openScreen(board, 'History');
  await menu(board, { command: 'shortcuts' });
  await expect(board.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expect(board.getByRole('region', { name: 'Backlog' })).toBeVisible();
});

test('a roster opened from File reloads the plan from a fresh snapshot and says which', async ({ board, host }) => {
  // What the main process does for File → New roster… before it tells the window.
  await invoke(host, board, 'rosterFiles.create', { name: 'Platform' });
  await menu(board, { command: 'roster-opened', detail: 'Platform' });
  await expect(board.getByRole('region', { name: 'Start with your team' })).toBeVisible({ timeout: 20_000 });
  await expect(board.getByRole('status').first()).toHaveText('Opened the roster Platform.');
});
