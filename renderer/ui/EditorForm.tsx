import type { ReactNode } from 'react';
import { useDismissable } from '../focus.ts';

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
