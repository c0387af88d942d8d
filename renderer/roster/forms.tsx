import { type ReactNode, useId } from 'react';
import { useDismissable } from '../focus.ts';
import type { z } from 'zod';
import type { RungsErrorData } from '../../shared/errors.ts';

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

/** A labelled field with its inline error, wired with aria-invalid and aria-describedby. */
export function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: (a11y: object) => ReactNode;
}) {
  const errorId = `${id}-error`;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined })}
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/**
 * The frame every editor shares: heading, the server's refusal, the fields, then Save and Cancel.
 * Escape cancels (useDismissable) and returns focus to whatever opened the editor.
 */
export function EditorForm({
  title,
  formError,
  submitLabel,
  onSubmit,
  onCancel,
  children,
  after,
}: {
  title: string;
  formError: string | null;
  submitLabel: string;
  onSubmit: () => Promise<void>;
  onCancel: () => void;
  children: ReactNode;
  /** Shown between the fields and the buttons, e.g. a confirmation of what saving will do. */
  after?: ReactNode;
}) {
  const ref = useDismissable<HTMLFormElement>(onCancel);
  return (
    <form
      ref={ref}
      className="editor"
      aria-label={title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      <h3>{title}</h3>
      {formError && (
        <p role="alert" className="error-banner">
          {formError}
        </p>
      )}
      <div className="editor-fields">{children}</div>
      {after}
      <div className="form-actions">
        <button type="submit" className="primary">
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Points typed in a text box: empty is "not set", anything else must parse as a number. */
export const pointsFromText = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));

/** Ask before a change that does more than it says; the impact text comes from the main process. */
export function Confirm({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  danger = true,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Most confirmations are of something that takes work away; a promotion is not. */
  danger?: boolean;
}) {
  const ref = useDismissable<HTMLDivElement>(onCancel);
  const bodyId = useId();
  return (
    <div ref={ref} role="alertdialog" aria-label={title} aria-describedby={bodyId} className="confirm">
      <h3>{title}</h3>
      <div id={bodyId}>{children}</div>
      <div className="form-actions">
        <button type="button" className={danger ? 'danger' : undefined} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
      </div>
    </div>
  );
}
