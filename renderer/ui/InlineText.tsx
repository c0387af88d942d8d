import { type KeyboardEvent, useState } from 'react';

type InlineTextProps = {
  value: string;
  /** The field's name: its accessible name, unless `id` ties it to a visible <label> of the caller's. */
  label: string;
  id?: string;
  multiline?: boolean;
  /** Stores the new text, trimmed. Resolving to false (a refusal) puts the stored text back. */
  onSave: (next: string) => unknown;
};

/**
 * A text edited in place: it saves when it loses focus or on Enter (Ctrl+Enter in a multi-line
 * one), and only when it changed, so tabbing through a form logs no change; Escape puts the stored
 * text back. The card panel and the Ladder screen both edit this way.
 */
export function InlineText({ value, label, id, multiline = false, onSave }: InlineTextProps) {
  const [draft, setDraft] = useState(value);
  // A new stored text (this edit's reply, an undo, a rollback) replaces the draft: React's "adjust
  // state on a prop change".
  const [stored, setStored] = useState(value);
  if (stored !== value) {
    setStored(value);
    setDraft(value);
  }
  const commit = async () => {
    const next = draft.trim();
    if (next === value.trim()) return setDraft(value);
    if ((await onSave(next)) === false) setDraft(value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Escape') setDraft(value);
    if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void commit();
    }
  };
  const field = {
    id,
    'aria-label': id === undefined ? label : undefined,
    value: draft,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: () => void commit(),
    onKeyDown,
  };
  return multiline ? <textarea rows={3} {...field} /> : <input type="text" {...field} />;
}
