import type { z } from 'zod';

/** One IPC channel: its request and response schemas, and whether it writes. */
export type Channel = {
  request: z.ZodType;
  response: z.ZodType;
  /** Mutations run in one transaction and land in the change log. */
  mutates: boolean;
};

export const channel = <C extends Channel>(spec: C): C => spec;

/**
 * Merge domain contracts into one, refusing a name declared twice
 * (a silent override would route a channel to the wrong handler).
 */
export function mergeContracts<A extends Record<string, Channel>, B extends Record<string, Channel>>(a: A, b: B): A & B {
  for (const name of Object.keys(b)) {
    if (Object.hasOwn(a, name)) throw new Error(`IPC channel declared twice: ${name}`);
  }
  return { ...a, ...b };
}
