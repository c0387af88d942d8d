import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

// Roster files from inside the app, with no restart: a new roster opens on the first-run guide, the
// first one opens back with its data, Open recent goes between them; a hostile name, a roster another
// Rungs holds and a roster that is gone are each refused in words, and the open roster stays open.

const openScreen = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true }).click();

const rosterFiles = (page: Page) => page.getByRole('region', { name: 'Roster files' });
/** A switch starts a roster thread and opens (a new roster: creates and migrates) its file: seconds on a busy 2-core machine. */
const SWITCH = { timeout: 20_000 };

test('new roster, add an engineer, open the first one back, then the new one from Open recent', async ({ board, host }) => {
  const filesBefore = readdirSync(host.dir).toSorted();
  await openScreen(board, 'Import/Export');
  const files = rosterFiles(board);
  await expect(files.locator('[data-id="current-roster"]')).toHaveText('rungs');

  // A name that would leave the data folder, or name a sub-folder, is refused at the field; nothing changes.
  const nameField = files.getByLabel('New roster');
  for (const hostile of ['../x', 'a/b', '..', '.hidden']) {
    await nameField.fill(hostile);
    await files.getByRole('button', { name: 'Create and open' }).click();
    await expect(nameField).toHaveAttribute('aria-invalid', 'true');
    await expect(nameField).toHaveAccessibleDescription(/Letters, digits|Two dots/);
  }
  await expect(files.locator('[data-id="current-roster"]')).toHaveText('rungs');
  expect(readdirSync(host.dir).toSorted()).toEqual(filesBefore);
  expect(existsSync(join(host.dir, '..', 'x.sqlite'))).toBe(false);

  await nameField.fill('Platform 2026');
  await files.getByRole('button', { name: 'Create and open' }).click();
  // A new roster is empty: the board opens on the first-run guide.
  const guide = board.getByRole('region', { name: 'Start with your team' });
  await expect(guide).toBeVisible(SWITCH);
  await expect(board.getByRole('status').first()).toHaveText('Opened the roster Platform 2026.');
  expect(existsSync(join(host.dir, 'Platform 2026.sqlite'))).toBe(true);

  await guide.getByRole('button', { name: 'Add engineers' }).click();
  await board.getByLabel('New team').fill('Platform');
  await board.getByRole('button', { name: 'Add team' }).click();
  await board.getByRole('button', { name: 'Add engineer' }).click();
  const form = board.getByRole('form', { name: 'Add an engineer' });
  await form.getByLabel('Name').fill('Noor Haddad');
  await form.getByLabel('Level', { exact: true }).selectOption('Mid');
  await form.getByLabel('Team').selectOption('Platform');
  await form.getByRole('button', { name: 'Add engineer' }).click();
  await expect(board.getByRole('status')).toHaveText('Added Noor Haddad (Mid) to Platform');

  // The first roster opens back as it was: the demo team, not the new engineer.
  await openScreen(board, 'Import/Export');
  await expect(files.locator('[data-id="current-roster"]')).toHaveText('Platform 2026');
  await files.getByRole('button', { name: 'Open the roster rungs' }).click();
  await expect(board.getByRole('region', { name: 'Backlog' })).toBeVisible(SWITCH);
  await expect(board.getByRole('region', { name: 'Priya Natarajan, Senior' })).toBeVisible();
  await expect(board.getByText('Noor Haddad')).toHaveCount(0);
  const db = host.readDb();
  expect(db.prepare(`SELECT count(*) FROM engineers WHERE name = 'Noor Haddad'`).pluck().get()).toBe(0);
  db.close();

  // Open recent: the roster opened before this one, by name.
  await openScreen(board, 'Import/Export');
  const recent = files.getByRole('navigation', { name: 'Open recent' });
  await expect(recent.getByRole('button')).toHaveText(['Platform 2026']);
  await board.screenshot({ path: 'test-results/roster-files.png', fullPage: false });
  await recent.getByRole('button', { name: 'Platform 2026' }).click();
  await expect(board.getByRole('region', { name: 'Noor Haddad, Mid' })).toBeVisible(SWITCH);
});

test('a roster another Rungs holds, or one that is gone, is refused in words and the open roster stays open', async ({ board, host }) => {
  await openScreen(board, 'Import/Export');
  const files = rosterFiles(board);
  await files.getByLabel('New roster').fill('spare');
  await files.getByRole('button', { name: 'Create and open' }).click();
  await expect(board.getByRole('region', { name: 'Start with your team' })).toBeVisible(SWITCH);

  // Another live process (this test's runner) holds rungs.sqlite's writer lock.
  const lock = `${host.dbPath}.lock`;
  writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
  await openScreen(board, 'Import/Export');
  await files.getByRole('button', { name: 'Open the roster rungs' }).click();
  await expect(files.getByRole('alert')).toHaveText(
    'Another Rungs is using rungs.sqlite. Close it there first, then open it here. spare.sqlite stays open.',
    SWITCH,
  );
  await expect(files.locator('[data-id="current-roster"]')).toHaveText('spare');
  await files.screenshot({ path: 'test-results/roster-files-refused.png' });
  rmSync(lock);

  // A recent roster deleted behind Rungs' back: dropped from the list, with a message.
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${host.dbPath}${suffix}`, { force: true });
  await board.reload();
  await openScreen(board, 'Import/Export');
  await expect(files.getByRole('status')).toHaveText('No longer there (moved or deleted), so taken off the recent rosters: rungs.');
  await expect(files.getByRole('navigation', { name: 'Open recent' })).toHaveCount(0);
  await expect(files.locator('[data-id="current-roster"]')).toHaveText('spare');
});
