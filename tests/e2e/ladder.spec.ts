import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { dayText, localToday } from '../../shared/calendar.ts';
import { expect, test } from './fixtures.ts';

// The Ladder screen: the lead's own ladder, edited in place. A renamed level reads by its new name
// on every screen; a level added above Senior can be held, and work a rung below it is in reach.

const nav = (page: Page, screen: string) => page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen }).click();

test('rename Mid to IC3 and add Staff above Senior: the board and roster follow, and a Staff engineer has Senior work in reach', async ({
  board,
}) => {
  await nav(board, 'Ladder');
  await expect(board.getByRole('heading', { name: 'Ladder', level: 2 })).toBeVisible();
  const name = board.getByRole('textbox', { name: 'Name of Mid', exact: true });
  await name.fill('IC3');
  await name.press('Enter');
  await expect(board.getByRole('status')).toHaveText('Ladder: renamed Mid to IC3');
  await expect(board.getByRole('table', { name: 'Touchpoints by level' }).getByRole('columnheader', { name: 'IC3' })).toBeVisible();

  // A level someone holds does not simply go: the dialog names who, and Cancel changes nothing.
  await board.getByRole('button', { name: 'Remove Senior' }).click();
  const removing = board.getByRole('alertdialog', { name: 'Remove Senior?' });
  await expect(removing).toContainText('Kenji Watanabe, Priya Natarajan');
  await removing.getByRole('button', { name: 'Cancel' }).click();
  await expect(removing).toBeHidden();

  await board.getByLabel('New level').fill('Staff');
  await expect(board.getByLabel('Where')).toHaveValue('top');
  await board.getByRole('button', { name: 'Add level' }).click();
  await expect(board.getByRole('status')).toHaveText('Ladder: added the level Staff at the top');
  await expect(board.getByRole('table', { name: 'Levels' }).getByRole('row')).toHaveCount(6);
  await board.screenshot({ path: 'test-results/screens/ladder-screen.png', fullPage: true });
  expect((await new AxeBuilder({ page: board }).include('.ladder-screen').analyze()).violations).toEqual([]);

  await nav(board, 'Board');
  await expect(board.locator('section.lane[aria-label="Marco Rossi, IC3"]')).toBeVisible();
  await nav(board, 'Roster');
  await expect(board.getByRole('row', { name: /Marco Rossi/ })).toContainText('IC3');

  await board.getByRole('button', { name: 'Promote Kenji Watanabe to Staff' }).click();
  const confirm = board.getByRole('alertdialog', { name: 'Promote Kenji Watanabe to Staff?' });
  await confirm.getByRole('button', { name: `Promote from ${dayText(localToday())}` }).click();
  await expect(board.getByRole('status')).toHaveText(`Kenji Watanabe: Senior → Staff from ${dayText(localToday())}`);

  // Senior work on a Staff engineer: one rung below their level, in reach.
  await nav(board, 'Board');
  const title = 'Find why new users churn in week one';
  const backlog = board.getByRole('region', { name: 'Backlog' });
  await backlog.getByRole('article', { name: title, exact: true }).locator('[data-card-handle]').focus();
  await board.keyboard.press('a');
  await board.getByRole('combobox', { name: 'Engineer', exact: true }).fill('Kenji');
  await expect(board.getByRole('listbox').getByRole('option').first()).toContainText('Staff');
  await board.keyboard.press('Enter');
  const lane = board.locator('section.lane[aria-label="Kenji Watanabe, Staff"]');
  await expect(lane.getByRole('article', { name: title, exact: true })).toContainText('In reach');
  await board.screenshot({ path: 'test-results/screens/ladder-board.png', fullPage: false });
});

test('import a seven-level ladder from Markdown: the preview says what changes, then the board and heatmap follow', async ({ board }) => {
  const levels = ['IC1', 'IC2', 'IC3', 'IC4', 'IC5', 'Staff', 'Principal'];
  const rows = ['Quarterly Planning', 'Story Mapping', 'Discover', 'Define', 'Build', 'Launch', 'Learn', 'Operate', 'Mentor'];
  const markdown = [
    `| Touchpoint | ${levels.join(' | ')} |`,
    `|---|${'---|'.repeat(levels.length)}`,
    ...rows.map((r) => `| ${r} | ${levels.map((l) => `${r} at ${l}`).join(' | ')} |`),
  ].join('\n');
  await nav(board, 'Ladder');
  await board
    .getByLabel('Ladder file (Markdown or CSV)')
    .setInputFiles({ name: 'ladder.md', mimeType: 'text/markdown', buffer: Buffer.from(markdown) });
  const preview = board.getByRole('region', { name: 'Ladder import preview' });
  await expect(preview.getByRole('listitem')).toContainText([
    'Renames Intern to IC1',
    'Renames Junior to IC2',
    'Renames Mid to IC3',
    'Renames Senior to IC4',
    'Adds IC5',
    'Adds Staff',
    'Adds Principal',
    'Adds the touchpoint Operate',
    'Adds the touchpoint Mentor',
  ]);
  await board.screenshot({ path: 'test-results/screens/ladder-import.png', fullPage: true });
  await preview.getByRole('button', { name: 'Import this ladder' }).click();
  await expect(board.getByRole('status')).toHaveText('Ladder: imported 7 levels and 9 touchpoints');
  await nav(board, 'Board');
  await expect(board.locator('section.lane[aria-label="Marco Rossi, IC3"]')).toBeVisible();
  await nav(board, 'Insights');
  await expect(board.getByRole('table', { name: 'Engineers by rung of their work' }).getByRole('columnheader')).toHaveCount(8);
});
