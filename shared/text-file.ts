// Checks on the text of a file a lead picked or Rungs is about to save, shared by the transfer and shell contracts.

/** The longest line's length: Rungs' files are line-oriented, so a huge line means it is not one of them. */
export const longestLine = (text: string): number => {
  let longest = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      longest = Math.max(longest, i - start);
      start = i + 1;
    }
  }
  return longest;
};

/**
 * Text read from a binary file: NUL characters (never in a text file), or mostly U+FFFD, what a
 * UTF-8 reader puts in place of bytes that are not UTF-8.
 */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, 4096);
  let replaced = 0;
  for (const ch of sample) if (ch === '\uFFFD') replaced++;
  return sample.length > 0 && replaced / sample.length > 0.05;
}
