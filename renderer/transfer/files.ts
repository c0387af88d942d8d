// File reading and writing live in the renderer, on the File API and Blob, so the Electron shell
// and the browser host share them: the main process only ever sees and returns text.

export type TextFile = { filename: string; mediaType: string; text: string };

/** Save a file the way a browser does: a download. (Electron shows its save dialog for it.) */
export function download(file: TextFile): void {
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

/** Read a picked file as text (UTF-8; a byte-order mark is left for the parser to drop). */
export const readText = (file: File): Promise<string> => file.text();

/**
 * What to show for a refused request. A file the schema refuses carries the schema's own sentence
 * ("The file ends in the middle…") as its first issue; the message around it names the channel.
 */
export const shownError = (error: { message: string; issues?: { message: string }[] | undefined }): string =>
  error.issues?.[0]?.message ?? error.message;
