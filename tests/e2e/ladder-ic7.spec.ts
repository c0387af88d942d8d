import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Page } from '@playwright/test';
import { type HostProcess, expect, movesStored, test } from './fixtures.ts';

// A lead whose company ladder is IC1–IC7 (Staff and Principal at the top, nine touchpoints)
// imports it from a CSV, plans a Staff-rung initiative and reads the report: every fit and
// every screen follows that ladder, and no word of the four-level map is left on screen.

const FIXTURE = fileURLToPath(new URL('../fixtures/ladder-ic7.csv', import.meta.url));
const TITLE = 'Payments platform strategy';
const FOUR_LEVEL_WORD = /\b(Intern|Junior|Mid|Senior)\b/;

const nav = (page: Page, screen: string) => page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen }).click();

async function invoke(request: APIRequestContext, host: HostProcess, channel: string, body: object): Promise<unknown> {
  const res = await request.post(`${host.origin}/api/invoke`, {
    headers: { 'x-rungs-token': host.token },
    data: { channel, request: body },
  });
  const r = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
  return r.value;
}

/**
 * Give the Staff-rung initiative to `name` from the keyboard; the popup's row shows the fit first.
 * Resolves once the move is stored: focus then moves on to the next backlog card, and a focus on
 * this card before that could be taken away between the focus and the next key.
 */
async function assignTo(page: Page, name: string, fit: string) {
  const before = await movesStored(page);
  await page.getByRole('article', { name: TITLE, exact: true }).locator('[data-card-handle]').focus();
  await page.keyboard.press('a');
  await page.getByRole('combobox', { name: 'Engineer', exact: true }).fill(name);
  const option = page.getByRole('listbox').getByRole('option', { name: new RegExp(name) });
  await expect(option).toContainText(fit);
  await page.keyboard.press('Enter');
  await expect.poll(() => movesStored(page)).toBe(before + 1);
}

test('an IC1–IC7 ladder from CSV: a Staff-rung initiative overreaches an IC3, stretches an IC5 (reviewed at Staff or Principal), is in reach of a Principal; seven heatmap columns; the report says no four-level word', async ({
  board,
  host,
  request,
}) => {
  await nav(board, 'Ladder');
  await board.getByLabel('Ladder file (Markdown or CSV)').setInputFiles(FIXTURE);
  const preview = board.getByRole('region', { name: 'Ladder import preview' });
  await expect(preview.getByRole('listitem').first()).toHaveText(
    'Renames Intern to IC1; new code, titles, delegate text and next-move text',
  );
  await expect(preview).toContainText('Adds Principal');
  await preview.getByRole('button', { name: 'Import this ladder' }).click();
  await expect(board.getByRole('status')).toHaveText('Ladder: imported 7 levels and 9 touchpoints');
  // Exported again, the ladder is the file it came from, byte for byte, after the byte-order mark
  // every saved CSV starts with (shared/csv.ts, savedCsv).
  const download = board.waitForEvent('download');
  await board.getByRole('button', { name: 'Export the ladder as CSV' }).click();
  const saved = await (await download).path();
  expect(readFileSync(saved, 'utf8')).toBe(`\uFEFF${readFileSync(FIXTURE, 'utf8')}`);
  // Picked again, it changes nothing, and the preview says so instead of offering an import.
  await board
    .getByLabel('Ladder file (Markdown or CSV)')
    .setInputFiles({ name: 'ladder.csv', mimeType: 'text/csv', buffer: readFileSync(saved) });
  await expect(preview).toContainText('0 cells change');
  await expect(preview.getByRole('status')).toHaveText('Nothing to import: this file is the ladder as it is now.');
  await expect(preview.getByRole('button', { name: 'Import this ladder' })).toHaveCount(0);
  const markdown = board.waitForEvent('download');
  await board.getByRole('button', { name: 'Export as Markdown' }).click();
  const md = readFileSync(await (await markdown).path(), 'utf8');
  expect(md).toContain('| Touchpoint | IC1 | IC2 | IC3 | IC4 | IC5 | Staff | Principal |');
  expect(md).toContain('| IC1 | IC1 | Software Engineer I; Engineer 1 |');

  // The team on it: Sofia to Staff (IC6), Kenji to IC5, Priya to Principal (IC7); initiatives may take any rung from IC2 up.
  const ids = (await invoke(request, host, 'board.snapshot', {})) as {
    quarter: { id: number };
    engineers: { id: number; name: string; level: number }[];
  };
  const id = (name: string) => ids.engineers.find((e) => e.name === name)!.id;
  await invoke(request, host, 'engineers.update', { engineerId: id('Sofia Lindqvist'), level: 5, fromLevel: 2 });
  await invoke(request, host, 'engineers.update', { engineerId: id('Kenji Watanabe'), level: 4, fromLevel: 3 });
  await invoke(request, host, 'engineers.update', { engineerId: id('Priya Natarajan'), level: 6, fromLevel: 3 });
  await invoke(request, host, 'ladder.setKind', { kind: 'initiative', defaultRung: 2, allowed: [1, 2, 3, 4, 5, 6] });
  await invoke(request, host, 'work.create', { quarterId: ids.quarter.id, kind: 'initiative', title: TITLE, rung: 5, size: 8 });
  await board.reload();

  await nav(board, 'Board');
  await assignTo(board, 'Marco Rossi', 'Overreach');
  const marco = board.locator('section.lane[aria-label="Marco Rossi, IC3"]');
  await expect(marco.getByRole('article', { name: TITLE, exact: true })).toContainText(/Warning|Overreach/);

  await assignTo(board, 'Kenji Watanabe', 'Stretch');
  // The stretch asks for its reviewer: someone at Staff or Principal, or the lead; nobody at IC5 or below.
  const reviewer = board.getByRole('combobox', { name: 'Reviewer', exact: true });
  await expect(reviewer).toBeFocused();
  const options = board.getByRole('listbox').getByRole('option');
  await expect(options.filter({ hasText: 'Sofia Lindqvist' })).toContainText('Staff');
  await expect(options.filter({ hasText: 'Priya Natarajan' })).toContainText('Principal');
  await expect(options.filter({ hasText: /Marco Rossi|Omar Farouk|Ana Sousa/ })).toHaveCount(0);
  await board.screenshot({ path: 'test-results/screens/ladder-ic7-reviewer.png' });
  await reviewer.fill('Priya');
  await board.keyboard.press('Enter');
  const kenji = board.locator('section.lane[aria-label="Kenji Watanabe, IC5"]');
  await expect(kenji.getByRole('article', { name: TITLE, exact: true })).toContainText('Stretch');

  await assignTo(board, 'Priya Natarajan', 'In reach');
  const priya = board.locator('section.lane[aria-label="Priya Natarajan, Principal"]');
  await expect(priya.getByRole('article', { name: TITLE, exact: true })).toContainText('In reach');
  await board.screenshot({ path: 'test-results/screens/ladder-ic7-board.png' });

  await nav(board, 'Insights');
  await expect(board.getByRole('table', { name: 'Engineers by rung of their work' }).getByRole('columnheader')).toHaveCount(8);

  await nav(board, 'Report');
  await expect(board.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await expect(board.locator('main')).toContainText('Principal');
  expect(await board.locator('main').innerText()).not.toMatch(FOUR_LEVEL_WORD);
  await board.screenshot({ path: 'test-results/screens/ladder-ic7-report.png', fullPage: true });
});
