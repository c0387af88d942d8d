import type { Page } from '@playwright/test';
import { SCREENS } from '../../renderer/screens.ts';
import { expect, test } from './fixtures.ts';

// Every screen at a laptop's 1440×900 and a small 1024×768 window, saved for a person to look at
// (test-results/screens/polish-*.png), and checked for what breaks at a glance: the window never
// scrolls sideways, and no text box is cut off by its own box.

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const;

/** Elements whose content is wider than their box and not meant to scroll or ellipsize. */
const clipped = (page: Page) =>
  page.locator('#main').evaluate((main) => {
    const view = main.ownerDocument.defaultView!;
    const out: string[] = [];
    for (const el of main.querySelectorAll('button, th, td, label, h2, h3, .lane-head, .card-title')) {
      const s = view.getComputedStyle(el);
      // Screen-reader-only headings are 1 px on purpose.
      if (el.clientWidth <= 1) continue;
      if (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.textOverflow === 'ellipsis') continue;
      if (el.scrollWidth > el.clientWidth + 1 && s.overflowX === 'hidden')
        out.push(`${el.tagName} "${el.textContent!.trim().slice(0, 40)}"`);
    }
    return out;
  });

for (const size of SIZES) {
  test(`every screen at ${size.width}×${size.height}: no sideways scroll, nothing clipped`, async ({ board }) => {
    await board.setViewportSize(size);
    const problems: string[] = [];
    for (const screen of SCREENS) {
      await board.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen, exact: true }).click();
      if (screen === 'Competency map') await expect(board.getByRole('table', { name: 'Competency map' })).toBeVisible();
      if (screen === 'Insights') await expect(board.getByRole('region', { name: 'Coaching agenda' })).toBeVisible();
      await board.mouse.move(0, 0);
      const slug = screen.toLowerCase().replace(/[^a-z]+/g, '-');
      await board.screenshot({ path: `test-results/screens/polish-${slug}-${size.width}.png` });
      const wide = await board.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      if ((wide as number) > 0) problems.push(`${screen}: the window scrolls sideways by ${String(wide)} px`);
      for (const c of await clipped(board)) problems.push(`${screen}: clipped ${c}`);
    }
    expect(problems).toEqual([]);
  });
}
