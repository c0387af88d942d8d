import type { z } from 'zod';
import type { Result, RungsErrorData } from '../../shared/errors.ts';

// Forms check with the same zod schemas as the IPC contract, and show each issue beside its field.

export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error?.issues ?? []) {
    const key = String(issue.path[0] ?? '');
    out[key] ??= issue.message;
  }
  return out;
}

/** Server refusals carry zod issues too (invalid_input); map them the same way. */
export function serverErrors(error: RungsErrorData): { fields: FieldErrors; message: string } {
  const fields: FieldErrors = {};
  for (const i of error.issues ?? []) fields[i.path.split('.')[0] ?? ''] ??= i.message;
  return { fields, message: error.message };
}

/**
 * A form's answer from the roster: true when it was stored; a refusal goes beside the fields it
 * names and into the form's own message (a form's refusals are its own, not a notice).
 */
export function storedOrShown(
  r: Result<unknown>,
  setErrors: (fields: FieldErrors) => void,
  setFormError: (message: string | null) => void,
): boolean {
  if (r.ok) return true;
  const e = serverErrors(r.error);
  setErrors(e.fields);
  setFormError(e.message);
  return false;
}

/** Points typed in a text box: empty is "not set", anything else must parse as a number. */
export const pointsFromText = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));
