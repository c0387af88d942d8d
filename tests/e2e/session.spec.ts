import { readFileSync, rmSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { type HostProcess, releasePointer, expect, launchHost, movesStored, stopHost, test, openScreen as open } from './fixtures.ts';

// A new lead's first quarter in Rungs, start to end: an empty roster, the team from an HR sheet,
// the quarter's backlog from the tracker, a staffing session by pointer and by keyboard, and the
// figures the lead leaves with. Every figure is worked out by hand beside its assertion, from the
// two files in tests/e2e/fixtures/ and the moves below.
//
// The team (hr-roster.csv): capacity in points.
//   Mobile    Jonas Berg Senior 13 · Kemi Adeyemi Mid 10 · Lucas Moreau Junior 10 · Maya Cohen Intern 6 · Noor Haddad Intern (none)
//   Payments  Amara Osei Senior 13 · Bruno Costa Mid 13 · Chloé Dubois Junior 10 · Dev Patel Junior 10 · Elif Yilmaz Intern 6
//   Search    Farah Khan Senior 13 · Gabriel Silva Mid 13 · Hana Sato Mid 10 · Ivan Petrov Junior 8
//
// The backlog (backlog.csv): 6 initiatives, 25 stories. An initiative's size is its whole estimate.
//   Card payments revamp            Mid 20     stories 5+5+3+2+3 = 18   → 2 not yet split
//   Find why search abandons        Senior 8   stories 3+2+2 = 7        → 1 not yet split
//   Typo-tolerant search            Mid 13     stories 5+3+3+1 = 12     → 1 not yet split
//   Offline mode for the mobile app Senior 21  stories 5+3+8+2+1 = 19   → 2 not yet split
//   Push notification preferences   Junior 8   stories 3+3+1 = 7        → 1 not yet split
//   Mobile app crash-free sessions  Mid 10     stories 2+5+2+1+3 = 13   → 0: the estimate is out of date by 3

const SCREENSHOTS = '/tmp/rungs-session';
const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url));

/** Each story's initiative, read from the backlog file: where to find its card in the backlog. */
const PARENT = new Map(
  fixture('backlog.csv')
    .toString('utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .map(([, title, parent]) => [title!, parent || title!]),
);

// ---------------------------------------------------------------------------------------------
// The lead's gestures.

const lane = (page: Page, nameAndLevel: string) => page.getByRole('region', { name: nameAndLevel, exact: true });
const laneLoad = (page: Page, nameAndLevel: string) => lane(page, nameAndLevel).locator('[data-id="load"]');
const backlog = (page: Page) => page.getByRole('region', { name: 'Backlog' });
const card = (scope: Page | Locator, title: string) => scope.getByRole('article', { name: title, exact: true });
/** The card's handle: a button named by the card's face, kind first. */
const handle = (scope: Page | Locator, title: string) => card(scope, title).getByRole('button', { name: /^(Initiative|Story)\b/ });
const live = (page: Page) => page.locator('[id^="DndLiveRegion"]');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Scroll the backlog to the item's initiative: cards far down the side panel mount as they come near. */
async function fromBacklog(page: Page, title: string): Promise<Locator> {
  await backlog(page)
    .getByRole('group', { name: PARENT.get(title)!, exact: true })
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const source = handle(backlog(page), title);
  await expect(source).toBeVisible();
  return source;
}

/**
 * An initiative dropped while its stories wait in the backlog asks whether its DRI takes them too.
 * This lead staffs stories one by one, so they stay: by Tab and Enter after a keyboard drop.
 */
async function leaveStoriesInBacklog(page: Page, title: string, by: 'pointer' | 'keyboard') {
  if (PARENT.get(title) !== title) return;
  const offer = page.getByRole('dialog', { name: `Give '${title}'`, exact: false });
  const leave = offer.getByRole('button', { name: 'Leave them in the backlog' });
  await expect(offer).toBeVisible();
  if (by === 'pointer') return leave.click();
  // The dialog takes focus two frames after the drop (dnd-kit hands it back to the card first).
  await expect(offer.getByRole('button', { name: / takes (it|them) too$/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(leave).toBeFocused();
  await page.keyboard.press('Enter');
}

/** Drag a backlog card onto a lane with the mouse, in small steps as a hand moves; `before` runs while it hovers. */
async function dragByPointer(page: Page, title: string, to: string, before?: (target: Locator) => Promise<void>) {
  const source = await fromBacklog(page, title);
  const target = lane(page, to);
  await target.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await source.evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
  const s = (await source.boundingBox())!;
  const t = (await target.boundingBox())!;
  await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
  await page.mouse.down();
  await page.mouse.move(s.x + s.width / 2 + 12, s.y + s.height / 2 + 4, { steps: 4 });
  const x = t.x + t.width / 2;
  const y = t.y + t.height / 2;
  await page.mouse.move(x, y, { steps: 15 });
  // dnd-kit measures the lanes just after the lift; a hand never holds still, and these small
  // moves let it settle the collision on the measured lanes.
  await expect(async () => {
    await page.mouse.move(x + 2, y + 2, { steps: 2 });
    await page.mouse.move(x, y, { steps: 2 });
    await expect(target.locator('[data-id="lane-preview"]')).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 5000 });
  await before?.(target);
  await releasePointer(page);
  await leaveStoriesInBacklog(page, title, 'pointer');
  await expect(card(target, title)).toBeVisible();
}

/**
 * Carry a backlog card to a lane with the keyboard: Space lifts it, arrows move it one lane at a
 * time (as a sighted keyboard user steers: across to the target's column, then up or down), Space drops.
 */
async function dragByKeyboard(page: Page, title: string, to: string) {
  const source = await fromBacklog(page, title);
  const target = lane(page, to);
  await source.focus();
  await page.keyboard.press('Space');
  await expect(live(page)).toContainText(`Picked up '${title}'`);
  // dnd-kit measures the drop targets in the frame after a lift; a person is never that quick.
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  const previewed = page.locator('section[data-id^="lane-"]').filter({ has: page.locator('[data-id="lane-preview"]') });
  for (let presses = 0; presses < 12; presses++) {
    if ((await target.locator('[data-id="lane-preview"]').count()) === 1) break;
    const over = (await previewed.count()) === 1 ? previewed : source;
    const was = over === previewed ? await previewed.getAttribute('data-id') : null;
    const here = (await over.boundingBox())!;
    const there = (await target.boundingBox())!;
    const cx = here.x + here.width / 2;
    const cy = here.y + here.height / 2;
    const key = cx < there.x ? 'ArrowRight' : cx > there.x + there.width ? 'ArrowLeft' : cy < there.y ? 'ArrowDown' : 'ArrowUp';
    await page.keyboard.press(key);
    // One press, one lane: wait for the held card to arrive before steering again.
    await expect(async () => {
      expect(await previewed.count()).toBe(1);
      expect(await previewed.getAttribute('data-id')).not.toBe(was);
    }).toPass({ timeout: 2000 });
  }
  await expect(target.locator('[data-id="lane-preview"]')).toHaveCount(1);
  await page.keyboard.press('Space');
  // "Held" when it asks about the initiative's waiting stories first (leaveStoriesInBacklog).
  await expect(live(page)).toContainText(new RegExp(`(Dropped|Held) '${escape(title)}' \\(\\w+ rung\\) on ${escape(to)}:`));
  await leaveStoriesInBacklog(page, title, 'keyboard');
  await expect(card(target, title)).toBeVisible();
}

/** A stretch is closed with review: the lead picks the reviewer on the card (plan.setReviewer). */
async function setReviewer(page: Page, to: string, title: string, reviewer: string) {
  const picker = card(lane(page, to), title).getByRole('combobox', { name: `Reviewer for '${title}'` });
  // Its reviewers are listed once the picker is reached, as a lead reaches it.
  await picker.focus();
  await picker.selectOption({ label: reviewer });
  await expect(page.getByRole('status').filter({ hasText: `${reviewer.replace(/ \(.*/, '')} reviews '${title}'` })).toBeVisible();
}

/** The Intern's overreach is kept with a note, from the warnings: three actions (acknowledge, the note, keep). */
async function keepOverreach(page: Page) {
  const warning = page.getByRole('region', { name: 'Warnings' }).getByRole('listitem').filter({ hasText: 'Local cache of the last order' });
  await warning.getByRole('button', { name: "Acknowledge the overreach 'Local cache of the last order'" }).click();
  await warning.getByLabel('Why keep it?').fill('pairs with Jonas Berg on the cache design every morning');
  await warning.getByRole('button', { name: 'Keep with this note' }).click();
  await expect(warning).toContainText('Kept on purpose: pairs with Jonas Berg on the cache design every morning');
}

/** Who carries what, straight from the file, by a second connection. */
function assignments(host: HostProcess): Record<string, string> {
  const db = host.readDb();
  try {
    const rows = db
      .prepare(`SELECT w.title, e.name FROM assignments a JOIN work_items w ON w.id = a.item_id JOIN engineers e ON e.id = a.engineer_id`)
      .all() as { title: string; name: string }[];
    return Object.fromEntries(rows.map((r) => [r.title, r.name]));
  } finally {
    db.close();
  }
}

async function downloadAgenda(page: Page): Promise<string> {
  const agenda = page.getByRole('region', { name: 'Coaching agenda' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    agenda.getByRole('button', { name: 'Download as Markdown' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^coaching-agenda-.+\.md$/);
  return readFileSync((await download.path())!, 'utf8');
}

/** Steps 1 and 2 of every session: the team from the HR sheet, the backlog from the tracker export. */
async function importTeamAndBacklog(page: Page) {
  await test.step('1. The HR sheet comes in through Import/Export, previewed first', async () => {
    await open(page, 'Import/Export');
    await page
      .getByLabel('Roster CSV file')
      .setInputFiles({ name: 'hr-roster.csv', mimeType: 'text/csv', buffer: fixture('hr-roster.csv') });
    const preview = page.getByRole('region', { name: 'Preview of hr-roster.csv' });
    await expect(preview).toContainText('hr-roster.csv: all 14 rows are ready. New teams: Payments, Search, Mobile.');
    await expect(preview).toContainText('Not used, will be ignored: "Start date".');
    // HR's spellings are read onto the ladder, and the preview says how.
    await expect(preview.getByRole('row', { name: /^2 / })).toContainText('Senior Engineer → Senior');
    await expect(preview.getByRole('row', { name: /^7 / })).toContainText('Sr → Senior');
    await expect(preview.getByRole('row', { name: /^4 / })).toContainText('Jr → Junior');
    await preview.getByRole('button', { name: 'Import 14 engineers' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported 14 engineers and 3 teams from CSV' })).toBeVisible();
  });

  await test.step('2. The backlog comes in from the tracker export, stories under their initiatives', async () => {
    await page.getByLabel('Backlog CSV file').setInputFiles({ name: 'backlog.csv', mimeType: 'text/csv', buffer: fixture('backlog.csv') });
    const preview = page.getByRole('region', { name: 'Preview of backlog.csv' });
    await expect(preview).toContainText('backlog.csv: all 31 rows are ready.');
    await preview.getByRole('button', { name: 'Import 31 items' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported 6 initiatives and 25 stories' })).toBeVisible();

    await open(page, 'Board');
    // 3 teams, 14 lanes, all empty; the backlog holds the estimate against its stories (see the table above).
    await expect(page.locator('section[data-id^="lane-"]')).toHaveCount(14);
    await expect(card(backlog(page), 'Card payments revamp')).toContainText('18 in its stories, 2 not yet split');
  });
}

// ---------------------------------------------------------------------------------------------

test('a new lead staffs a quarter from an HR sheet and a tracker export, and leaves with figures that add up', async ({ page }) => {
  // About 30 s alone; the budget leaves room for a machine shared with other work.
  test.setTimeout(180_000);
  const host = await launchHost({ empty: true });
  try {
    await page.goto(host.url);
    await session(page, host);
  } finally {
    await stopHost(host);
    rmSync(host.dir, { recursive: true, force: true });
  }
});

async function session(page: Page, host: HostProcess) {
  const agendaArticles = page.getByRole('region', { name: 'Coaching agenda' }).getByRole('article');
  const gapsByKind = page.getByRole('list', { name: 'Gaps by kind' }).getByRole('listitem');
  const driRow = (title: string) =>
    page.getByRole('table', { name: /Every initiative of the quarter/ }).getByRole('row', { name: new RegExp(`^${title}`) });
  const heatRow = (heat: Locator, name: string) => heat.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell');
  const onTheRoster = page
    .getByRole('table', { name: 'Rungs of work against levels on the roster' })
    .getByRole('row', { name: /Engineers on the roster/ })
    .getByRole('cell');
  const gapsOf = (nameAndLevel: string) =>
    page.getByRole('list', { name: 'Delegation gaps by engineer' }).getByRole('listitem', { name: nameAndLevel, exact: true });

  await importTeamAndBacklog(page);

  await test.step('3. The staffing session: by pointer and by keyboard', async () => {
    // Payments. Bruno is DRI of the revamp and also owns one of its stories.
    await dragByPointer(page, 'Card payments revamp', 'Bruno Costa, Mid');
    await dragByKeyboard(page, '3-D Secure challenge flow', 'Bruno Costa, Mid');
    await dragByPointer(page, 'Tokenise cards at entry', 'Chloé Dubois, Junior');
    await dragByKeyboard(page, 'Roll out behind a flag', 'Chloé Dubois, Junior');
    await dragByPointer(page, 'Retry declined payments', 'Dev Patel, Junior');
    await dragByKeyboard(page, 'Payment form copy and errors', 'Elif Yilmaz, Intern');
    await dragByPointer(page, 'Relevance regression suite', 'Amara Osei, Senior');

    // Search. A Mid leads the Senior-rung discovery as a stretch, with Farah reviewing.
    await dragByPointer(page, 'Find why search abandons', 'Gabriel Silva, Mid', async (gabriel) => {
      await expect(gabriel).toContainText('Stretch: needs a reviewer');
    });
    await setReviewer(page, 'Gabriel Silva, Mid', 'Find why search abandons', 'Farah Khan (Senior)');
    await dragByKeyboard(page, 'Interview five searchers who gave up', 'Gabriel Silva, Mid');
    await dragByKeyboard(page, 'Typo-tolerant search', 'Hana Sato, Mid');
    await dragByPointer(page, 'Did-you-mean suggestions', 'Hana Sato, Mid');
    // A stretch left without a reviewer, for now: it stays on the insights' warnings.
    await dragByPointer(page, 'Fuzzy matching in the index', 'Ivan Petrov, Junior');
    await dragByKeyboard(page, 'Query log dashboard', 'Ivan Petrov, Junior');
    await dragByPointer(page, 'Search analytics events', 'Farah Khan, Senior');

    // Mobile.
    await dragByPointer(page, 'Offline mode for the mobile app', 'Jonas Berg, Senior');
    await dragByPointer(page, 'Queue writes while offline', 'Jonas Berg, Senior');
    // An Intern on a Mid-rung story: the overreach shows before the drop, and is kept with a note.
    await dragByPointer(page, 'Local cache of the last order', 'Maya Cohen, Intern', async (maya) => {
      await expect(maya).toContainText('Overreach: 2 rungs past Intern');
    });
    await keepOverreach(page);
    await dragByKeyboard(page, 'Copy for each category', 'Maya Cohen, Intern');
    // A Junior DRI of a small initiative, who also builds its first screen.
    await dragByKeyboard(page, 'Push notification preferences', 'Lucas Moreau, Junior');
    await dragByPointer(page, 'Preferences screen', 'Lucas Moreau, Junior');
    // Kemi knows the crash tooling and the sync code: she takes on more than her 10 points.
    await dragByKeyboard(page, 'Mobile app crash-free sessions', 'Kemi Adeyemi, Mid');
    await dragByPointer(page, 'Symbolicate iOS crash reports', 'Kemi Adeyemi, Mid');
    await dragByKeyboard(page, 'Fix the top three crashes', 'Kemi Adeyemi, Mid');
    await dragByPointer(page, 'Crash-free sessions alert', 'Kemi Adeyemi, Mid');
    await dragByKeyboard(page, 'Sync conflicts banner', 'Kemi Adeyemi, Mid');
    // Noor Haddad, who joined in September, is left with nothing this quarter.

    // Every move is in the file: 6 DRIs and 19 story owners; 6 stories stay in the backlog.
    await expect.poll(() => Object.keys(assignments(host)).length).toBe(25);
    expect(assignments(host)).toMatchObject({
      'Card payments revamp': 'Bruno Costa',
      '3-D Secure challenge flow': 'Bruno Costa',
      'Find why search abandons': 'Gabriel Silva',
      'Local cache of the last order': 'Maya Cohen',
      'Sync conflicts banner': 'Kemi Adeyemi',
    });
  });

  await test.step('4a. The board: each lane counts every point once', async () => {
    // Bruno: 2 (revamp's 20 − its stories' 18) + 5 ('3-D Secure') = 7. Before the fix: 20 + 5 = 25.
    await expect(laneLoad(page, 'Bruno Costa, Mid')).toHaveText('7 / 13 pts');
    await expect(laneLoad(page, 'Bruno Costa, Mid')).toHaveAttribute(
      'title',
      "Load against capacity: 7 pts: 2 pts of 'Card payments revamp' not yet in its stories, 5 pts '3-D Secure challenge flow'",
    );
    // Chloé: 5 + 3 = 8. Dev: 3. Elif: 2. Amara: 3.
    await expect(laneLoad(page, 'Chloé Dubois, Junior')).toHaveText('8 / 10 pts');
    await expect(laneLoad(page, 'Dev Patel, Junior')).toHaveText('3 / 10 pts');
    await expect(laneLoad(page, 'Elif Yilmaz, Intern')).toHaveText('2 / 6 pts');
    await expect(laneLoad(page, 'Amara Osei, Senior')).toHaveText('3 / 13 pts');
    // Gabriel: 1 (8 − 7) + 2 = 3. Hana: 1 (13 − 12) + 3 = 4. Farah: 2.
    await expect(laneLoad(page, 'Gabriel Silva, Mid')).toHaveText('3 / 13 pts');
    await expect(laneLoad(page, 'Hana Sato, Mid')).toHaveText('4 / 10 pts');
    await expect(laneLoad(page, 'Farah Khan, Senior')).toHaveText('2 / 13 pts');
    // Ivan: 5 + 3 = 8 against 8: full, not over.
    await expect(laneLoad(page, 'Ivan Petrov, Junior')).toHaveText('8 / 8 pts');
    // Jonas: 2 (21 − 19) + 8 = 10. Lucas: 1 (8 − 7) + 3 = 4. Maya: 5 + 1 = 6 against 6.
    await expect(laneLoad(page, 'Jonas Berg, Senior')).toHaveText('10 / 13 pts');
    await expect(laneLoad(page, 'Lucas Moreau, Junior')).toHaveText('4 / 10 pts');
    await expect(laneLoad(page, 'Maya Cohen, Intern')).toHaveText('6 / 6 pts');
    // Kemi: 0 (crash-free's stories, 13, outgrew its 10) + 3 + 5 + 2 + 3 = 13 against 10.
    await expect(laneLoad(page, 'Kemi Adeyemi, Mid')).toHaveText('13 / 10 pts (over capacity)');
    await expect(card(lane(page, 'Kemi Adeyemi, Mid'), 'Mobile app crash-free sessions')).toContainText(
      'Its stories add up to 13 pts: the estimate is out of date',
    );
    // Noor has no capacity on the HR sheet and nothing to carry.
    await expect(laneLoad(page, 'Noor Haddad, Intern')).toHaveText('0 pts');
    await expect(lane(page, 'Noor Haddad, Intern')).toContainText('Nothing here yet');
    // Only Kemi is over.
    await expect(page.locator('[data-id="load"].over')).toHaveCount(1);
    await expect(lane(page, 'Maya Cohen, Intern')).toContainText('1 in reach · 0 stretch · 1 overreach');
    await expect(card(lane(page, 'Maya Cohen, Intern'), 'Local cache of the last order')).toContainText(
      'Kept on purpose: 2 rungs past Intern',
    );
  });

  await test.step('4b. Insights: over capacity, gaps, warnings and the DRI check', async () => {
    await open(page, 'Insights');
    // Over capacity: Kemi alone (13 > 10); Ivan at 8 / 8 and Maya at 6 / 6 are full, not over.
    await expect(gapsByKind.filter({ hasText: 'Load over capacity' })).toHaveText('1 Load over capacity');
    await expect(gapsOf('Kemi Adeyemi, Mid').getByRole('heading')).toContainText('13 / 10 pts');
    await expect(gapsOf('Kemi Adeyemi, Mid')).toContainText(
      // Her parts in plan order (initiatives, then stories): 0 + 3 + 5 + 2 + 3 = 13.
      "Load over capacity: Kemi Adeyemi (Mid) carries 13 pts against a capacity of 10: 'Mobile app crash-free sessions' as DRI (its stories outgrew its estimate), 3 pts 'Sync conflicts banner', 5 pts 'Fix the top three crashes', 2 pts 'Crash-free sessions alert', 3 pts 'Symbolicate iOS crash reports'",
    );
    // The team summary, by kind: the unreviewed stretch is Ivan's; Maya's overreach is kept; Amara
    // and Farah carry only Junior-rung stories (2 rungs below Senior); Gabriel leads a Senior-rung
    // initiative but no Mid-rung one; Noor has nothing. 6 stories have no owner (31 − 25).
    await expect(gapsByKind).toHaveText([
      '0 Overreach',
      '1 Stretch without a reviewer',
      '2 No Senior-rung item',
      '1 DRI of no Mid-rung initiative',
      '0 No Junior-rung story of their own',
      '0 No task of their own',
      '2 Only below-level work',
      '1 Load over capacity',
      '1 No load',
      '1 Overreach kept on purpose',
      '0 Initiatives without a DRI',
      '6 Stories without an owner',
    ]);
    await expect(gapsOf('Noor Haddad, Intern')).toContainText('No load: Noor Haddad (Intern) has nothing assigned this quarter');
    await expect(gapsOf('Gabriel Silva, Mid')).toContainText(
      'Gabriel Silva (Mid) is DRI of no Mid-rung initiative (owns 1 Mid-rung story)',
    );
    const warnings = page.getByRole('list', { name: 'Warnings' });
    await expect(warnings.getByRole('listitem')).toHaveCount(2);
    await expect(
      warnings.getByRole('listitem', { name: 'Stretch without a reviewer: Fuzzy matching in the index on Ivan Petrov' }),
    ).toBeVisible();
    await expect(
      warnings.getByRole('listitem', { name: 'Overreach, kept on purpose: Local cache of the last order on Maya Cohen' }),
    ).toContainText('Note: pairs with Jonas Berg on the cache design every morning');

    // The DRI check: every initiative has one, each within reach or a reviewed stretch.
    await expect(driRow('Card payments revamp')).toContainText('Bruno Costa, Mid');
    await expect(driRow('Card payments revamp')).toContainText('Fine');
    // 20 = 18 in stories (all owned) + 2 with Bruno.
    await expect(driRow('Card payments revamp')).toContainText('20 pts: 18 in its stories, 2 with the DRI');
    await expect(driRow('Find why search abandons')).toContainText('Gabriel Silva, Mid');
    await expect(driRow('Find why search abandons')).toContainText('Farah Khan');
    await expect(driRow('Find why search abandons')).toContainText('Stretch');
    await expect(driRow('Find why search abandons')).toContainText('8 pts: 7 in its stories, 1 with the DRI');
    // 13 = 12 in stories, of which 'Synonyms list' (1) is unowned, + 1 with Hana.
    await expect(driRow('Typo-tolerant search')).toContainText('13 pts: 12 in its stories (1 pt in unassigned stories), 1 with the DRI');
    // 21 = 19 in stories, of which the checklist (2) and the artifact (1) are unowned, + 2 with Jonas.
    await expect(driRow('Offline mode for the mobile app')).toContainText(
      '21 pts: 19 in its stories (3 pts in unassigned stories), 2 with the DRI',
    );
    // A Junior-rung initiative on a Junior: fine. 8 = 7 in stories (3 unowned: the API) + 1 with Lucas.
    await expect(driRow('Push notification preferences')).toContainText('Lucas Moreau, Junior');
    await expect(driRow('Push notification preferences')).toContainText('Fine');
    await expect(driRow('Push notification preferences')).toContainText(
      '8 pts: 7 in its stories (3 pts in unassigned stories), 1 with the DRI',
    );
    // 10, but stories of 2 + 5 + 2 + 1 + 3 = 13 (triage 2 and write-up 1 unowned).
    await expect(driRow('Mobile app crash-free sessions')).toContainText(
      '10 pts, but its stories add up to 13 pts (3 pts in unassigned stories): the estimate is out of date',
    );
  });

  await test.step('4c. The heatmap: items by rung, and the levels on the roster', async () => {
    const heat = page.getByRole('table', { name: 'Engineers by rung of their work' });
    // Kemi: 3 Junior-rung stories; the crash-free initiative and the symbolication story at Mid.
    await expect(heatRow(heat, 'Kemi Adeyemi')).toHaveText(['0', '3', '2', '0']);
    await expect(heatRow(heat, 'Maya Cohen')).toHaveText(['1', '0', '1 overreach', '0']);
    await expect(heatRow(heat, 'Gabriel Silva')).toHaveText(['0', '0', '1', '1 stretch']);
    // Interns: Elif, Maya, Noor. Juniors: Chloé, Dev, Ivan, Lucas. Mids: Bruno, Gabriel, Hana, Kemi. Seniors: Amara, Farah, Jonas.
    await expect(onTheRoster).toHaveText(['3', '4', '4', '3', '']);
  });

  await test.step('4d. The coaching agenda, on screen and as Markdown', async () => {
    // Seven to coach, most senior first: Amara and Farah (only below-level work, no Senior-rung
    // item), Gabriel (a reviewed stretch, no Mid-rung initiative), Kemi (over capacity), Ivan (an
    // unreviewed stretch), Maya (a kept overreach), Noor (no load). Bruno, Chloé, Dev, Elif, Hana,
    // Jonas and Lucas each have work at their own rung, in reach, within capacity.
    await expect(agendaArticles).toHaveCount(7);
    const md = await downloadAgenda(page);
    expect(md.match(/^## .*$/gm)).toEqual([
      '## Amara Osei (Senior)',
      '## Farah Khan (Senior)',
      '## Gabriel Silva (Mid)',
      '## Kemi Adeyemi (Mid)',
      '## Ivan Petrov (Junior)',
      '## Maya Cohen (Intern)',
      '## Noor Haddad (Intern)',
    ]);
    const lines = md.split('\n');
    // The stretch with its reviewer, and the move Gabriel has not made yet.
    expect(lines).toContain("- **Stretch, reviewed by Farah Khan**: 'Find why search abandons' (Senior-rung initiative)");
    expect(lines).toContain(
      "- **DRI of no Mid-rung initiative (owns 1 Mid-rung story)**: 'Find why search abandons' (Senior-rung initiative), 'Interview five searchers who gave up' (Mid-rung story)",
    );
    // The kept overreach with its note, and the map's Build cell at Maya's level for it.
    expect(lines).toContain(
      "- **Overreach, kept on purpose**: 'Local cache of the last order' (Mid-rung story); note: pairs with Jonas Berg on the cache design every morning",
    );
    expect(lines).toContain(
      "- **Build**: Drives AI on tasks with explicit acceptance criteria; asks when the output looks off. ('Local cache of the last order')",
    );
    // Gabriel's items carry Discover (both) and Define (the initiative): the Mid cells.
    expect(lines).toContain(
      "- **Discover**: Turns a symptom into a clear problem statement and checks it against the data before calling it done. ('Find why search abandons', 'Interview five searchers who gave up')",
    );
    expect(lines).toContain("- **Stretch, needs a reviewer**: 'Fuzzy matching in the index' (Mid-rung story)");
    expect(lines).toContain('- **No load**: Noor Haddad (Intern) has nothing assigned this quarter');
    expect(lines).toContain("- **Only below-level work**: 'Relevance regression suite' (Junior-rung story)");
    // Her five items once each, then the figures (the parts are on the board and in Insights).
    const overCapacity = lines.find((l) => l.startsWith('- **Load over capacity**: '));
    expect(overCapacity).toMatch(/; 13 pts against a capacity of 10$/);
    expect(overCapacity!.match(/'Fix the top three crashes'/g)).toHaveLength(1);

    // The screen says the same.
    const gabriel = page.getByRole('region', { name: 'Coaching agenda' }).getByRole('article', { name: /Gabriel Silva/ });
    await expect(gabriel.getByRole('list', { name: 'To coach with Gabriel Silva' }).getByRole('listitem').first()).toHaveText(
      'Stretch, reviewed by Farah Khan: Find why search abandons (Senior-rung initiative)',
    );
  });

  await test.step('4e. The report: each engineer with their load, part by part', async () => {
    await open(page, 'Report');
    const report = page.getByRole('article', { name: /Staffing report/ });
    // 14 engineers; 31 items, 6 stories without an owner.
    await expect(report.getByText(/^14 engineers · 31 items · 6 unassigned · generated/)).toBeVisible();
    const payments = report.getByRole('table', { name: 'Plan for team Payments' });
    const bruno = payments.getByRole('rowheader', { name: /^Bruno Costa/ });
    await expect(bruno).toContainText('Mid · 7 / 13 pts');
    await expect(bruno).toContainText("2 pts of 'Card payments revamp' not yet in its stories, 5 pts '3-D Secure challenge flow'");
    // The revamp's row adds 2 of its 20 to Bruno; his story adds 5.
    await expect(
      payments
        .getByRole('row', { name: /Card payments revamp/ })
        .getByRole('cell')
        .last(),
    ).toHaveText('2 of 20');
    const mobile = report.getByRole('table', { name: 'Plan for team Mobile' });
    await expect(mobile.getByRole('rowheader', { name: /^Kemi Adeyemi/ })).toContainText('Mid · 13 / 10 pts');
    await expect(
      mobile
        .getByRole('row', { name: /Mobile app crash-free sessions/ })
        .getByRole('cell')
        .last(),
    ).toHaveText('0 of 10');
    // Lucas, DRI of a Junior-rung initiative and owner of one of its stories: 1 (8 − 7) + 3 = 4.
    const lucas = mobile.getByRole('rowheader', { name: /^Lucas Moreau/ });
    await expect(lucas).toContainText('Junior · 4 / 10 pts');
    await expect(lucas).toContainText("1 pt of 'Push notification preferences' not yet in its stories, 3 pts 'Preferences screen'");
    await expect(mobile.getByRole('rowheader', { name: /^Noor Haddad/ })).toContainText('Intern · 0 pts');
    await expect(mobile.getByRole('rowgroup').filter({ hasText: 'Noor Haddad' })).toContainText('Nothing assigned');
  });

  await test.step('5. Farah leaves the board: her story returns, Gabriel’s stretch loses its reviewer', async () => {
    await open(page, 'Roster');
    await page.getByRole('button', { name: 'Deactivate Farah Khan' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Deactivate Farah Khan?' });
    await expect(dialog.getByRole('listitem')).toHaveText([/Search analytics events/]);
    await expect(dialog).toContainText('1 stretch assignment loses Farah Khan as reviewer.');
    await dialog.getByRole('button', { name: 'Deactivate and return their work to the backlog' }).click();
    await expect(page.getByRole('status')).toHaveText('Deactivated Farah Khan; 1 item back to the backlog. Undo it from History.');

    await open(page, 'Board');
    await expect(lane(page, 'Farah Khan, Senior')).toHaveCount(0);
    await expect(page.locator('section[data-id^="lane-"]')).toHaveCount(13);
    await expect(await fromBacklog(page, 'Search analytics events')).toBeVisible();
    await expect(backlog(page).getByRole('group', { name: 'Find why search abandons' })).toContainText(
      '8 pts: 7 in its stories (2 pts in unassigned stories), 1 with the DRI',
    );
    const stretch = card(lane(page, 'Gabriel Silva, Mid'), 'Find why search abandons');
    await expect(stretch).toContainText('Needs a reviewer');
    // Nobody else's load moves: Gabriel still 1 + 2 = 3.
    await expect(laneLoad(page, 'Gabriel Silva, Mid')).toHaveText('3 / 13 pts');

    await open(page, 'Insights');
    // Two unreviewed stretches now (Ivan's and Gabriel's); one Senior left without Senior-rung work
    // and with only below-level work (Amara); 7 stories without an owner (6 + Farah's).
    await expect(gapsByKind).toHaveText([
      '0 Overreach',
      '2 Stretch without a reviewer',
      '1 No Senior-rung item',
      '1 DRI of no Mid-rung initiative',
      '0 No Junior-rung story of their own',
      '0 No task of their own',
      '1 Only below-level work',
      '1 Load over capacity',
      '1 No load',
      '1 Overreach kept on purpose',
      '0 Initiatives without a DRI',
      '7 Stories without an owner',
    ]);
    // 8 = 7 in stories, now 2 of them unowned ('Search analytics events'), + 1 with Gabriel.
    await expect(driRow('Find why search abandons')).toContainText('8 pts: 7 in its stories (2 pts in unassigned stories), 1 with the DRI');
    await expect(driRow('Find why search abandons')).toContainText('none yet');
    // One Senior fewer on the roster.
    await expect(onTheRoster).toHaveText(['3', '4', '4', '2', '']);
    // Farah's entry is gone; Gabriel's stretch now asks for a reviewer: 6 to coach.
    await expect(agendaArticles).toHaveCount(6);
    const md = await downloadAgenda(page);
    expect(md).not.toContain('## Farah Khan');
    expect(md.split('\n')).toContain("- **Stretch, needs a reviewer**: 'Find why search abandons' (Senior-rung initiative)");

    await open(page, 'Report');
    await expect(page.getByText(/^13 engineers · 31 items · 7 unassigned · generated/)).toBeVisible();
  });

  await test.step('Screenshots of Insights and the coaching agenda, for a person to look at', async () => {
    await open(page, 'Insights');
    await expect(agendaArticles).toHaveCount(6);
    await page.screenshot({ path: `${SCREENSHOTS}/insights.png`, fullPage: true });
    const agenda = page.getByRole('region', { name: 'Coaching agenda' });
    await agenda.scrollIntoViewIfNeeded();
    await agenda.screenshot({ path: `${SCREENSHOTS}/coaching-agenda.png` });
  });
}

// ---------------------------------------------------------------------------------------------
// The same session staffed by name: the 25 assignments of step 3, each through Assign to… from
// the keyboard, with every action the lead takes counted (a click, a file picked, a field filled,
// a scroll to a card out of sight: one each; every key pressed, every letter typed: one each).

/** Who takes what, in the order the lead goes through the board; a reviewer for a stretch, or none. */
const STAFFING: { title: string; to: string; reviewer?: string }[] = [
  { title: 'Card payments revamp', to: 'Bruno Costa' },
  { title: '3-D Secure challenge flow', to: 'Bruno Costa' },
  { title: 'Tokenise cards at entry', to: 'Chloé Dubois' },
  { title: 'Roll out behind a flag', to: 'Chloé Dubois' },
  { title: 'Retry declined payments', to: 'Dev Patel' },
  { title: 'Payment form copy and errors', to: 'Elif Yilmaz' },
  { title: 'Relevance regression suite', to: 'Amara Osei' },
  { title: 'Find why search abandons', to: 'Gabriel Silva', reviewer: 'Farah Khan' },
  { title: 'Interview five searchers who gave up', to: 'Gabriel Silva' },
  { title: 'Typo-tolerant search', to: 'Hana Sato' },
  { title: 'Did-you-mean suggestions', to: 'Hana Sato' },
  { title: 'Fuzzy matching in the index', to: 'Ivan Petrov' },
  { title: 'Query log dashboard', to: 'Ivan Petrov' },
  { title: 'Search analytics events', to: 'Farah Khan' },
  { title: 'Offline mode for the mobile app', to: 'Jonas Berg' },
  { title: 'Queue writes while offline', to: 'Jonas Berg' },
  { title: 'Local cache of the last order', to: 'Maya Cohen' },
  { title: 'Copy for each category', to: 'Maya Cohen' },
  { title: 'Push notification preferences', to: 'Lucas Moreau' },
  { title: 'Preferences screen', to: 'Lucas Moreau' },
  { title: 'Mobile app crash-free sessions', to: 'Kemi Adeyemi' },
  { title: 'Symbolicate iOS crash reports', to: 'Kemi Adeyemi' },
  { title: 'Fix the top three crashes', to: 'Kemi Adeyemi' },
  { title: 'Crash-free sessions alert', to: 'Kemi Adeyemi' },
  { title: 'Sync conflicts banner', to: 'Kemi Adeyemi' },
];

test('the same quarter staffed by name with Assign to…: every action counted, under 8 an assignment', async ({ page }) => {
  test.setTimeout(180_000);
  const host = await launchHost({ empty: true });
  try {
    await page.goto(host.url);
    await importTeamAndBacklog(page);
    // Those two steps took six: open Import/Export, pick the HR sheet, import, pick the backlog, import, open the Board.
    const imports = 6;
    let actions = 0;
    const press = async (key: string) => {
      actions++;
      await page.keyboard.press(key);
    };
    const popup = page.getByRole('dialog', { name: /^(Assign|Reviewer for) '/ });
    const options = page.getByRole('listbox').getByRole('option');
    /** Letters of the name until one person is left (the reviewer step keeps 'Skip for now' below), each letter one action. */
    const typeUntilOne = async (name: string) => {
      for (const letter of name) {
        await press(letter);
        const people = options.filter({ hasNotText: 'Skip for now' });
        if ((await people.count()) === 1 && (await people.first().textContent())?.includes(name)) return;
      }
      throw new Error(`'${name}' never came out alone`);
    };
    const focusedTitle = () => page.evaluate(() => document.activeElement?.closest('article')?.getAttribute('aria-label') ?? null);

    for (const { title, to, reviewer } of STAFFING) {
      const stored = await movesStored(page);
      if ((await focusedTitle()) === title) {
        await press('a');
      } else {
        // Not the card focus moved on to: the lead scrolls to it if out of sight and clicks its Assign to….
        const target = card(backlog(page), title);
        if ((await target.count()) === 0 || !(await target.isVisible())) {
          actions++;
          await fromBacklog(page, title);
        }
        actions++;
        await target.getByRole('button', { name: `Assign to…: '${title}'` }).click();
      }
      await expect(page.getByRole('combobox', { name: 'Engineer', exact: true })).toBeFocused();
      await typeUntilOne(to);
      await press('Enter');
      const reviewerField = page.getByRole('combobox', { name: 'Reviewer', exact: true });
      // A stretch asks for its reviewer in the same popup: named, or left for later with Escape.
      await expect(popup.or(page.locator('[data-id="next-announcement"]')).first()).toBeVisible();
      if (await reviewerField.isVisible()) {
        if (reviewer) {
          await typeUntilOne(reviewer);
          await press('Enter');
        } else await press('Escape');
      } else expect(reviewer).toBeUndefined();
      await expect(popup).toBeHidden();
      await expect(card(page.getByRole('region', { name: new RegExp(`^${escape(to)}, `) }), title)).toBeVisible();
      // Stored, and focus moved on to the next backlog card, before the next card is looked for.
      await expect.poll(() => movesStored(page)).toBe(stored + 1);
    }
    const staffing = actions;

    // The overreach is kept with a note, from the warnings, as in the drag session: three actions.
    await keepOverreach(page);
    actions += 3;

    // The same plan as the drag session: 25 assignments, the stretch reviewed by Farah, the other left for later.
    await expect.poll(() => Object.keys(assignments(host)).length).toBe(25);
    for (const { title, to } of STAFFING) expect(assignments(host)[title], title).toBe(to);
    const db = host.readDb();
    try {
      const reviewed = db
        .prepare(`SELECT w.title, r.name FROM assignments a JOIN work_items w ON w.id = a.item_id JOIN engineers r ON r.id = a.reviewer_id`)
        .all();
      expect(reviewed).toEqual([{ title: 'Find why search abandons', name: 'Farah Khan' }]);
    } finally {
      db.close();
    }
    await expect(laneLoad(page, 'Kemi Adeyemi, Mid')).toHaveText('13 / 10 pts (over capacity)');
    await expect(laneLoad(page, 'Bruno Costa, Mid')).toHaveText('7 / 13 pts');

    const said = `${staffing} actions to staff 25 items (${(staffing / 25).toFixed(1)} each); ${imports + actions} with the imports and the kept overreach`;
    test.info().annotations.push({ type: 'actions', description: said });
    console.log(`[session by name] ${said}`);
    // A, about four letters, Enter, and now and then a click to reach a card: under 8 an assignment.
    expect(staffing / STAFFING.length).toBeLessThan(8);
  } finally {
    await stopHost(host);
    rmSync(host.dir, { recursive: true, force: true });
  }
});
