import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures.ts';

test('back up, add an engineer, restore: the engineer is gone, and the roster that had them is kept aside', async ({ board, host }) => {
  const nav = board.getByRole('navigation', { name: 'Screens' });
  await nav.getByRole('button', { name: 'Import/Export' }).click();
  const section = board.getByRole('region', { name: 'Backups' });
  await section.getByRole('button', { name: 'Back up now' }).click();
  await expect(section.getByRole('status')).toHaveText(/^Backed up the roster \(\d+ KB, .+\)\.$/);
  const table = section.getByRole('table', { name: 'Backups, newest first' });
  // Newest first: the one just taken heads the list.
  await expect(table.getByRole('row').nth(1)).toContainText('Backed up by you');

  // A change after the backup, made in the UI.
  await nav.getByRole('button', { name: 'Roster' }).click();
  await board.getByRole('button', { name: 'Add engineer' }).click();
  const form = board.getByRole('form', { name: 'Add an engineer' });
  await form.getByLabel('Name').fill('Restore Probe');
  await form.getByLabel('Level', { exact: true }).selectOption('Junior');
  await form.getByLabel('Team').selectOption('Growth');
  await form.getByRole('button', { name: 'Add engineer' }).click();
  await expect(board.getByRole('table', { name: 'Roster of Growth' }).getByRole('row', { name: /Restore Probe/ })).toBeVisible();

  await nav.getByRole('button', { name: 'Import/Export' }).click();
  await section.scrollIntoViewIfNeeded();
  await board.screenshot({ path: 'test-results/screens/backups-list.png', fullPage: true });
  await table.getByRole('button', { name: /^Restore the backup of .+ \(backed up by you\)$/ }).click();
  const confirm = board.getByRole('alertdialog', { name: /^Restore the backup of / });
  await expect(confirm).toContainText('The undo history becomes the backup');
  await expect(confirm).toContainText('is not deleted: it is set aside as a new backup first');
  await confirm.screenshot({ path: 'test-results/screens/backups-confirm.png' });
  await confirm.getByRole('button', { name: 'Restore this backup' }).click();
  const done = section.getByRole('status');
  await expect(done).toHaveText(
    /^Restored the backup of .+\. The roster as it was is kept as the newest backup \(.+-restore\.sqlite\); restore that one to go back\.$/,
  );
  await expect(table.getByRole('row').nth(1)).toContainText('The roster set aside by a restore');
  await board.screenshot({ path: 'test-results/screens/backups-restored.png', fullPage: true });
  const setAside = /\(([^()]+-restore\.sqlite)\)/.exec((await done.textContent())!)![1]!;

  // The app shows the restored roster without a reload.
  await nav.getByRole('button', { name: 'Roster' }).click();
  await expect(board.getByRole('table', { name: 'Roster of Growth' })).toBeVisible();
  await expect(board.getByRole('row', { name: /Restore Probe/ })).toHaveCount(0);

  // On disk: the roster no longer has the engineer; the set-aside file does.
  const db = host.readDb();
  expect(db.prepare(`SELECT count(*) FROM engineers WHERE name = 'Restore Probe'`).pluck().get()).toBe(0);
  db.close();
  const file = join(host.dir, 'backups', setAside);
  expect(existsSync(file)).toBe(true);
  expect(readdirSync(join(host.dir, 'backups'))).toContain(setAside);
  const aside = new Database(file, { readonly: true, fileMustExist: true });
  expect(aside.prepare(`SELECT count(*) FROM engineers WHERE name = 'Restore Probe'`).pluck().get()).toBe(1);
  aside.close();
});

test('a backup file left empty by an interrupted write is listed apart, with why, and never offered for restore', async ({
  board,
  host,
}) => {
  const backups = join(host.dir, 'backups');
  mkdirSync(backups, { recursive: true });
  // Named like the newest backup, as a copy cut short outside Rungs (a full disk, a sync tool) can leave it.
  const name = `rungs-${new Date().toISOString().replace(/[:.]/g, '-')}-manual.sqlite`;
  writeFileSync(join(backups, name), '');

  await board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Import/Export' }).click();
  const section = board.getByRole('region', { name: 'Backups' });
  const damaged = section.getByRole('table', { name: 'Copies that cannot be restored' });
  const row = damaged.locator(`[data-id="damaged-backup-${name}"]`);
  await expect(row).toContainText('damaged: 0 bytes (an interrupted backup)');
  await expect(row).toContainText('Backed up by you');
  await expect(row.getByRole('button')).toHaveCount(0);
  await expect(section.locator(`[data-id="backup-${name}"]`)).toHaveCount(0);
  await section.scrollIntoViewIfNeeded();
  await board.screenshot({ path: 'test-results/screens/backups-damaged.png', fullPage: true });

  // Backing up again works, the new copy heads the restorable list, and the empty file stays listed apart.
  await section.getByRole('button', { name: 'Back up now' }).click();
  await expect(section.getByRole('status')).toHaveText(/^Backed up the roster \(\d+ KB, .+\)\.$/);
  await expect(section.getByRole('table', { name: 'Backups, newest first' }).getByRole('row').nth(1)).toContainText('Backed up by you');
  await expect(row).toBeVisible();
});
