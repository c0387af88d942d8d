// Finding a person by typing part of their name. A lead types on whatever keyboard is at hand, so
// "jose" must find "José" and "ANA" must find "Ana": case and accents are folded away on both sides.

/**
 * Names, teams and titles match whatever their case and surrounding spaces (imports, and namesakes),
 * and whichever of Unicode's two ways writes an accented letter: "ë" as one character, or "e" and a
 * combining mark, as files saved on a Mac often have it. Both are the same name to a lead.
 */
export const matchKey = (s: string): string => s.normalize('NFC').trim().toLowerCase();

/** The name as it is compared: decomposed (NFD), combining marks dropped, lower case. */
export const foldName = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').trim();

/**
 * The people whose name contains what was typed, folded; those whose name, or one of its words,
 * starts with it come first, in their given order otherwise. An empty query keeps everyone.
 * `nameOf` is the name a person is shown by (a namesake's label, which the id in it also finds).
 */
export function filterByName<T extends { name: string }>(
  people: readonly T[],
  query: string,
  nameOf: (p: T) => string = (p) => p.name,
): T[] {
  const q = foldName(query);
  if (q === '') return [...people];
  const starts: T[] = [];
  const contains: T[] = [];
  for (const p of people) {
    const name = foldName(nameOf(p));
    if (name.startsWith(q) || name.split(/\s+/).some((w) => w.startsWith(q))) starts.push(p);
    else if (name.includes(q)) contains.push(p);
  }
  return [...starts, ...contains];
}
