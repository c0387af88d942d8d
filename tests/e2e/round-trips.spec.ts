import type { APIRequestContext, Page } from '@playwright/test';
import { type HostProcess, expect, test } from './fixtures.ts';

async function invoke(host: HostProcess, request: APIRequestContext, channel: string, body: unknown) {
  const res = await request.post(`${host.origin}/api/invoke`, {
    data: { channel, request: body },
    headers: { 'x-rungs-token': host.token },
  });
  const json = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!json.ok) throw new Error(json.error!.message);
  return json.value;
}

const screen = (board: Page, name: string) =>
  board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true }).click();

test("the team filter narrows the backlog and the warnings to the team's work", async ({ board }) => {
  const backlog = board.getByRole('region', { name: 'Backlog' });
  const warnings = board.locator('[data-id="warnings"]');
  await expect(backlog.getByText('Fix flaky checkout end-to-end test')).toBeVisible();
  await expect(warnings.getByText(/Fraud rules for self-referrals/)).toBeVisible();

  await board.getByRole('search', { name: 'Filter the board' }).getByLabel('Team').selectOption('Growth');
  await expect(backlog.getByText('Find why new users churn in week one')).toBeVisible();
  await expect(backlog.getByText('Referral funnel dashboard')).toBeVisible();
  await expect(backlog.getByText('Fix flaky checkout end-to-end test')).toHaveCount(0);
  await expect(backlog.getByText('Inline card validation errors')).toHaveCount(0);
  await expect(warnings.getByText(/Fraud rules for self-referrals/)).toBeVisible();

  await board.getByRole('search', { name: 'Filter the board' }).getByLabel('Team').selectOption('Checkout');
  await expect(backlog.getByText('Fix flaky checkout end-to-end test')).toBeVisible();
  await expect(backlog.getByText('Find why new users churn in week one')).toHaveCount(0);
  await expect(warnings.getByText('No overreach: every item is within one rung of its engineer.')).toBeVisible();
});

test('copy the unfinished plan of a picked quarter: copies say where they came from, a kept overreach is open again', async ({
  board,
  host,
  request,
}) => {
  const db = host.readDb();
  const fraud = db.prepare(`SELECT id FROM work_items WHERE title = 'Fraud rules for self-referrals'`).pluck().get() as number;
  db.close();
  await invoke(host, request, 'quarters.rename', { quarterId: 1, name: '2026 Q4' });
  await invoke(host, request, 'plan.acknowledge', { itemId: fraud, note: 'pairs with Marcus' });
  await invoke(host, request, 'quarters.create', { name: '2027 Q1' });
  await invoke(host, request, 'quarters.create', { name: '2027 Q2' });
  await board.reload();

  // The board opens on the latest quarter; the lead copies from an earlier one, into another.
  await screen(board, 'Quarters');
  await expect(board.getByRole('list', { name: 'All quarters' }).getByText('2027 Q2 (on screen)')).toBeVisible();
  await board.getByLabel('Copy what is not done in').selectOption('2026 Q4');
  await board.getByLabel('into', { exact: true }).selectOption('2027 Q1');
  await board.getByRole('button', { name: 'Copy unfinished plan of 2026 Q4' }).click();
  await expect(board.getByRole('status')).toHaveText(
    /^Copied \d+ unfinished items of 2026 Q4 into 2027 Q1; an overreach kept there is an open warning again$/,
  );

  await board.getByRole('button', { name: 'Switch to 2027 Q1' }).click();
  await screen(board, 'Board');
  const copy = (await invoke(host, request, 'board.snapshot', { quarterId: 2 })) as { items: { id: number; title: string }[] };
  const copied = copy.items.find((i) => i.title === 'Fraud rules for self-referrals')!.id;
  const card = board.locator(`[data-id="item-${copied}"]`);
  await expect(card.locator('[data-id="card-carried"]')).toHaveText('carried over from 2026 Q4');
  await expect(card).toContainText('Warning: 2 rungs past Intern (kept in 2026 Q4: pairs with Marcus)');
  const warning = board.locator(`[data-id="warning-${copied}"]`);
  await expect(warning.locator('[data-id="warning-earlier"]')).toHaveText('kept in 2026 Q4: pairs with Marcus');
  await expect(warning.getByRole('button', { name: "Acknowledge the overreach 'Fraud rules for self-referrals'" })).toBeVisible();
  // A backlog card copied over says so too.
  await expect(board.getByRole('region', { name: 'Backlog' }).locator('[data-id="card-carried"]').first()).toHaveText(
    'carried over from 2026 Q4',
  );
  await board.locator('.side').screenshot({ path: 'test-results/carried-side.png' });
  await card.screenshot({ path: 'test-results/carried-card.png' });

  // One change: undone from History's shortcut, the copies leave 2027 Q1.
  await board.getByRole('button', { name: /^Undo/ }).first().click();
  await expect(card).toHaveCount(0);
});

test("an initiative moved to another team in Work takes its stories; a story shows its initiative's team", async ({ board, host }) => {
  await screen(board, 'Work');
  await board.getByRole('button', { name: "Edit 'Checkout revamp'" }).click();
  const form = board.getByRole('form', { name: "Edit 'Checkout revamp'" });
  await expect(form.getByLabel('Team')).toHaveValue(String(1));
  await form.getByLabel('Team').selectOption('Growth');
  await expect(form.getByText('Its stories move to Growth with it.')).toBeVisible();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(board.getByRole('status').first()).toHaveText(
    /^\d{4} Q\d: 'Checkout revamp' team Checkout → Growth; its 4 stories move with it to Growth$/,
  );

  await board.getByRole('button', { name: "Edit 'Inline card validation errors'" }).click();
  const story = board.getByRole('form', { name: "Edit 'Inline card validation errors'" });
  await expect(story.locator('[data-id="work-team-inherited"]')).toHaveText('Team: Growth, as its initiative');
  await expect(story.getByLabel('Team (optional)')).toHaveCount(0);
  const db = host.readDb();
  expect(
    db
      .prepare(
        `SELECT DISTINCT t.name FROM work_items w JOIN teams t ON t.id = w.team_id WHERE w.parent_id = (SELECT id FROM work_items WHERE title = 'Checkout revamp')`,
      )
      .pluck()
      .all(),
  ).toEqual(['Growth']);
  db.close();
});
