import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

// The browser host has no shell: it answers the shell channels 'unsupported', and the page falls
// back to downloads, the file input and window.print(). (tests/e2e/electron.spec.ts drives the
// native dialogs and printToPDF where the Electron binary exists.)

const open = (page: Page, screen: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen }).click();

/** Record the host's answers to the shell channels. */
function shellAnswers(page: Page): { channel: string; code: string | undefined }[] {
  const seen: { channel: string; code: string | undefined }[] = [];
  page.on('requestfinished', (request) => {
    const body = request.postDataJSON() as { channel?: string } | null;
    if (!body?.channel?.startsWith('shell.')) return;
    void request
      .response()
      .then((r) => r?.json() as Promise<{ error?: { code: string } }>)
      .then((json) => seen.push({ channel: body.channel!, code: json.error?.code }));
  });
  return seen;
}

test('every export downloads, after the host says it has no save dialog', async ({ board }) => {
  const answers = shellAnswers(board);
  await open(board, 'Import/Export');
  const expected: [string, RegExp, string][] = [
    ['Roster as CSV', /^rungs-roster-\d{4}-\d\d-\d\d\.csv$/, 'name,level,team,capacity'],
    ['Plan of .* as CSV', /^rungs-plan-.*\.csv$/, 'kind,title,parent,rung,size,touchpoints'],
    ['Everything as JSON', /^rungs-\d{4}-\d\d-\d\d\.json$/, '{\n  "format": "rungs"'],
  ];
  for (const [button, name, start] of expected) {
    const [download] = await Promise.all([board.waitForEvent('download'), board.getByRole('button', { name: new RegExp(button) }).click()]);
    expect(download.suggestedFilename()).toMatch(name);
    expect(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '')).toMatch(
      new RegExp(`^${start.replace(/[{}[\]]/g, '\\$&')}`),
    );
  }
  await expect(board.getByRole('alert')).toHaveCount(0);
  await expect.poll(() => answers).toContainEqual({ channel: 'shell.features', code: 'unsupported' });
  // The page asked once, learned, and never sent a file's text to a host that cannot save it.
  expect(answers.filter((a) => a.channel === 'shell.saveFile')).toEqual([]);
});

test('the report’s button opens the browser’s print dialog', async ({ board }) => {
  await open(board, 'Report');
  // Chromium's print dialog would block the page; count the calls instead.
  await board.evaluate('window.printed = 0; window.print = () => { window.printed += 1; }');
  await board.getByRole('button', { name: 'Print or save as PDF' }).click();
  await expect.poll(() => board.evaluate('window.printed')).toBe(1);
  await expect(board.getByRole('alert')).toHaveCount(0);
});

test('a picked file over 16 MB is refused with a plain sentence, and nothing is read into a preview', async ({ board }) => {
  await open(board, 'Import/Export');
  await board.getByLabel('Roster CSV file').setInputFiles({
    name: 'holiday.mov',
    mimeType: 'text/csv',
    buffer: Buffer.alloc(17 * 1024 * 1024, 0x61),
  });
  await expect(board.getByRole('alert').filter({ hasText: 'holiday.mov is 17.0 MB; Rungs opens files up to 16.0 MB.' })).toBeVisible();
  await expect(board.getByRole('region', { name: /Preview of/ })).toHaveCount(0);
});
