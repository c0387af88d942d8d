import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ElectronApplication, type Page, _electron as electron, expect, test } from '@playwright/test';
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

  // Native dialogs are stubbed from the main process, as Joplin's tests do: electron/shell.ts looks
  // `dialog`'s methods up on every call, so replacing them here is what the handlers see.
  async function launch(): Promise<{ app: ElectronApplication; page: Page; dir: string; done: () => Promise<void> }> {
    const dir = mkdtempSync(join(tmpdir(), 'rungs-electron-'));
    const app = await electron.launch({ executablePath: electronPath!, args: ['.', '--db', join(dir, 'rungs.sqlite')] });
    const page = await app.firstWindow();
    await expect(page.getByRole('region', { name: 'Backlog' })).toBeVisible();
    return {
      app,
      page,
      dir,
      done: async () => {
        await app.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const answerSaveDialog = (app: ElectronApplication, filePath: string | null) =>
    app.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => (path ? { canceled: false, filePath: path } : { canceled: true, filePath: '' })) as never;
    }, filePath);
  const answerOpenDialog = (app: ElectronApplication, filePath: string | null) =>
    app.evaluate(({ dialog }, path) => {
      dialog.showOpenDialog = (async () => (path ? { canceled: false, filePaths: [path] } : { canceled: true, filePaths: [] })) as never;
    }, filePath);
  const open = (page: Page, screen: string) =>
    page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen }).click();

  test('exports go through the native save dialog to the chosen path; a cancel writes nothing', async () => {
    const { app, page, dir, done } = await launch();
    try {
      await open(page, 'Import/Export');
      const target = join(dir, 'team-roster.csv');
      await answerSaveDialog(app, target);
      await page.getByRole('button', { name: 'Roster as CSV' }).click();
      await expect(page.getByRole('status').filter({ hasText: `to ${target}.` })).toBeVisible();
      expect(readFileSync(target, 'utf8').replace(/^\uFEFF/, '')).toMatch(/^name,level,team,capacity/);

      const cancelled = join(dir, 'never.json');
      await answerSaveDialog(app, null);
      await page.getByRole('button', { name: 'Everything as JSON' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveCount(0);
      await expect(page.getByRole('alert')).toHaveCount(0);
      expect(existsSync(cancelled)).toBe(false);
    } finally {
      await done();
    }
  });

  test('the coaching agenda saves as Markdown through the save dialog', async () => {
    const { app, page, dir, done } = await launch();
    try {
      await open(page, 'Insights');
      const target = join(dir, 'agenda.md');
      await answerSaveDialog(app, target);
      await page.getByRole('button', { name: 'Download as Markdown' }).click();
      await expect(page.getByRole('status').filter({ hasText: `to ${target}.` })).toBeVisible();
      expect(readFileSync(target, 'utf8')).toMatch(/^# /);
    } finally {
      await done();
    }
  });

  test('the report saves as an A4 PDF through printToPDF', async () => {
    const { app, page, dir, done } = await launch();
    try {
      await open(page, 'Report');
      const target = join(dir, 'report.pdf');
      await answerSaveDialog(app, target);
      await page.getByRole('button', { name: 'Save as PDF' }).click();
      await expect(page.getByRole('status').filter({ hasText: `Saved the report to ${target}.` })).toBeVisible();
      const pdf = readFileSync(target);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // A4 is 595 × 842 points (Chromium writes 595.92 × 842.88), on every page.
      const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
      expect(boxes.length).toBeGreaterThan(0);
      for (const [, w, h] of boxes) {
        expect(Math.abs(Number(w) - 595)).toBeLessThan(2);
        expect(Math.abs(Number(h) - 842)).toBeLessThan(2);
      }
    } finally {
      await done();
    }
  });

  test('a roster CSV opens through the native open dialog into the preview; an oversized file is refused', async () => {
    const { app, page, dir, done } = await launch();
    try {
      await open(page, 'Import/Export');
      const sheet = join(dir, 'team.csv');
      writeFileSync(sheet, '\uFEFFName,Level,Team\r\nAisha Bello,Senior Engineer,Payments\r\nBen Carter,Mid-level,Payments\r\n');
      await answerOpenDialog(app, sheet);
      await page.getByLabel('Roster CSV file').click();
      await expect(page.getByRole('region', { name: 'Preview of team.csv' })).toContainText('all 2 rows are ready');

      const huge = join(dir, 'holiday.csv');
      writeFileSync(huge, Buffer.alloc(17 * 1024 * 1024, 0x61));
      await answerOpenDialog(app, huge);
      await page.getByLabel('Backlog CSV file').click();
      await expect(page.getByRole('alert').filter({ hasText: 'holiday.csv is 17.0 MB; Rungs opens files up to 16.0 MB.' })).toBeVisible();
    } finally {
      await done();
    }
  });

  /** Click a menu item as the lead would: File → New roster…, File → Open recent → its first roster. */
  const clickMenu = (app: ElectronApplication, path: string[]) =>
    app.evaluate(({ Menu }, labels) => {
      let items = Menu.getApplicationMenu()!.items;
      for (const [i, label] of labels.entries()) {
        const item = items.find((m) => m.label.replace('&', '') === label || (label === '*' && m.enabled))!;
        if (i === labels.length - 1) item.click();
        else items = item.submenu!.items;
      }
    }, path);

  test('File → New roster… opens an empty roster on the guide with no restart; Open recent brings the first back', async () => {
    const { app, page, dir, done } = await launch();
    try {
      await answerSaveDialog(app, join(dir, 'Platform.sqlite'));
      await clickMenu(app, ['File', 'New roster…']);
      await expect(page.getByRole('region', { name: 'Start with your team' })).toBeVisible();
      await expect(page.getByRole('status').first()).toHaveText('Opened the roster Platform.');
      expect(existsSync(join(dir, 'Platform.sqlite'))).toBe(true);
      await clickMenu(app, ['File', 'Open recent', '*']);
      await expect(page.getByRole('region', { name: 'Backlog' })).toBeVisible();
      await clickMenu(app, ['Help', 'Keyboard shortcuts']);
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    } finally {
      await done();
    }
  });
});
