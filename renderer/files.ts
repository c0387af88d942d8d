import { type ChangeEvent, type MouseEvent, useEffect, useState } from 'react';
import { type FileKind, MAX_OPEN_BYTES } from '../shared/contract/shell.ts';
import { savedCsv } from '../shared/csv.ts';
import { fromBase64 } from '../shared/decode.ts';
import type { Result } from '../shared/errors.ts';
import { api } from './api.ts';

// Every file Rungs saves or opens, and the report's PDF, go through here. Where the transport has a
// shell (Electron), its channels show native dialogs and print to PDF; where it answers
// 'unsupported' (the browser host), the page falls back to a download, a file input and
// window.print(). Screens call these and never build a download themselves.

export type TextFile = { filename: string; mediaType: string; text: string };
/** A picked file's bytes, undecoded: shared/decode.ts decides how they are text, never File.text(). */
export type PickedFile = { name: string; bytes: Uint8Array };
export type ShellFeatures = { nativeFiles: boolean; pdf: boolean };
/** saved false: the lead cancelled. path: where it went, when the shell knows (a download does not say). */
export type SaveOutcome = { saved: boolean; path: string | null };

const NONE: ShellFeatures = { nativeFiles: false, pdf: false };

// Asked once per page; a file input's click handler must decide synchronously, so the answer is kept.
let known: ShellFeatures = NONE;
let asking: Promise<ShellFeatures> | null = null;

export function shellFeatures(): Promise<ShellFeatures> {
  asking ??= api['shell.features']({}).then((r) => {
    known = r.ok ? r.value : NONE;
    return known;
  });
  return asking;
}

/** What the shell offers; no native features until it has answered. */
export function useShellFeatures(): ShellFeatures {
  const [features, setFeatures] = useState(known);
  useEffect(() => {
    let live = true;
    void shellFeatures().then((f) => live && setFeatures(f));
    return () => {
      live = false;
    };
  }, []);
  return features;
}

/** The shell said it has no such service after all: use the browser's way from now on. */
const unsupported = <T>(r: Result<T>): boolean => !r.ok && r.error.code === 'unsupported';

const KIND_BY_EXTENSION: Record<string, FileKind> = { csv: 'csv', json: 'json', md: 'md' };

/** Save a file the way a browser does: a download into the browser's downloads folder. */
function download(file: TextFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mediaType};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the download a moment to start before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Save text: the shell's save dialog, or a download. */
export async function saveTextFile(given: TextFile): Promise<Result<SaveOutcome>> {
  const kind = KIND_BY_EXTENSION[given.filename.split('.').pop()?.toLowerCase() ?? ''];
  // The same bytes by either way: a save dialog or a download.
  const file = kind === 'csv' ? { ...given, text: savedCsv(given.text) } : given;
  if ((await shellFeatures()).nativeFiles && kind) {
    const r = await api['shell.saveFile']({ suggestedName: file.filename, kind, text: file.text });
    if (!unsupported(r)) return r;
    known = { ...known, nativeFiles: false };
  }
  download(file);
  return { ok: true, value: { saved: true, path: null } };
}

/** The report as a PDF (of one team, when it covers one): the shell's save dialog and printToPDF, or the browser's print dialog. */
export async function saveReportPdf(quarterName: string, teamName?: string): Promise<Result<SaveOutcome>> {
  if ((await shellFeatures()).pdf) {
    const r = await api['shell.saveReportPdf'](teamName === undefined ? { quarterName } : { quarterName, teamName });
    if (!unsupported(r)) return r;
    known = { ...known, pdf: false };
  }
  // The print stylesheet (report/report.css) leaves only the report on the page.
  window.print();
  return { ok: true, value: { saved: false, path: null } };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Read the bytes of a file the browser's input picked, with the shell's size limit. */
export async function readPickedFile(file: File): Promise<Result<PickedFile>> {
  if (file.size > MAX_OPEN_BYTES) {
    return {
      ok: false,
      error: {
        code: 'file',
        message: `${file.name} is ${megabytes(file.size)}; Rungs opens files up to ${megabytes(MAX_OPEN_BYTES)}. Is it the right file?`,
      },
    };
  }
  return { ok: true, value: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
}

/**
 * The handlers for an `<input type="file">`: with a shell, a click opens its native dialog instead of
 * the browser's; without one, the input works as usual. Either way onPicked gets the name and bytes.
 */
export function filePicker(
  kind: FileKind,
  onPicked: (file: PickedFile) => void,
  onError: (message: string) => void,
): { onClick: (e: MouseEvent<HTMLInputElement>) => void; onChange: (e: ChangeEvent<HTMLInputElement>) => void } {
  return {
    onClick: (e) => {
      if (!known.nativeFiles) return;
      e.preventDefault();
      const input = e.currentTarget;
      void api['shell.openFile']({ kind }).then((r) => {
        if (r.ok) {
          if (r.value) onPicked({ name: r.value.name, bytes: fromBase64(r.value.bytes) ?? new Uint8Array() });
        } else if (unsupported(r)) {
          known = { ...known, nativeFiles: false };
          input.click();
        } else onError(r.error.message);
      });
    },
    onChange: (e) => {
      const f = e.target.files?.[0];
      // Cleared, so the same file can be picked again after fixing it.
      e.target.value = '';
      if (!f) return;
      void readPickedFile(f).then((r) => (r.ok ? onPicked(r.value) : onError(r.error.message)));
    },
  };
}

/**
 * What to show for a refused request. A file the schema refuses carries the schema's own sentence
 * ("The file ends in the middle…") as its first issue; the message around it names the channel.
 */
export const shownError = (error: { message: string; issues?: { message: string }[] | undefined }): string =>
  error.issues?.[0]?.message ?? error.message;

/** A sentence for the lead after a save; empty when there is nothing to say (a cancel, a download). */
export const savedNotice = (what: string, outcome: SaveOutcome): string =>
  outcome.saved && outcome.path ? `Saved ${what} to ${outcome.path}.` : '';
