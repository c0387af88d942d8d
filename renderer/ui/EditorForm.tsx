import type { ReactNode } from 'react';
import { useDismissable } from '../focus.ts';

/**
 * The frame every editor shares: heading, the server's refusal, the fields, then Save and Cancel.
 * Escape cancels (useDismissable) and returns focus to whatever opened the editor. An add form can
 * offer "Add and add another": the form stays open, cleared by its owner, with focus back on its
 * first field, so a lead types a list in without reopening it each time.
 */
export function EditorForm({
  title,
  formError,
  submitLabel,
  onSubmit,
  onCancel,
  children,
  after,
  onSubmitAnother,
}: {
  title: string;
  formError: string | null;
  submitLabel: string;
  onSubmit: () => Promise<void>;
  onCancel: () => void;
  children: ReactNode;
  /** Shown between the fields and the buttons, e.g. a confirmation of what saving will do. */
  after?: ReactNode;
  /** Adds, then resolves true once the form is cleared for the next one. */
  onSubmitAnother?: () => Promise<boolean>;
}) {
  const ref = useDismissable<HTMLFormElement>(onCancel);
  const another = async () => {
    if (!onSubmitAnother || !(await onSubmitAnother())) return;
    ref.current?.querySelector<HTMLElement>('.editor-fields :is(input, select, textarea)')?.focus();
  };
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
        {onSubmitAnother && (
          <button type="button" onClick={() => void another()}>
            Add and add another
          </button>
        )}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
