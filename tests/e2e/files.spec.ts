import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { answerChannels, test, expect, openScreen as open } from './fixtures.ts';

// The browser host has no shell: it answers the shell channels 'unsupported', and the page falls
// back to downloads, the file input and window.print(). (tests/e2e/electron.spec.ts drives the
// native dialogs and printToPDF where the Electron binary exists.)

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
    const bytes = readFileSync((await download.path())!);
    // A CSV starts with UTF-8's byte-order mark, so Excel on Windows reads its accents as UTF-8.
    const csv = download.suggestedFilename().endsWith('.csv');
    expect([...bytes.subarray(0, 3)]).toEqual(csv ? [0xef, 0xbb, 0xbf] : [...Buffer.from(start.slice(0, 3))]);
    expect(bytes.toString('utf8').replace(/^\uFEFF/, '')).toMatch(new RegExp(`^${start.replace(/[{}[\]]/g, '\\$&')}`));
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

// The renderer's other half, the path it takes under Electron, in real Chromium: the host's answers
// to the shell channels are replaced with what electron/shell.ts answers (its handlers are unit
// tested with fake dialogs in tests/unit/electron-shell.test.ts); every other channel goes through.
async function playElectron(page: Page, answers: { save?: string | null; open?: { name: string; bytes: string } | null }) {
  const asked: { channel: string; request: Record<string, unknown> }[] = [];
  await answerChannels(page, (channel, request) => {
    if (!channel.startsWith('shell.')) return undefined;
    asked.push({ channel, request });
    return channel === 'shell.features'
      ? { nativeFiles: true, pdf: true }
      : channel === 'shell.openFile'
        ? (answers.open ?? null)
        : answers.save
          ? { saved: true, path: answers.save }
          : { saved: false, path: null };
  });
  return asked;
}

test('with a shell, exports go to its save dialog instead of downloading, and say where they went', async ({ board }) => {
  const asked = await playElectron(board, { save: '/home/lead/Documents/team.csv' });
  await board.reload();
  let downloads = 0;
  board.on('download', () => downloads++);
  await open(board, 'Import/Export');
  await board.getByRole('button', { name: 'Roster as CSV' }).click();
  await expect(
    board.getByRole('status').filter({ hasText: /^Saved rungs-roster-.*\.csv to \/home\/lead\/Documents\/team\.csv\.$/ }),
  ).toBeVisible();
  const save = asked.find((a) => a.channel === 'shell.saveFile')!;
  expect(save.request).toMatchObject({ kind: 'csv', suggestedName: expect.stringMatching(/^rungs-roster-/) });
  expect(String(save.request.text).replace(/^\uFEFF/, '')).toMatch(/^name,level,team,capacity/);
  await board.screenshot({ path: 'test-results/screens/files-electron-saved.png' });

  await open(board, 'Insights');
  await board.getByRole('button', { name: 'Download as Markdown' }).click();
  await expect.poll(() => asked.filter((a) => a.channel === 'shell.saveFile').length).toBe(2);
  expect(asked.at(-1)!.request).toMatchObject({ kind: 'md', text: expect.stringMatching(/^# Coaching agenda, /) });
  expect(downloads).toBe(0);
});

test('with a shell, a cancelled save says nothing; the report button saves a PDF instead of printing', async ({ board }) => {
  const asked = await playElectron(board, { save: null });
  await board.reload();
  await open(board, 'Import/Export');
  await board.getByRole('button', { name: 'Everything as JSON' }).click();
  await expect.poll(() => asked.some((a) => a.channel === 'shell.saveFile')).toBe(true);
  await expect(board.getByRole('status').filter({ hasText: 'Saved' })).toHaveCount(0);
  await expect(board.getByRole('alert')).toHaveCount(0);

  const again = await playElectron(board, { save: '/home/lead/Documents/Staffing report.pdf' });
  await open(board, 'Report');
  await board.evaluate('window.printed = 0; window.print = () => { window.printed += 1; }');
  await board.getByRole('button', { name: 'Save as PDF' }).click();
  await expect(
    board.getByRole('status').filter({ hasText: 'Saved the report to /home/lead/Documents/Staffing report.pdf.' }),
  ).toBeVisible();
  expect(again.find((a) => a.channel === 'shell.saveReportPdf')!.request).toEqual({ quarterName: expect.stringMatching(/\S/) });
  expect(await board.evaluate('window.printed')).toBe(0);
  await board.screenshot({ path: 'test-results/screens/files-electron-report.png' });
  // The notice stays off paper.
  await board.emulateMedia({ media: 'print' });
  await expect(board.getByRole('status').filter({ hasText: 'Saved the report' })).toBeHidden();
});

test('with a shell, clicking a file input opens its dialog and the picked file goes to the preview', async ({ board }) => {
  const bytes = Buffer.from('Name,Level,Team\r\nAisha Bello,Sr,Payments\r\n').toString('base64');
  const asked = await playElectron(board, { open: { name: 'team.csv', bytes } });
  await board.reload();
  await open(board, 'Import/Export');
  const chooser = board.waitForEvent('filechooser', { timeout: 1_000 }).then(
    () => 'the browser’s picker opened',
    () => null,
  );
  await board.getByLabel('Roster CSV file').click();
  await expect(board.getByRole('region', { name: 'Preview of team.csv' })).toContainText('team.csv: its 1 row is ready.');
  expect(asked.find((a) => a.channel === 'shell.openFile')!.request).toEqual({ kind: 'csv' });
  expect(await chooser).toBeNull();
  await expect(board.getByText('Chosen file: team.csv')).toBeVisible();
});
