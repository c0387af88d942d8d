import { timingSafeEqual } from 'node:crypto';

/** Constant-time comparison; lengths differ only for a wrong token, which leaks nothing useful. */
export function tokenMatches(given: string | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
