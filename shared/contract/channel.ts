import type { z } from 'zod';

/** One IPC channel: its request and response schemas, and whether it writes. */
export type Channel = {
  request: z.ZodType;
  response: z.ZodType;
  /** Mutations run in one transaction and land in the change log. */
  mutates: boolean;
};

export const channel = <C extends Channel>(spec: C): C => spec;

type Merged<T extends readonly Record<string, Channel>[]> = T extends readonly [
  infer Head extends Record<string, Channel>,
  ...infer Rest extends Record<string, Channel>[],
]
  ? Head & Merged<Rest>
  : unknown;

/**
 * Merge domain contracts into one, refusing a name declared twice
 * (a silent override would route a channel to the wrong handler).
 */
export function mergeContracts<T extends readonly Record<string, Channel>[]>(...parts: T): Merged<T> {
  const merged: Record<string, Channel> = {};
  for (const part of parts) {
    for (const name of Object.keys(part)) {
      if (Object.hasOwn(merged, name)) throw new Error(`IPC channel declared twice: ${name}`);
      merged[name] = part[name]!;
    }
  }
  return merged as Merged<T>;
}
