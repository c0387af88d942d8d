import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCALES, generateOrg } from '../../bench/generate.ts';
import { test, expect, launchHost, stopHost } from './fixtures.ts';

// At staffing-session scale (300 engineers, the benchmark's seeded org) the lanes far from the
// visible part of the board take no pointer drop (renderer/board/Lane.tsx: picking a card up would
// otherwise measure every lane). A keyboard drag must still reach every lane, the farthest included.

test('a keyboard drag at 300 engineers reaches the far end of the board and drops there', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'rungs-far-'));
  const org = generateOrg(dir, SCALES.org);
  org.db.close();
  const host = await launchHost({ dbPath: org.file });
  try {
    await page.goto(host.url);
    // Sections: a lane's preview line carries data-id="lane-preview" too.
    const lanes = page.locator('section[data-id^="lane-"]');
    await expect(lanes).toHaveCount(SCALES.org.engineers);
    const first = page.locator(`[data-id="${await lanes.first().getAttribute('data-id')}"]`);
    const last = page.locator(`[data-id="${await lanes.last().getAttribute('data-id')}"]`);
    // The last lane is far away: its cards are not mounted, so it takes no pointer drop.
    await expect(last.getByRole('list')).toHaveAttribute('aria-busy', 'true');
    const lastEngineer = Number((await last.getAttribute('data-id'))!.replace('lane-', ''));

    const handle = first.locator('[aria-roledescription="draggable card"]').first();
    const itemId = Number((await first.locator('[data-id^="item-"]').first().getAttribute('data-id'))!.replace('item-', ''));
    await handle.focus();
    await page.keyboard.press('Space');
    await expect(page.locator('[id^="DndLiveRegion"]')).toContainText('Picked up');
    // From the first lane, Left has no lane ahead: it wraps to the last target in reading order.
    const preview = last.locator('[data-id="lane-preview"]');
    await expect(async () => {
      await page.keyboard.press('ArrowLeft');
      await expect(preview).toHaveCount(1, { timeout: 500 });
    }).toPass({ timeout: 10_000 });
    await page.keyboard.press('Space');

    await expect
      .poll(() => {
        const db = host.readDb();
        try {
          return (db.prepare('SELECT engineer_id AS e FROM assignments WHERE item_id = ?').get(itemId) as { e: number } | undefined)?.e;
        } finally {
          db.close();
        }
      })
      .toBe(lastEngineer);
  } finally {
    await stopHost(host);
    rmSync(dir, { recursive: true, force: true });
  }
});
