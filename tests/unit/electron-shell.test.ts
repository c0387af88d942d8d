import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpenDialogOptions, PrintToPDFOptions, SaveDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { type ShellDeps, createShellDispatch, createShellHandlers, safeFileName } from '../../electron/shell.ts';
import { MAX_OPEN_BYTES, SHELL_CHANNELS } from '../../shared/contract/shell.ts';
import { startHost } from '../../host/server.ts';
import { CHANNEL_SAMPLES } from '../helpers/channel-samples.ts';
import { rowCounts, tempDir, tempRoster } from '../helpers/temp-db.ts';

// The Electron binary cannot run here, so the shell's handlers run against a fake window and fake
// dialogs (answering as Electron's do) and the real file system in a temp folder.

type FakeWindow = { name: string; webContents: { printToPDF: (o: PrintToPDFOptions) => Promise<Uint8Array> } };

function fakeShell(answers: { save?: string | null; open?: string[] | null } = {}) {
  const dir = tempDir();
  const calls = {
    save: [] as [FakeWindow, SaveDialogOptions][],
    open: [] as [FakeWindow, OpenDialogOptions][],
    pdf: [] as PrintToPDFOptions[],
    reads: [] as string[],
  };
  const window: FakeWindow = {
    name: 'the Rungs window',
    webContents: {
      printToPDF: async (options) => {
        calls.pdf.push(options);
        return new TextEncoder().encode('%PDF-1.7 fake');
      },
    },
  };
  let open: FakeWindow | null = window;
  const deps: ShellDeps<FakeWindow> = {
    dialog: {
      showSaveDialog: async (w, options) => {
        calls.save.push([w, options]);
        const path = answers.save;
        // Electron answers a cancel with canceled: true and an empty path.
        return path ? { canceled: false, filePath: path } : { canceled: true, filePath: '' };
      },
      showOpenDialog: async (w, options) => {
        calls.open.push([w, options]);
        const paths = answers.open;
        return paths ? { canceled: false, filePaths: paths } : { canceled: true, filePaths: [] };
      },
    },
    window: () => open,
    defaultDir: () => join(dir, 'Documents'),
    files: {
      writeFile: (path, data, options) => writeFile(path, data, options),
      readFile: (path) => {
        calls.reads.push(path);
        return readFile(path);
      },
      stat,
    },
  };
  const handlers = createShellHandlers(deps);
  return { dir, calls, window, handlers, closeWindow: () => (open = null) };
}

describe('shell.saveFile', () => {
  it('cancelling the dialog saves nothing', async () => {
    const { handlers, calls, dir } = fakeShell({ save: null });
    await expect(handlers['shell.saveFile']({ suggestedName: 'roster.csv', kind: 'csv', text: 'a,b\n' })).resolves.toEqual({
      saved: false,
      path: null,
    });
    expect(calls.save).toHaveLength(1);
    expect(existsSync(join(dir, 'roster.csv'))).toBe(false);
  });

  it('asks over the window, filtered by kind, from the Documents folder, then writes the text to the chosen path', async () => {
    const target = join(tempDir(), 'team.csv');
    const { handlers, calls, window, dir } = fakeShell({ save: target });
    const text = '\uFEFFname,level\r\nNadia Ali,Junior\r\n';
    await expect(handlers['shell.saveFile']({ suggestedName: 'rungs-roster-2025-01-02.csv', kind: 'csv', text })).resolves.toEqual({
      saved: true,
      path: target,
    });
    expect(readFileSync(target, 'utf8')).toBe(text);
    const [parent, options] = calls.save[0]!;
    expect(parent).toBe(window);
    expect(options.defaultPath).toBe(join(dir, 'Documents', 'rungs-roster-2025-01-02.csv'));
    expect(options.filters).toEqual([{ name: 'CSV spreadsheet', extensions: ['csv'] }]);
    expect(options.properties).toContain('showOverwriteConfirmation');
  });

  it('adds the extension to a name typed without one, and then never overwrites', async () => {
    const folder = tempDir();
    const { handlers } = fakeShell({ save: join(folder, 'agenda') });
    await expect(handlers['shell.saveFile']({ suggestedName: 'agenda.md', kind: 'md', text: '# 1:1s\n' })).resolves.toEqual({
      saved: true,
      path: join(folder, 'agenda.md'),
    });
    expect(readFileSync(join(folder, 'agenda.md'), 'utf8')).toBe('# 1:1s\n');
    // The dialog confirmed "agenda", not "agenda.md": an existing agenda.md is left alone.
    const again = handlers['shell.saveFile']({ suggestedName: 'agenda.md', kind: 'md', text: 'other' });
    await expect(again).rejects.toMatchObject({ code: 'file', message: expect.stringMatching(/already exists/) });
    expect(readFileSync(join(folder, 'agenda.md'), 'utf8')).toBe('# 1:1s\n');
  });

  it('a folder it cannot write to is a typed file error naming the path', async () => {
    const target = join(tempDir(), 'no-such-folder', 'x.json');
    const { handlers } = fakeShell({ save: target });
    await expect(handlers['shell.saveFile']({ suggestedName: 'x.json', kind: 'json', text: '{}' })).rejects.toMatchObject({
      code: 'file',
      message: expect.stringContaining(target),
    });
  });

  it('without a window it refuses instead of opening an unparented dialog', async () => {
    const { handlers, calls, closeWindow } = fakeShell({ save: '/tmp/never.csv' });
    closeWindow();
    await expect(handlers['shell.saveFile']({ suggestedName: 'x.csv', kind: 'csv', text: '' })).rejects.toMatchObject({ code: 'conflict' });
    expect(calls.save).toHaveLength(0);
  });
});

describe('shell.openFile', () => {
  it('cancelling the dialog opens nothing', async () => {
    const { handlers, calls } = fakeShell({ open: null });
    await expect(handlers['shell.openFile']({ kind: 'csv' })).resolves.toBeNull();
    expect(calls.reads).toEqual([]);
  });

  it('reads the picked file’s bytes as they are on disk (decoding is shared/decode.ts’s), asked over the window with the kind’s filter', async () => {
    const path = join(tempDir(), 'hr-export.csv');
    // Windows-1252: "Zoë" is one byte, 0xEB, which a UTF-8 reader would turn into U+FFFD.
    const bytes = Uint8Array.from([...Buffer.from('name,level\nZo'), 0xeb, ...Buffer.from(' Brandt,Sr\n')]);
    writeFileSync(path, bytes);
    const { handlers, calls, window } = fakeShell({ open: [path] });
    await expect(handlers['shell.openFile']({ kind: 'csv' })).resolves.toEqual({
      name: 'hr-export.csv',
      bytes: Buffer.from(bytes).toString('base64'),
    });
    const [parent, options] = calls.open[0]!;
    expect(parent).toBe(window);
    expect(options.filters).toEqual([{ name: 'CSV, TSV or Excel workbook', extensions: ['csv', 'tsv', 'xlsx'] }]);
    expect(options.properties).toEqual(['openFile']);
  });

  it(`refuses a file over ${MAX_OPEN_BYTES / 1024 / 1024} MB without reading it`, async () => {
    const path = join(tempDir(), 'holiday.json');
    writeFileSync(path, Buffer.alloc(MAX_OPEN_BYTES + 1, 0x20));
    const { handlers, calls } = fakeShell({ open: [path] });
    await expect(handlers['shell.openFile']({ kind: 'json' })).rejects.toMatchObject({
      code: 'file',
      message: 'holiday.json is 16.0 MB; Rungs opens files up to 16.0 MB. Is it the right file?',
    });
    expect(calls.reads).toEqual([]);
  });

  it('a folder or a vanished file is a typed file error', async () => {
    const folder = tempDir();
    mkdirSync(join(folder, 'sub.csv'));
    const { handlers } = fakeShell({ open: [join(folder, 'sub.csv')] });
    await expect(handlers['shell.openFile']({ kind: 'csv' })).rejects.toMatchObject({ code: 'file', message: /that is a folder/ });
    const gone = fakeShell({ open: [join(folder, 'gone.csv')] });
    await expect(gone.handlers['shell.openFile']({ kind: 'csv' })).rejects.toMatchObject({ code: 'file', message: /does not exist/ });
  });
});

describe('shell.saveReportPdf', () => {
  it('cancelling the dialog prints nothing', async () => {
    const { handlers, calls } = fakeShell({ save: null });
    await expect(handlers['shell.saveReportPdf']({ quarterName: 'Q3 2025' })).resolves.toEqual({ saved: false, path: null });
    expect(calls.pdf).toEqual([]);
  });

  it('prints the window to an A4 PDF with backgrounds and the stylesheet’s page rules, and writes it', async () => {
    const target = join(tempDir(), 'report.pdf');
    const { handlers, calls, dir } = fakeShell({ save: target });
    await expect(handlers['shell.saveReportPdf']({ quarterName: 'Q3 2025/26' })).resolves.toEqual({ saved: true, path: target });
    expect(calls.pdf).toEqual([
      { pageSize: 'A4', printBackground: true, preferCSSPageSize: true, generateTaggedPDF: true, generateDocumentOutline: true },
    ]);
    expect(readFileSync(target, 'latin1')).toBe('%PDF-1.7 fake');
    const options = calls.save[0]![1];
    // A slash in the quarter's name must not become a folder.
    expect(options.defaultPath).toBe(join(dir, 'Documents', 'Staffing report Q3 2025-26.pdf'));
    expect(options.filters).toEqual([{ name: 'PDF document', extensions: ['pdf'] }]);
  });

  it("one team's report is named after the team", async () => {
    const { handlers, calls, dir } = fakeShell({ save: null });
    await handlers['shell.saveReportPdf']({ quarterName: 'Q3 2025', teamName: 'Checkout' });
    expect(calls.save[0]![1].defaultPath).toBe(join(dir, 'Documents', 'Staffing report Q3 2025 Checkout.pdf'));
  });
});

describe('file names proposed to the dialog', () => {
  it.each([
    ['rungs-plan-q3.csv', 'csv', 'rungs-plan-q3.csv'],
    ['../../etc/passwd', 'csv', 'etc-passwd.csv'],
    ['C:\\Windows\\win.ini', 'md', 'C-Windows-win.ini.md'],
    ['\u0000\u001f', 'json', 'rungs.json'],
    ['...', 'pdf', 'rungs.pdf'],
  ])('%j → %s', (name, ext, expected) => {
    expect(safeFileName(name, ext)).toBe(expected);
  });
});

describe('Electron’s IPC door for the shell channels', () => {
  const notCalled = () => {
    throw new Error('the roster was asked');
  };

  it('validates with the contract before a dialog opens', async () => {
    const { handlers, calls } = fakeShell({ save: '/tmp/x.csv' });
    const dispatch = createShellDispatch(handlers, notCalled);
    const r = await dispatch('shell.saveFile', { suggestedName: 'x.csv', kind: 'exe', text: 'MZ' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: /Invalid request for shell\.saveFile: kind/ } });
    expect(await dispatch('shell.openFile', { kind: 'csv', path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(calls.save).toHaveLength(0);
    expect(calls.open).toHaveLength(0);
  });

  it('answers the shell channels itself and passes every other channel to the roster', async () => {
    const { dispatchUnknown } = tempRoster();
    const { handlers } = fakeShell({ open: null });
    const dispatch = createShellDispatch(handlers, dispatchUnknown);
    expect(await dispatch('shell.features', {})).toEqual({ ok: true, value: { nativeFiles: true, pdf: true } });
    expect(await dispatch('shell.openFile', { kind: 'json' })).toEqual({ ok: true, value: null });
    expect(await dispatch('export.rosterCsv', {})).toMatchObject({ ok: true, value: { mediaType: 'text/csv' } });
    expect(await dispatch('db.exec', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('a handler’s refusal crosses as its typed error', async () => {
    const { handlers } = fakeShell({ save: join(tempDir(), 'missing', 'r.pdf') });
    const r = await createShellDispatch(handlers, notCalled)('shell.saveReportPdf', { quarterName: 'Q1' });
    expect(r).toMatchObject({ ok: false, error: { code: 'file' } });
  });
});

describe('the browser host has no shell: every shell channel answers "unsupported" and changes nothing', () => {
  it.each(SHELL_CHANNELS)('%s through the dispatcher', (channel) => {
    const { db, dispatchUnknown } = tempRoster();
    const before = rowCounts(db);
    const r = dispatchUnknown(channel, CHANNEL_SAMPLES[channel](db));
    expect(r).toMatchObject({ ok: false, error: { code: 'unsupported', message: /download, file picker and print/ } });
    expect(rowCounts(db)).toEqual(before);
  });

  it('over HTTP, as the renderer sees it', async () => {
    const { db, dispatchUnknown } = tempRoster();
    const staticDir = tempDir();
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
    const host = await startHost({ dispatch: dispatchUnknown, staticDir, token: 't'.repeat(43) });
    try {
      const before = rowCounts(db);
      const res = await fetch(`${host.origin}/api/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-rungs-token': 't'.repeat(43) },
        body: JSON.stringify({ channel: 'shell.saveFile', request: CHANNEL_SAMPLES['shell.saveFile'](db) }),
      });
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unsupported' } });
      expect(rowCounts(db)).toEqual(before);
    } finally {
      await host.close();
    }
  });
});
