// Small words the product writes around numbers and names. One place, so "1 pts" and
// "a Intern" cannot creep back one screen at a time.

// Made on first use: building it loads ICU's number data, ~10–30 ms of the roster thread's start-up
// (a CPU profile of the host), before any number of four digits is ever written.
let grouped: Intl.NumberFormat | undefined;

/**
 * A number as the lead reads it: "3", "1,000". Small whole numbers (every lane's points) skip the
 * formatter, which each board render calls thousands of times (each lane's load, part by part).
 */
export const count = (n: number): string =>
  Number.isInteger(n) && n > -1000 && n < 1000 ? String(n) : (grouped ??= new Intl.NumberFormat('en')).format(n);

/** The noun that agrees with a count, without the count: "Missing column" or "Missing columns". */
export const noun = (n: number, one: string, many = `${one}s`): string => (n === 1 ? one : many);

/** "1 pt", "3 pts", "1 story", "2 stories": the count and its noun, agreed. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${noun(n, one, many)}`;

/** A load in points, against a capacity when there is one: "3 / 10 pts", "1 pt". */
export const loadText = (load: number, capacity: number | null): string =>
  capacity === null ? plural(load, 'pt') : `${load} / ${plural(capacity, 'pt')}`;

/** Over capacity: more points than the capacity, when there is one (none means no limit). */
export const isOverCapacity = (load: number, capacity: number | null): capacity is number => capacity !== null && load > capacity;

/** An engineer's load against their capacity, saying so in words when it is over ("11 / 10 pts (over capacity)"), not by colour alone. */
export const loadAgainstCapacity = (load: number, capacity: number | null): string =>
  `${loadText(load, capacity)}${isOverCapacity(load, capacity) ? ' (over capacity)' : ''}`;

// Letters whose spoken name starts with a vowel sound: "an L3", "an IC2", but "a T5".
const VOWEL_SOUND_LETTERS = new Set([...'AEFHILMNORSX']);

/**
 * The indefinite article for a word: "an Intern", "a Junior". A ladder's own level names are
 * often initialisms (IC1, L3), read letter by letter, so those take the article of the letter's name.
 */
export function article(word: string): 'a' | 'an' {
  const w = word.trim();
  if (/^[A-Z]{1,3}\d|^[A-Z]{2,4}$/.test(w)) return VOWEL_SOUND_LETTERS.has(w[0]!) ? 'an' : 'a';
  return /^[aeiou]/i.test(w) ? 'an' : 'a';
}

/** "an Intern", "a Mid". */
export const withArticle = (word: string): string => `${article(word)} ${word}`;
