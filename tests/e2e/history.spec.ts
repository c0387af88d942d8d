import { test, expect } from './fixtures.ts';

test('History lists every change and undoes and redoes the latest', async ({ board, host, request }) => {
  const db = host.readDb();
  const itemId = db.prepare(`SELECT id FROM work_items WHERE title = 'Inline card validation errors'`).pluck().get() as number;
  const engineerId = db.prepare(`SELECT id FROM engineers WHERE name = 'Tom Becker'`).pluck().get() as number;
  db.close();
  const res = await request.post(`${host.origin}/api/invoke`, {
    headers: { 'x-rungs-token': host.token },
    data: { channel: 'plan.assign', request: { itemId, engineerId } },
  });
  expect(await res.json()).toMatchObject({ ok: true });

  await board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'History' }).click();
  const row = board.getByRole('row', { name: /'Inline card validation errors' .*→ Tom Becker/ });
  await expect(row).toContainText('Applied');

  await board.getByRole('button', { name: 'Undo latest' }).click();
  await expect(board.getByRole('status')).toHaveText(/Undid: .*'Inline card validation errors' .*→ Tom Becker/);
  await expect(row).toContainText('Undone');
  const after = host.readDb();
  expect(after.prepare('SELECT count(*) FROM assignments WHERE item_id = ?').pluck().get(itemId)).toBe(0);
  after.close();

  await board.getByRole('button', { name: 'Redo' }).click();
  await expect(row).toContainText('Applied');
  await board.screenshot({ path: 'test-results/screens/history.png' });
  const redone = host.readDb();
  expect(redone.prepare('SELECT engineer_id FROM assignments WHERE item_id = ?').pluck().get(itemId)).toBe(engineerId);
  redone.close();
});
