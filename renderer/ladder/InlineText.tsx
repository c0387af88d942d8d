import { useState } from 'react';

/**
 * A text edited in place: it saves when it loses focus or on Enter (a one-line field), and only
 * when it changed; Escape puts the saved text back. A refused save shows the saved text again.
 */
export function InlineText({
  value,
  label,
  onSave,
  multiline = false,
}: {
  value: string;
  label: string;
  onSave: (next: string) => Promise<boolean>;
  multiline?: boolean;
}) {
  const [draft, setDraft] = useState(value);
  // A new saved text (this edit's reply, an undo) replaces the draft: React's "adjust state on a prop change".
  const [saved, setSaved] = useState(value);
  if (saved !== value) {
    setSaved(value);
    setDraft(value);
  }
  const commit = async () => {
    if (draft.trim() === value.trim()) return;
    if (!(await onSave(draft.trim()))) setDraft(value);
  };
  const keys = (e: React.KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Escape') setDraft(value);
    if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void commit();
    }
  };
  return multiline ? (
    <textarea
      aria-label={label}
      value={draft}
      rows={3}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => void commit()}
      onKeyDown={keys}
    />
  ) : (
    <input aria-label={label} value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={() => void commit()} onKeyDown={keys} />
  );
}
