import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
// @ts-expect-error -- a plain .mjs helper shared with `npm start`; it has no type declarations.
import { findElectron } from '../../scripts/electron-binary.mjs';

// The real Electron window. Where the binary cannot be downloaded (these CI machines), this is
// reported as skipped with the reason; the same renderer and handlers are covered through the browser host.
const { path: electronPath, reason } = findElectron() as { path: string | null; reason: string | null };
// The reason goes in the title too, so the list reporter prints it beside "skipped".
test.describe(electronPath ? 'Electron' : `Electron (skipped: no binary, ${reason})`, () => {
  test.skip(!electronPath, `Electron binary absent: ${reason}`);

  test('opens the window on the demo board with the security settings on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rungs-electron-'));
    const app = await electron.launch({ executablePath: electronPath!, args: ['.', '--db', join(dir, 'rungs.sqlite')] });
    try {
      const page = await app.firstWindow();
      await expect(page.getByRole('region', { name: 'Backlog' })).toBeVisible();
      expect(page.url()).toBe('app://rungs/index.html');
      // Node stays out of the page: no require, no process; the contract's functions are all it gets.
      expect(await page.evaluate('typeof require')).toBe('undefined');
      expect(await page.evaluate('typeof process')).toBe('undefined');
      expect(await page.evaluate('Object.keys(window.rungs).includes("plan.assign")')).toBe(true);
      expect(await page.evaluate('typeof window.rungs.send')).toBe('undefined');
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
