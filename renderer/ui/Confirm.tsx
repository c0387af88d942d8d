import { type ReactNode, useId } from 'react';
import { useDismissable } from '../focus.ts';

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
