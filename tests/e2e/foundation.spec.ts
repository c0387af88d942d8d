import { test, expect } from './fixtures.ts';

test('opens on the demo team with lanes grouped by team and the backlog', async ({ board, host }) => {
  await expect(board.getByRole('region', { name: 'Team Checkout' })).toBeVisible();
  await expect(board.getByRole('region', { name: 'Team Growth' })).toBeVisible();
  await expect(board.getByRole('region', { name: 'Priya Natarajan, Senior' })).toBeVisible();
  await expect(board.getByRole('region', { name: 'Lina Haddad, Intern' })).toBeVisible();
  const backlog = board.getByRole('region', { name: 'Backlog' });
  await expect(backlog.getByText('Find why new users churn in week one')).toBeVisible();
  // The token leaves the address bar once the page has it, at its first idle moment (transport.ts).
  await expect(board).not.toHaveURL(/token=/);
  // Served cross-origin isolated (shared/security.ts), and nothing it loads breaks that.
  expect(await board.evaluate(() => crossOriginIsolated)).toBe(true);
  const db = host.readDb();
  const engineers = db.prepare('SELECT count(*) FROM engineers WHERE active = 1').pluck().get() as number;
  db.close();
  await expect(board.locator('[data-id^="lane-"]')).toHaveCount(engineers);
  await board.screenshot({ path: 'test-results/screens/foundation-board.png', fullPage: true });
});

test('the page loads with nothing refused and no error in its console (its icon is drawn inline)', async ({ page, host }) => {
  const errors: string[] = [];
  const refused: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && refused.push(`${r.status()} ${new URL(r.url()).pathname}`));
  await page.goto(host.url);
  await expect(page.getByRole('region', { name: 'Backlog' })).toBeVisible();
  await page.waitForTimeout(1500);
  expect(refused).toEqual([]);
  expect(errors).toEqual([]);
});

test('a request without the token, or with a wrong one, is refused', async ({ host, request }) => {
  const body = { channel: 'plan.assign', request: { itemId: 1, engineerId: 1 } };
  const none = await request.post(`${host.origin}/api/invoke`, { data: body });
  expect(none.status()).toBe(401);
  expect(await none.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  const wrong = await request.post(`${host.origin}/api/invoke`, {
    data: body,
    headers: { 'x-rungs-token': host.token.replace(/.$/, 'x') },
  });
  expect(wrong.status()).toBe(401);
  const db = host.readDb();
  expect(db.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(0);
  db.close();
  const right = await request.post(`${host.origin}/api/invoke`, {
    data: { channel: 'history.list', request: {} },
    headers: { 'x-rungs-token': host.token },
  });
  expect(await right.json()).toEqual({ ok: true, value: [] });
});
