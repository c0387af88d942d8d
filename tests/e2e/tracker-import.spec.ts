import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openScreen as open } from './fixtures.ts';

// A Jira export through the Import screen, as a lead brings it: read as Jira, previewed with its
// skipped rows and unmatched names, imported; then the same export, changed in the tracker since,
// imported again: the preview shows which rows update and how, and nothing is duplicated.

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const pick = (page: Page, name: string, buffer: Buffer) =>
  page.getByLabel('Backlog CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer });

test('a Jira export imports, and importing it again changed shows update rows', async ({ board }, testInfo) => {
  await open(board, 'Import/Export');
  await pick(board, 'jira-export.csv', fixture('jira-export.csv'));
  const preview = board.getByRole('region', { name: 'Preview of jira-export.csv' });
  await expect(preview).toContainText('jira-export.csv: all 11 rows are ready.');
  await expect(preview.locator('[data-id="tracker-source"]')).toContainText('Read as Jira Cloud CSV');
  await expect(preview.locator('[data-id="skipped"]')).toContainText('Apple Pay button copy review: a sub-task: part of its story');
  await expect(preview.locator('[data-id="unmatched"]')).toContainText('Dana Whitfield: not on the roster; left unassigned');
  await expect(preview.locator('[data-id="import-warnings"]')).toContainText('Overreach');
  await expect(preview.getByRole('row', { name: /^7 / })).toContainText('In Review → in progress');
  await preview.screenshot({ path: testInfo.outputPath('jira-preview.png') });
  await preview.getByRole('button', { name: 'Import 11 items' }).click();
  await expect(
    board.getByRole('status').filter({ hasText: /Imported 3 initiatives and 8 stories in .* from a Jira Cloud CSV/ }),
  ).toBeVisible();

  // In Jira since: one story renamed, one task started.
  const changed = fixture('jira-export.csv')
    .toString('utf8')
    .replace('Add Apple Pay button,PAY-11', 'Add the Apple Pay button,PAY-11')
    .replace('Card expiry reminders,PAY-22,10022,Task,To Do', 'Card expiry reminders,PAY-22,10022,Task,In Progress');
  await pick(board, 'jira-export-2.csv', Buffer.from(changed));
  const again = board.getByRole('region', { name: 'Preview of jira-export-2.csv' });
  await expect(again).toContainText('0 new, 2 to update, 9 unchanged.');
  await expect(again.getByRole('row', { name: /^6 PAY-11/ })).toContainText(
    'Update: title Add Apple Pay button → Add the Apple Pay button',
  );
  await expect(again.getByRole('row', { name: /^12 PAY-22/ })).toContainText('Update: status Planned → In progress');
  await expect(again.getByRole('row', { name: /^2 PAY-1 / })).toContainText('Unchanged');
  await again.getByRole('button', { name: 'Import: add 0, update 2' }).click();
  await expect(board.getByRole('status').filter({ hasText: /Updated 2 items in .* from a Jira Cloud CSV/ })).toBeVisible();
});

test('a Linear export previews its projects as initiatives; the rung of every story is set at once', async ({ board }, testInfo) => {
  await open(board, 'Import/Export');
  await pick(board, 'linear-export.csv', fixture('linear-export.csv'));
  const preview = board.getByRole('region', { name: 'Preview of linear-export.csv' });
  await expect(preview.locator('[data-id="tracker-source"]')).toContainText('Read as Linear CSV');
  await expect(preview).toContainText('all 11 rows are ready.');
  await expect(preview.locator('[data-id="unmatched"]')).toContainText('Priyanka Shah: not on the roster');
  await preview.screenshot({ path: testInfo.outputPath('linear-preview.png') });
  // The mapping, rung choice and lists pass the same axe rules as every screen.
  await preview.getByText('Column mapping').click();
  await preview.locator('[data-id="tracker-source"]').screenshot({ path: testInfo.outputPath('linear-mapping.png') });
  const axe = await new AxeBuilder({ page: board }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await preview.getByLabel('Rung of every story').selectOption({ label: 'Mid' });
  const rows = preview.getByRole('table', { name: 'Rows of linear-export.csv' });
  await expect(rows.getByRole('row', { name: /GRO-102/ })).toContainText('Mid');
  await expect(rows.getByRole('row', { name: /GRO-120/ })).toContainText('Mid');
});

test('a Jira story under a misspelt epic: did you mean Wallet payments?, one click puts it under PAY-1', async ({ board }) => {
  await open(board, 'Import/Export');
  const text = fixture('jira-export.csv').toString('utf8').replace('5,,10001,PAY-1,Wallet payments', '5,,,PAY-99,Walet payments');
  await pick(board, 'jira-typo.csv', Buffer.from(text));
  const preview = board.getByRole('region', { name: 'Preview of jira-typo.csv' });
  const misspelt = preview.getByRole('region', { name: 'Names that look misspelt' });
  await expect(misspelt.locator('[data-id="suggestion"]')).toHaveText(
    'Parent “Walet payments” (1 row): did you mean Wallet payments? Use Wallet payments',
  );
  await expect(preview.getByRole('row', { name: /^6 PAY-11/ })).toContainText('no initiative');
  await misspelt.getByRole('button', { name: 'Use Wallet payments for the 1 row that say Walet payments' }).click();
  await expect(misspelt.locator('[data-id="fixed"]')).toHaveText('Parent “Walet payments” reads as Wallet payments. Undo');
  await expect(preview.getByRole('row', { name: /^6 PAY-11/ })).toContainText('Walet payments → Wallet payments');
  await preview.screenshot({ path: 'test-results/screens/tracker-parent-fix.png' });
  await preview.getByRole('button', { name: 'Import 11 items' }).click();
  await expect(board.getByRole('status').filter({ hasText: /Imported 3 initiatives and 8 stories/ })).toBeVisible();
});
