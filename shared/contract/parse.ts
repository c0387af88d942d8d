import type { z } from 'zod';
import { RungsError } from '../errors.ts';

/**
 * A request checked against one channel's schema, or a typed 'invalid_input' naming the first
 * problem. Apart from validate.ts, which looks the schema up in the whole contract: a transport that
 * answers a few channels itself (the roster files) checks them without loading every schema, which
 * cost the browser host ~190 ms of its start-up.
 */
export function parseAgainst<S extends z.ZodType>(schema: S, channel: string, request: unknown): z.output<S> {
  let parsed: z.ZodSafeParseResult<z.output<S>>;
  try {
    parsed = schema.safeParse(request ?? {});
  } catch {
    // safeParse can still throw on values no JSON or structured clone makes (zod 4's length check
    // compares a null-prototype `length` with a number); such a request is invalid, not an internal fault.
    throw new RungsError('invalid_input', `Invalid request for ${channel}: a value is not of a kind Rungs reads.`);
  }
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const first = issues[0];
  throw new RungsError(
    'invalid_input',
    `Invalid request for ${channel}${first ? `: ${first.path ? first.path + ': ' : ''}${first.message}` : ''}`,
    issues,
  );
}
