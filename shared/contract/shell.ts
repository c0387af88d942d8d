import { z } from 'zod';
import { Name } from '../schemas.ts';
import { channel } from './channel.ts';
import { longestLine } from '../text-file.ts';

// What only a desktop shell can do: native save and open dialogs, and a PDF of the report.
// These channels are answered by the transport, not by the data layer: Electron implements them
// (electron/shell.ts); the dispatcher, and so the browser host, answers each with the typed error
// 'unsupported', and the renderer falls back to a download, a file input and window.print()
// (renderer/files.ts). The requests are still validated here, at the boundary, on both transports.

export const FILE_KINDS = ['csv', 'json', 'md'] as const;
export const FileKind = z.enum(FILE_KINDS);
export type FileKind = z.infer<typeof FileKind>;

/** Larger than any roster, backlog or JSON export Rungs writes; a file past it is refused unread. */
export const MAX_OPEN_BYTES = 16 * 1024 * 1024;
/** Rungs saves only line-oriented text (CSV, indented JSON, Markdown), so a longer line is not one of its files. */
export const MAX_SAVED_LINE = 65_536;
const MAX_SAVED_CHARS = 64 * 1024 * 1024;

/** A file name proposed to the save dialog; the lead can change it there. */
const SuggestedName = z.string().trim().min(1, 'Name the file').max(200, 'At most 200 characters');

const Saved = z.strictObject({
  /** False when the lead cancelled the dialog. */
  saved: z.boolean(),
  /** Where the file went, to tell the lead; null when nothing was saved. */
  path: z.string().nullable(),
});

export const shellContract = {
  /** What this transport can do natively; the browser host answers 'unsupported'. */
  'shell.features': channel({
    request: z.strictObject({}),
    response: z.strictObject({ nativeFiles: z.boolean(), pdf: z.boolean() }),
    mutates: false,
  }),
  /** Ask where to save, then write the text there (UTF-8). */
  'shell.saveFile': channel({
    request: z.strictObject({
      suggestedName: SuggestedName,
      kind: FileKind,
      text: z
        .string()
        .max(MAX_SAVED_CHARS, 'The file is larger than 64 MB.')
        .refine(
          (t) => longestLine(t) <= MAX_SAVED_LINE,
          `A line is longer than ${MAX_SAVED_LINE} characters; Rungs does not write such files.`,
        ),
    }),
    response: Saved,
    mutates: false,
  }),
  /**
   * Ask for a file of this kind and read its bytes, as base64; null when the lead cancelled. Bytes,
   * not text: how they are text is shared/decode.ts's decision, the same under every transport.
   */
  'shell.openFile': channel({
    request: z.strictObject({ kind: FileKind }),
    response: z.strictObject({ name: z.string(), bytes: z.string() }).nullable(),
    mutates: false,
  }),
  /**
   * Ask where to save, then print the window (showing the report, print stylesheet applied) to an
   * A4 PDF. A report of one team names it, so the file is named after it too.
   */
  'shell.saveReportPdf': channel({
    request: z.strictObject({ quarterName: Name, teamName: Name.optional() }),
    response: Saved,
    mutates: false,
  }),
};

export type ShellChannel = keyof typeof shellContract;
export const SHELL_CHANNELS = Object.keys(shellContract) as ShellChannel[];
export const isShellChannel = (name: unknown): name is ShellChannel => typeof name === 'string' && Object.hasOwn(shellContract, name);

/** The dispatcher's answer on a transport without a shell (the browser host). */
export const UNSUPPORTED_MESSAGE =
  'This host has no native file dialogs or PDF printing; Rungs uses the browser’s download, file picker and print instead.';
