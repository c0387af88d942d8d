import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

/** One row of the list: what it says, and what choosing it does. */
export type ComboOption = { key: string; label: string; detail?: ReactNode; choose: () => void };

type Props = {
  /** The text field's accessible name ("Engineer", "Reviewer"). */
  label: string;
  query: string;
  onQuery: (q: string) => void;
  options: readonly ComboOption[];
  /** Said in the list when nothing matches what was typed. */
  empty: string;
  onEscape: () => void;
};

/**
 * The ARIA 1.2 combobox with a listbox popup (WAI-ARIA APG, "Editable Combobox With List
 * Autocomplete"): focus stays in the text field while Up and Down move the active row
 * (aria-activedescendant), Enter chooses it, Escape is the owner's. The list is always shown: the
 * popup exists to choose from it, so there is no collapsed state to open first.
 */
export function Combobox({ label, query, onQuery, options, empty, onEscape }: Props) {
  const [active, setActive] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const index = Math.min(active, options.length - 1);
  const activeKey = index >= 0 ? options[index]!.key : null;
  const optionId = (key: string) => `${listId}-${key}`;

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    if (activeKey === null) return;
    list.current?.querySelector(`[id="${CSS.escape(optionId(activeKey))}"]`)?.scrollIntoView({ block: 'nearest' });
  });

  const onKeyDown = (e: React.KeyboardEvent) => {
    const n = options.length;
    if (e.key === 'ArrowDown' && n > 0) setActive((index + 1) % n);
    else if (e.key === 'ArrowUp' && n > 0) setActive((index - 1 + n) % n);
    else if (e.key === 'Home' && e.ctrlKey) setActive(0);
    else if (e.key === 'End' && e.ctrlKey) setActive(n - 1);
    else if (e.key === 'Enter' && index >= 0) options[index]!.choose();
    else if (e.key === 'Escape') onEscape();
    // The popup is modal and its text field its one stop: Tab stays here rather than leave it open behind.
    else if (e.key !== 'Tab') return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="combobox">
      <input
        ref={input}
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeKey === null ? undefined : optionId(activeKey)}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          // A new list starts again at its first row (a new step remounts the combobox).
          setActive(0);
          onQuery(e.target.value);
        }}
        onKeyDown={onKeyDown}
      />
      <ul ref={list} role="listbox" id={listId} aria-label={label}>
        {options.map((o, i) => (
          <li
            key={o.key}
            id={optionId(o.key)}
            role="option"
            aria-selected={i === index}
            className={i === index ? 'active' : undefined}
            // Keeps focus in the text field, where the keys are.
            onMouseDown={(e) => e.preventDefault()}
            onClick={o.choose}
          >
            <span className="combo-label">{o.label}</span>
            {o.detail}
          </li>
        ))}
      </ul>
      {options.length === 0 && <p className="combo-empty">{empty}</p>}
    </div>
  );
}
