import { basename, extname, join } from 'node:path';
import type {
  FileFilter,
  OpenDialogOptions,
  OpenDialogReturnValue,
  PrintToPDFOptions,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import type { ParsedRequestOf, ResponseOf } from '../shared/contract/index.ts';
import { type FileKind, MAX_OPEN_BYTES, type ShellChannel, isShellChannel } from '../shared/contract/shell.ts';
import { parseRequest } from '../shared/contract/validate.ts';
import { toBase64 } from '../shared/decode.ts';
import { type Result, RungsError } from '../shared/errors.ts';

// Electron's answers to the shell channels (shared/contract/shell.ts): native save and open dialogs
// parented to the window, and the report as an A4 PDF. Electron and the file system come in as
// arguments (this file imports nothing from Electron at run time), so unit tests drive it with fakes
// and Playwright's _electron can stub `dialog` in the running app.

/** The part of a BrowserWindow the shell uses: a parent for dialogs, and its page to print. */
export type ShellWindow<W = unknown> = W & { webContents: { printToPDF: (options: PrintToPDFOptions) => Promise<Uint8Array> } };

export type ShellDeps<W> = {
  /** Electron's `dialog` module; its methods are looked up on every call, so a test can replace them. */
  dialog: {
    showSaveDialog: (window: W, options: SaveDialogOptions) => Promise<SaveDialogReturnValue>;
    showOpenDialog: (window: W, options: OpenDialogOptions) => Promise<OpenDialogReturnValue>;
  };
  /** The Rungs window; null before it exists or after it closed. */
  window: () => ShellWindow<W> | null;
  /** Where save dialogs start (the lead's Documents folder). */
  defaultDir: () => string;
  files: {
    writeFile: (path: string, data: string | Uint8Array, options: { flag: 'w' | 'wx' }) => Promise<void>;
    readFile: (path: string) => Promise<Uint8Array>;
    stat: (path: string) => Promise<{ size: number; isFile: () => boolean }>;
  };
};

export type ShellHandlers = { [K in ShellChannel]: (input: ParsedRequestOf<K>) => Promise<ResponseOf<K>> };

const FILTERS: Record<FileKind | 'pdf', FileFilter[]> = {
  csv: [{ name: 'CSV spreadsheet', extensions: ['csv'] }],
  json: [{ name: 'Rungs JSON export', extensions: ['json'] }],
  md: [{ name: 'Markdown', extensions: ['md'] }],
  pdf: [{ name: 'PDF document', extensions: ['pdf'] }],
};

/** The A4 PDF of the report; report.css's @page rules (size, margins) and print styles apply. */
export const REPORT_PDF_OPTIONS: PrintToPDFOptions = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  // Tagged, with an outline from the headings: the PDF reads aloud and navigates like the screen.
  generateTaggedPDF: true,
  generateDocumentOutline: true,
};

/** A name for the save dialog to propose: one path segment, no control characters. */
export function safeFileName(name: string, extension: string): string {
  const cleaned = name
    // oxlint-disable-next-line no-control-regex -- control characters are exactly what must not reach a file name.
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '-')
    .replace(/^[.\s-]+/, '')
    .trim()
    .slice(0, 150);
  const stem = cleaned || 'rungs';
  return extname(stem).toLowerCase() === `.${extension}` ? stem : `${stem}.${extension}`;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function fileError(action: string, path: string, error: unknown): RungsError {
  const code = (error as { code?: unknown }).code;
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOENT'
        ? 'the file or folder does not exist'
        : code === 'ENOSPC'
          ? 'the disk is full'
          : code === 'EEXIST'
            ? 'a file of that name already exists; choose another name'
            : code === 'EISDIR'
              ? 'that is a folder'
              : error instanceof Error
                ? error.message
                : String(error);
  return new RungsError('file', `Rungs could not ${action} ${path}: ${why}.`);
}

export function createShellHandlers<W>(deps: ShellDeps<W>): ShellHandlers {
  const parent = (): ShellWindow<W> => {
    const w = deps.window();
    if (!w) throw new RungsError('conflict', 'The Rungs window is not open.');
    return w;
  };

  /** Ask where to save; null when cancelled. A name typed without an extension gets the kind's. */
  const askWhere = async (
    window: W,
    title: string,
    name: string,
    kind: FileKind | 'pdf',
  ): Promise<{ path: string; appended: boolean } | null> => {
    const r = await deps.dialog.showSaveDialog(window, {
      title,
      defaultPath: join(deps.defaultDir(), safeFileName(name, kind)),
      filters: FILTERS[kind],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (r.canceled || !r.filePath) return null;
    if (extname(r.filePath) !== '') return { path: r.filePath, appended: false };
    return { path: `${r.filePath}.${kind}`, appended: true };
  };

  const write = async (where: { path: string; appended: boolean }, data: string | Uint8Array) => {
    try {
      // The dialog confirmed overwriting the name it showed, not one with an extension added after it.
      await deps.files.writeFile(where.path, data, { flag: where.appended ? 'wx' : 'w' });
    } catch (error) {
      throw fileError('save', where.path, error);
    }
  };

  return {
    'shell.features': async () => ({ nativeFiles: true, pdf: true }),

    'shell.saveFile': async ({ suggestedName, kind, text }) => {
      const window = parent();
      const where = await askWhere(window, 'Save a copy', suggestedName, kind);
      if (!where) return { saved: false, path: null };
      await write(where, text);
      return { saved: true, path: where.path };
    },

    'shell.openFile': async ({ kind }) => {
      const window = parent();
      const r = await deps.dialog.showOpenDialog(window, {
        title: kind === 'json' ? 'Open a Rungs JSON export' : 'Open a CSV file or Excel workbook',
        defaultPath: deps.defaultDir(),
        // GitHub Projects exports its view as tab-separated text: a backlog may come as .tsv.
        filters: kind === 'csv' ? [{ name: 'CSV, TSV or Excel workbook', extensions: ['csv', 'tsv', 'xlsx'] }] : FILTERS[kind],
        properties: ['openFile'],
      });
      const path = r.filePaths[0];
      if (r.canceled || !path) return null;
      let data: Uint8Array;
      try {
        const info = await deps.files.stat(path);
        if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
        // Checked before reading: a wrong pick (a video, a disk image) is refused without loading it.
        if (info.size > MAX_OPEN_BYTES) {
          throw new RungsError(
            'file',
            `${basename(path)} is ${megabytes(info.size)}; Rungs opens files up to ${megabytes(MAX_OPEN_BYTES)}. Is it the right file?`,
          );
        }
        data = await deps.files.readFile(path);
      } catch (error) {
        if (error instanceof RungsError) throw error;
        throw fileError('open', path, error);
      }
      // The bytes as they are on disk: the renderer's file input gives the same, and shared/decode.ts reads both.
      return { name: basename(path), bytes: toBase64(data) };
    },

    'shell.saveReportPdf': async ({ quarterName, teamName }) => {
      const window = parent();
      const name = teamName === undefined ? `Staffing report ${quarterName}` : `Staffing report ${quarterName} ${teamName}`;
      const where = await askWhere(window, 'Save the staffing report', name, 'pdf');
      if (!where) return { saved: false, path: null };
      // Printed after the dialog closes, from the page as it is: the report screen the button is on.
      const pdf = await window.webContents.printToPDF(REPORT_PDF_OPTIONS);
      await write(where, pdf);
      return { saved: true, path: where.path };
    },
  };
}

function errorData(channel: string, error: unknown): Result<never> {
  if (error instanceof RungsError) return { ok: false, error: error.toData() };
  console.error(`[rungs] ${channel} failed:`, error);
  return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
}

/**
 * Route one IPC request: a shell channel to the handlers above (validated by the same contract
 * schema first), every other channel to the roster's dispatcher (in Electron, the roster process).
 */
export function createShellDispatch(
  handlers: ShellHandlers,
  dispatchUnknown: (channel: unknown, request: unknown) => Result<unknown> | Promise<Result<unknown>>,
): (channel: unknown, request: unknown) => Promise<Result<unknown>> {
  return async (channel, request) => {
    if (!isShellChannel(channel)) return dispatchUnknown(channel, request);
    try {
      const input = parseRequest(channel, request);
      const value = await (handlers[channel] as (input: unknown) => Promise<unknown>)(input);
      return { ok: true, value };
    } catch (error) {
      return errorData(channel, error);
    }
  };
}
