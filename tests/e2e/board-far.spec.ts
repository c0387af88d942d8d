import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCALES, generateOrg } from '../../bench/generate.ts';
import type { Db } from '../../data/store/db.ts';
import type { Page } from '@playwright/test';
import { type HostProcess, test, expect, launchHost, stopHost } from './fixtures.ts';

// At staffing-session scale (300 engineers, the benchmark's seeded org) the lanes far from the
// visible part of the board take no drop (renderer/board/drag/dragState.ts, inReach: picking a card up would
// otherwise measure every lane). A keyboard drag must still reach every lane, the farthest included.

/**
 * The benchmark's seeded 300-engineer org on a host of its own, for `run`; `read` may look at the
 * fresh file first, and what it returns is passed on.
 */
async function onOrg<T>(run: (host: HostProcess, read: T) => Promise<void>, read: (db: Db) => T = () => undefined as T) {
  const dir = mkdtempSync(join(tmpdir(), 'rungs-org-'));
  const org = generateOrg(dir, SCALES.org);
  const found = read(org.db);
  org.db.close();
  const host = await launchHost({ dbPath: org.file });
  try {
    await run(host, found);
  } finally {
    await stopHost(host);
    rmSync(dir, { recursive: true, force: true });
  }
}

// Left from the first lane wraps to the board's last lane: the last team is always in reach, and
// which lane is last is judged on the lanes' boxes as they are now (liveRects in dnd.ts). Judged on
// boxes measured when each lane registered, it landed on a lane near the head of the last team.
test('a keyboard drag at 300 engineers reaches the far end of the board and drops there', async ({ page }) => {
  await onOrg(async (host) => {
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
    // One press, not "press until it shows": a second press would walk on from the end.
    await page.keyboard.press('ArrowLeft');
    await expect(preview).toHaveCount(1);
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
  });
});

// Lanes take drops only while in reach (inReach in renderer/board/drag/dragState.ts): near the visible
// part of the board, the first and last teams, and the teams either side of the one the held card
// is over. A keyboard user must be able to carry a card lane by lane to any team, not only to the
// ends of the board.

test('a keyboard drag at 300 engineers walks lane by lane into a team out of reach when lifted, and drops there', async ({ page }) => {
  await walkIntoFarTeam(page);
});

// In the test above the next team also comes near as the board scrolls after the card (near.ts
// watches a screen ahead), so it would pass without the teams beside the held card being in reach.
// Near is told asynchronously by an IntersectionObserver, which can fall behind quick key presses
// on a busy machine; the teams beside the held card are in reach in the same render as the card
// crossing. Here the observer never reports, so that rule alone carries the card along.
test('a keyboard drag walks into a far team even when no team comes near: the teams beside the held card are in reach', async ({
  page,
}) => {
  await page.addInitScript(() => {
    window.IntersectionObserver = class {
      readonly root = null;
      readonly rootMargin = '';
      readonly scrollMargin = '';
      readonly thresholds = [];
      observe() {}
      unobserve() {}
      disconnect() {}
      takeRecords() {
        return [];
      }
    };
  });
  await walkIntoFarTeam(page);
});

/**
 * Lifts the first card of the first lane with the keyboard, presses ArrowDown lane by lane into the
 * sixth team (out of reach when the card is lifted), drops it there with Space, and checks the
 * owner through a second connection to the database.
 */
async function walkIntoFarTeam(page: Page) {
  await onOrg(async (host) => {
    await page.goto(host.url);
    const lanes = page.locator('section[data-id^="lane-"]');
    await expect(lanes).toHaveCount(SCALES.org.engineers);
    const teams = page.getByRole('region', { name: /^Team / });
    await expect(teams).toHaveCount(SCALES.org.teams);

    // The sixth team: three teams past the farthest a card lifted in the first team has in reach
    // (the third), and well off the first screen.
    const target = teams.nth(5);
    const targetName = (await target.getAttribute('aria-label'))!.replace(/^Team /, '');
    const startName = (await teams.first().getAttribute('aria-label'))!.replace(/^Team /, '');
    const targetLanes = target.locator('section[data-id^="lane-"]');
    const targetLaneIds = await targetLanes.evaluateAll((els) => els.map((el) => el.getAttribute('data-id')!));
    expect(targetLaneIds.length).toBeGreaterThan(0);
    /** Which team (its place on the board) each lane is in. */
    const teamOf = new Map(
      await teams.evaluateAll((els) =>
        els.flatMap((team, i) =>
          [...team.querySelectorAll('section[data-id^="lane-"]')].map((l) => [l.getAttribute('data-id')!, i] as const),
        ),
      ),
    );
    // Far when the card is lifted: none of its lanes has its cards mounted (aria-busy), so it is not
    // near; nor is it the first or last team, or within two of the first: out of reach.
    for (const list of await targetLanes.getByRole('list').all()) await expect(list).toHaveAttribute('aria-busy', 'true');

    const startLane = (await lanes.first().getAttribute('data-id'))!;
    const first = page.locator(`[data-id="${startLane}"]`);
    const itemId = Number((await first.locator('[data-id^="item-"]').first().getAttribute('data-id'))!.replace('item-', ''));
    await first.locator('[aria-roledescription="draggable card"]').first().focus();
    await page.keyboard.press('Space');
    await expect(page.locator('[id^="DndLiveRegion"]')).toContainText('Picked up');

    /** The lanes showing the fit preview: the one the held card is over. */
    const previewLanes = () =>
      page.locator('[data-id="lane-preview"]').evaluateAll((els) =>
        // A preview React has just taken away may be out of its lane by now: the poll asks again.
        els.flatMap((el) => el.closest('section[data-id^="lane-"]')?.getAttribute('data-id') ?? []),
      );
    await expect.poll(previewLanes).toEqual([startLane]);

    // One press at a time, each waited on until the preview has moved to another lane, as a user
    // listens to the announcement before the next press. Down from the first column stays in it:
    // each press is one lane down, through every row of the five teams before the target (~20).
    let here = startLane;
    let presses = 0;
    while (!targetLaneIds.includes(here)) {
      expect(presses++, `the card reaches team '${targetName}' lane by lane (now over ${here})`).toBeLessThan(40);
      await page.keyboard.press('ArrowDown');
      const from = here;
      await expect
        .poll(
          async () => {
            const over = await previewLanes();
            if (over.length === 1 && over[0] !== from) here = over[0]!;
            return here;
          },
          { message: `the held card moves on from ${from}`, intervals: [50] },
        )
        .not.toBe(from);
      // Down the board, never a jump: to the next lane of the same team or into the next team.
      expect([0, 1], `from ${from} to ${here}`).toContain(teamOf.get(here)! - teamOf.get(from)!);
    }
    // The board scrolled after the card, so the lead sees where it will land: the lanes are scrolled
    // by dnd-kit's keyboard sensor, which follows the target's own element.
    await expect(page.locator(`section[data-id="${here}"]`)).toBeInViewport();
    await page.keyboard.press('Space');

    // Through a second connection: the item is owned by the engineer of the lane it was dropped on,
    // one of the target team's, no longer the start lane's.
    const owner = () => {
      const db = host.readDb();
      try {
        return db
          .prepare(
            `SELECT a.engineer_id AS engineer, t.name AS team FROM assignments a
             JOIN engineers e ON e.id = a.engineer_id JOIN teams t ON t.id = e.team_id WHERE a.item_id = ?`,
          )
          .get(itemId) as { engineer: number; team: string } | undefined;
      } finally {
        db.close();
      }
    };
    await expect.poll(owner).toEqual({ engineer: Number(here.replace('lane-', '')), team: targetName });
    expect(here).not.toBe(startLane);
    expect(targetName).not.toBe(startName);
  });
}

test('at 300 engineers the warnings panel lists five overreaches and all of them on request, with the backlog beneath in reach', async ({
  page,
}) => {
  const overreaches = (db: Db) =>
    db
      .prepare(
        `SELECT count(*) FROM assignments a JOIN work_items i ON i.id = a.item_id JOIN engineers e ON e.id = a.engineer_id
         WHERE i.rung - e.level > 1 AND e.active = 1`,
      )
      .pluck()
      .get() as number;
  await onOrg(async (host, count) => {
    expect(count).toBeGreaterThan(5);
    await page.goto(host.url);
    const warnings = page.getByRole('region', { name: 'Warnings' });
    const rows = warnings.locator('[data-id^="warning-"]');
    await expect(warnings.getByRole('heading')).toHaveText(`Warnings (${count})`);
    await expect(rows).toHaveCount(5);
    // The backlog starts within the side panel's first screen and a half, not below every warning.
    const top = await page.getByRole('region', { name: 'Backlog' }).evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeLessThan(1.5 * (page.viewportSize()?.height ?? 900));
    const more = warnings.getByRole('button', { name: `Show all ${count} warnings` });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await more.click();
    await expect(rows).toHaveCount(count);
    const fewer = warnings.getByRole('button', { name: 'Show the first 5' });
    await expect(fewer).toHaveAttribute('aria-expanded', 'true');
    await fewer.click();
    await expect(rows).toHaveCount(5);
  }, overreaches);
});
