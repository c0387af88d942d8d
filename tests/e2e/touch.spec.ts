import type { CDPSession, Locator } from '@playwright/test';
import { assigneeOf, expect, test } from './fixtures.ts';

// A finger on a touch screen: press and hold (the board's TouchSensor waits 200 ms, so a swipe still
// scrolls), move in small steps, lift. Touch events go through the DevTools protocol, as a real
// touch screen's would, not synthesised in the page.

test.use({ hasTouch: true });

const centre = async (el: Locator) => {
  const b = (await el.boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
};
const touch = (cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', x?: number, y?: number) =>
  cdp.send('Input.dispatchTouchEvent', { type, touchPoints: x === undefined ? [] : [{ x, y: y!, id: 1 }] });

test('a touch drag assigns a backlog story to an engineer; the row is in the database', async ({ board, host }) => {
  const title = 'Interview five churned users with support';
  const source = board
    .getByRole('region', { name: 'Backlog' })
    .getByRole('article', { name: title, exact: true })
    .getByRole('button', { name: /^Story\b/ });
  const tom = board.getByRole('region', { name: 'Tom Becker, Junior' });
  await source.scrollIntoViewIfNeeded();
  await tom.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const from = await centre(source);
  const to = await centre(tom);

  const cdp = await board.context().newCDPSession(board);
  await touch(cdp, 'touchStart', from.x, from.y);
  // Hold past the sensor's delay, still within its 8 px tolerance.
  await board.waitForTimeout(300);
  await touch(cdp, 'touchMove', from.x + 2, from.y + 1);
  const live = board.locator('[id^="DndLiveRegion"]');
  await expect(live).toContainText(`Picked up '${title}'`);
  const steps = 20;
  for (let i = 1; i <= steps; i++) {
    await touch(cdp, 'touchMove', from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
  }
  // The lane shows the fit before the finger lifts: a Mid-rung story on a Junior is a stretch.
  await expect(async () => {
    await touch(cdp, 'touchMove', to.x + 2, to.y + 2);
    await touch(cdp, 'touchMove', to.x, to.y);
    await expect(tom.locator('[data-id="lane-preview"]')).toContainText('Stretch', { timeout: 500 });
  }).toPass({ timeout: 5000 });
  await board.screenshot({ path: 'test-results/screens/polish-touch-drag.png' });
  await touch(cdp, 'touchEnd');

  await expect(tom.getByRole('article', { name: title, exact: true })).toBeVisible();
  await expect.poll(() => assigneeOf(host, title)?.name).toBe('Tom Becker');
});

test('a quick swipe over a card does not pick it up', async ({ board, host }) => {
  const title = 'Interview five churned users with support';
  const source = board
    .getByRole('region', { name: 'Backlog' })
    .getByRole('article', { name: title, exact: true })
    .getByRole('button', { name: /^Story\b/ });
  await source.scrollIntoViewIfNeeded();
  const from = await centre(source);
  const cdp = await board.context().newCDPSession(board);
  const db = host.readDb();
  const changes = db.prepare('SELECT count(*) FROM changes').pluck().get();
  db.close();
  await touch(cdp, 'touchStart', from.x, from.y);
  for (let i = 1; i <= 6; i++) await touch(cdp, 'touchMove', from.x - i * 40, from.y - i * 10);
  await touch(cdp, 'touchEnd');
  await expect(board.locator('[id^="DndLiveRegion"]')).not.toContainText('Picked up');
  const after = host.readDb();
  expect(after.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(changes);
  after.close();
});
