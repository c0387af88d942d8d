import type { Page } from '@playwright/test';
import { answerChannels, expect, test, openScreen as open } from './fixtures.ts';

// The report's team totals and printing one team, on the demo team through the browser host.

/** The board's lanes of one team, added up: "5 / 13 pts" and "1 pt" (no capacity) as the lanes show them. */
async function laneSums(page: Page, team: string): Promise<{ points: number; capacity: number }> {
  const loads = await page
    .getByRole('region', { name: `Team ${team}` })
    .locator('[data-id="load"]')
    .allTextContents();
  expect(loads.length).toBeGreaterThan(2);
  return loads.reduce(
    (sum, text) => {
      const [, points, capacity] = /^(\d+)(?: \/ (\d+))? pts?/.exec(text)!;
      return { points: sum.points + Number(points), capacity: sum.capacity + Number(capacity ?? 0) };
    },
    { points: 0, capacity: 0 },
  );
}

test("each team's table closes with its totals: the board's lanes added up, load against capacity", async ({ board }) => {
  const checkout = await laneSums(board, 'Checkout');
  const growth = await laneSums(board, 'Growth');
  await open(board, 'Report');
  const report = board.getByRole('article', { name: /Staffing report/ });
  const totals = (team: string) => report.getByRole('table', { name: `Plan for team ${team}` }).locator('tfoot');
  await expect(totals('Checkout').getByRole('rowheader')).toHaveText('Team total5 engineers');
  await expect(totals('Checkout')).toContainText(`Load ${checkout.points} / ${checkout.capacity} pts`);
  await expect(totals('Checkout')).toContainText('8 items: 7 in reach, 1 stretch, 0 overreach');
  // Mia Chen has no capacity: her point is in the load, and named apart.
  await expect(totals('Growth')).toContainText(
    `Load ${growth.points} / ${growth.capacity} pts; 1 pt of it with 1 engineer who has no capacity`,
  );
  await expect(totals('Growth')).toContainText('1 overreach');
  await totals('Checkout').scrollIntoViewIfNeeded();
  await board.screenshot({ path: 'test-results/screens/report-totals.png' });
});

test('one team prints alone: its plan, totals, warnings and gaps, no other team', async ({ board }) => {
  await open(board, 'Report');
  const report = board.getByRole('article', { name: /Staffing report/ });
  await report.getByRole('combobox', { name: 'Print' }).selectOption({ label: 'Team Checkout' });
  await expect(report.getByRole('heading', { level: 2 })).toHaveText(/^Staffing report, .+, team Checkout$/);
  await expect(report.getByRole('table', { name: 'Plan for team Checkout' })).toBeVisible();
  await expect(report.getByRole('table', { name: 'Plan for team Growth' })).toHaveCount(0);
  await expect(report.getByText(/Leo Okafor|Fraud rules for self-referrals/)).toHaveCount(0);
  // Checkout's own warning stays: its stretch without a reviewer.
  await expect(report.getByRole('region', { name: 'Warnings' })).toContainText('Checkout revamp');
  await expect(report.getByText('Priya Natarajan, Senior')).toBeVisible();

  await board.evaluate('window.printed = 0; window.print = () => { window.printed += 1; }');
  await report.getByRole('button', { name: 'Print team Checkout' }).click();
  await expect.poll(() => board.evaluate('window.printed')).toBe(1);
  await board.emulateMedia({ media: 'print' });
  await expect(report.getByRole('combobox', { name: 'Print' })).toBeHidden();
  await board.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
  await board.screenshot({ path: 'test-results/screens/report-print-one-team.png', fullPage: true });
  await board.emulateMedia({ media: 'screen' });

  // Back to every team.
  await report.getByRole('combobox', { name: 'Print' }).selectOption({ label: 'All teams' });
  await expect(report.getByRole('table', { name: 'Plan for team Growth' })).toBeVisible();
});

test("under Electron, one team's PDF is named after the team", async ({ board }) => {
  const asked: Record<string, unknown>[] = [];
  await answerChannels(board, (channel, request) => {
    if (channel === 'shell.features') return { nativeFiles: true, pdf: true };
    if (channel !== 'shell.saveReportPdf') return undefined;
    asked.push(request);
    return { saved: true, path: '/home/lead/Staffing report Checkout.pdf' };
  });
  await board.reload();
  await open(board, 'Report');
  await board.getByRole('combobox', { name: 'Print' }).selectOption({ label: 'Team Checkout' });
  await board.getByRole('button', { name: 'Save team Checkout' }).click();
  await expect(board.getByRole('status').filter({ hasText: 'Saved the report to /home/lead/Staffing report Checkout.pdf.' })).toBeVisible();
  expect(asked).toEqual([{ quarterName: expect.stringMatching(/\S/), teamName: 'Checkout' }]);
});
