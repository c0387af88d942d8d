import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

// Changing the ladder never silently changes a fit or strands who holds a level: a move that
// changes fits asks first, new overreaches listed first; removing a held level asks where they go.

const nav = (page: Page, screen: string) => page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen }).click();
const levelNames = (page: Page) =>
  page
    .getByRole('table', { name: 'Levels' })
    .locator('tbody tr th input')
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));

test('raising Intern over Junior shows the fits it changes, new overreaches first; Cancel changes nothing, confirming applies it', async ({
  board,
}) => {
  await nav(board, 'Ladder');
  await board.getByRole('button', { name: 'Raise Intern' }).click();
  const confirm = board.getByRole('alertdialog', { name: 'Raise Intern above Junior?' });
  await expect(confirm).toBeVisible();
  const groups = confirm.getByRole('region');
  await expect(groups).toHaveCount(2);
  await expect(groups.first()).toHaveAccessibleName('New overreaches');
  await expect(groups.first().getByRole('listitem')).toHaveText([
    '‘Checkout revamp’ on Ana Sousa: Stretch → Overreach',
    '‘Referral rewards’ on Jade Martin: Stretch → Overreach',
  ]);
  await expect(groups.nth(1)).toHaveAccessibleName('Better fits');
  await expect(groups.nth(1)).toContainText('‘Fraud rules for self-referrals’ on Leo Okafor: Overreach → Stretch');
  await confirm.screenshot({ path: 'test-results/screens/ladder-move-confirm.png' });
  expect((await new AxeBuilder({ page: board }).include('.confirm').analyze()).violations).toEqual([]);

  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect.poll(() => levelNames(board)).toEqual(['Intern', 'Junior', 'Mid', 'Senior']);

  await board.getByRole('button', { name: 'Raise Intern' }).click();
  await confirm.getByRole('button', { name: 'Raise Intern' }).click();
  await expect(board.getByRole('status')).toHaveText('Ladder: moved Intern below Mid; 3 fits change');
  await expect.poll(() => levelNames(board)).toEqual(['Junior', 'Intern', 'Mid', 'Senior']);
  await nav(board, 'Board');
  await expect(
    board.locator('section.lane[aria-label="Ana Sousa, Junior"]').getByRole('article', { name: 'Checkout revamp', exact: true }),
  ).toContainText('Overreach');
});

/** Every assigned card's fit as the board shows it: "lane / card: fit". */
const boardFits = (page: Page) =>
  page
    .locator('section.lane article')
    .evaluateAll((cards) =>
      cards.map(
        (c) =>
          `${c.closest('section.lane')!.getAttribute('aria-label')} / ${c.getAttribute('aria-label')}: ${c.querySelector('.fit-badge')?.textContent}`,
      ),
    );

test('a new Staff level lowered below Senior changes no fit: it goes through without asking, says so, and every card on the board keeps its fit', async ({
  board,
}) => {
  const before = await boardFits(board);
  expect(before.length).toBeGreaterThan(5);
  expect(before.join('\n')).toMatch(/Stretch/);
  await nav(board, 'Ladder');
  await board.getByLabel('New level').fill('Staff');
  await board.getByRole('button', { name: 'Add level' }).click();
  await expect.poll(() => levelNames(board)).toEqual(['Intern', 'Junior', 'Mid', 'Senior', 'Staff']);

  await board.getByRole('button', { name: 'Lower Staff' }).click();
  await expect(board.getByRole('status')).toHaveText('Ladder: moved Staff below Senior; no assignment’s fit changes');
  await expect(board.getByRole('alertdialog')).toHaveCount(0);
  await expect.poll(() => levelNames(board)).toEqual(['Intern', 'Junior', 'Mid', 'Staff', 'Senior']);
  await board.getByRole('table', { name: 'Levels' }).screenshot({ path: 'test-results/screens/ladder-move-no-fit-change.png' });

  await nav(board, 'Board');
  await expect(board.locator('section.lane[aria-label="Priya Natarajan, Senior"]')).toBeVisible();
  // Cards mount as their lanes come near (renderer/board/near.ts), a moment after the first lane shows.
  await expect.poll(() => boardFits(board)).toEqual(before);
  await nav(board, 'History');
  await expect(board.getByRole('main')).toContainText('Ladder: moved Staff below Senior; no assignment’s fit changes');
});

test('removing Junior asks where its people and work go (the level below by default), moves them to Mid, and History undoes it', async ({
  board,
}) => {
  await nav(board, 'Ladder');
  await board.getByRole('button', { name: 'Remove Junior' }).click();
  const dialog = board.getByRole('alertdialog', { name: 'Remove Junior?' });
  await expect(dialog).toContainText('Ana Sousa, Jade Martin, Tom Becker');
  await expect(dialog).toContainText('It is the default rung of stories.');
  const into = dialog.getByRole('combobox', { name: 'Move them to' });
  await expect(into).toHaveValue(await levelIdOf(board, 'Intern'));
  await expect(into.getByRole('option')).toHaveText(['Intern', 'Mid', 'Senior']);
  await into.selectOption({ label: 'Mid' });
  await expect(dialog).toContainText('3 level changes in people’s history will read Mid instead of Junior.');
  // Junior engineers raised to Mid: the Mid-rung initiatives they carry as a stretch come in reach.
  await expect(dialog.getByRole('region', { name: 'Better fits' })).toContainText('‘Checkout revamp’ on Ana Sousa: Stretch → In reach');
  await dialog.screenshot({ path: 'test-results/screens/ladder-remove-dialog.png' });
  expect((await new AxeBuilder({ page: board }).include('.confirm').analyze()).violations).toEqual([]);

  await dialog.getByRole('button', { name: 'Move them to Mid and remove Junior' }).click();
  await expect(board.getByRole('status')).toHaveText(
    /^Ladder: removed the level Junior; moved 3 engineers, \d+ items and the default rung of stories to Mid; 3 level changes in people’s history now read Mid/,
  );
  await expect.poll(() => levelNames(board)).toEqual(['Intern', 'Mid', 'Senior']);
  await nav(board, 'Board');
  await expect(board.locator('section.lane[aria-label="Ana Sousa, Mid"]')).toBeVisible();

  await nav(board, 'History');
  await board.getByRole('button', { name: 'Undo latest' }).click();
  await expect(board.getByRole('status')).toHaveText(/^Undid: Ladder: removed the level Junior/);
  await nav(board, 'Board');
  await expect(board.locator('section.lane[aria-label="Ana Sousa, Junior"]')).toBeVisible();
});

/** A level's id as the Move-them-to select holds it. */
async function levelIdOf(page: Page, name: string): Promise<string> {
  return page
    .getByRole('alertdialog')
    .getByRole('option', { name, exact: true })
    .evaluate((o) => (o as HTMLOptionElement).value);
}
