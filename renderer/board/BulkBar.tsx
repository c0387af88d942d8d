import { type KeyboardEvent, useMemo, useState } from 'react';
import { type Rank, STATUSES, STATUS_LABEL, type Status, allowedRungs, levelName, ranksOf } from '../../shared/ladder.ts';
import type { Snapshot, WorkItem } from '../../shared/schemas.ts';
import { plural } from '../../shared/words.ts';
import { api } from '../api.ts';
import { useDismissable } from '../focus.ts';
import { useLadder } from '../ladder/useLadder.ts';
import { withItemFields } from './optimistic.ts';
import { planStore } from '../store/plan.ts';
import { useMutation } from '../store/useMutation.ts';
import { BulkAssign } from './BulkAssign.tsx';
import { focusCard } from './focusCard.ts';
import { type CardSelection, useSelection } from './selection.ts';
import './bulk.css';

type Props = {
  selection: CardSelection;
  snapshot: Snapshot;
  /** The board's move of several cards as one change (useBoardMoves). */
  assignAll: (before: Snapshot, itemIds: readonly number[], engineerId: number | null) => Promise<boolean>;
  /** On to the next backlog card after an assignment, as after a single one. */
  advance: (itemId: number, order: readonly WorkItem[]) => void;
  backlog: readonly WorkItem[];
};

/**
 * What a lead does to the selected cards at once, shown while two or more are picked: each action
 * is one mutation, one entry in History, and one undo. The live region says how many are picked.
 */
export function BulkBar({ selection, snapshot, assignAll, advance, backlog }: Props) {
  const ladder = useLadder();
  const { run, pending } = useMutation();
  const { store, clear, popup, setPopup } = selection;
  const picked = useSelection(store);
  const selected = useMemo(
    () => (picked.ids.size === 0 ? [] : snapshot.items.filter((i) => picked.ids.has(i.id))),
    [snapshot.items, picked.ids],
  );
  const n = selected.length;
  const itemIds = selected.map((i) => i.id);
  const [ever, setEver] = useState(false);
  if (n > 0 && !ever) setEver(true);
  const said = n > 0 ? `${plural(n, 'card')} selected` : ever ? 'Selection cleared' : '';

  const clearAndReturn = () => {
    const back = picked.anchor ?? itemIds[0];
    clear();
    if (back !== undefined) focusCard(back);
  };
  const move = async (engineerId: number | null) => {
    setPopup(null);
    // Back to the backlog: only the cards that are out of it move.
    const ids = engineerId === null ? selected.filter((i) => i.assignment).map((i) => i.id) : itemIds;
    const first = ids[0]!;
    const order = backlog.filter((i) => i.id === first || !picked.ids.has(i.id));
    if (!(await assignAll(planStore.get().snapshot!, ids, engineerId))) return;
    clear();
    if (engineerId === null) focusCard(first);
    else advance(first, order);
  };
  // Shown at once on every picked card, rolled back on a refusal, as one card's edit in its panel.
  const edit = (patch: { status: Status } | { rung: Rank }) =>
    void run(() => api['work.updateMany']({ itemIds, ...patch }), {
      failure: `Could not change ${plural(n, 'card')}`,
      optimistic: (s) => withItemFields(s, itemIds, patch),
    });
  // Only rungs every picked card's kind allows (an initiative is never an Intern-rung piece of work).
  const kinds = new Set(selected.map((i) => i.kind));
  const rungs = ranksOf(ladder).filter((r) => [...kinds].every((k) => allowedRungs(ladder, k).includes(r)));
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    clearAndReturn();
  };

  return (
    <>
      <p role="status" className="sr-only" data-id="selection-announcement">
        {said}
      </p>
      {n >= 2 && (
        <section className="bulk-bar" aria-label="Selected cards" data-id="bulk-bar" aria-busy={pending || undefined} onKeyDown={onKeyDown}>
          <span className="bulk-count">
            <span aria-hidden="true">✓ </span>
            {plural(n, 'card')} selected
          </span>
          <button type="button" className="primary" onClick={() => setPopup('assign')}>
            Assign to…
          </button>
          <button type="button" onClick={() => void move(null)} disabled={!selected.some((i) => i.assignment)}>
            Move to backlog
          </button>
          <BulkMenu
            label="Set status"
            open={popup === 'status'}
            onOpen={(open) => setPopup(open ? 'status' : null)}
            choices={STATUSES.map((s) => ({ key: s, label: STATUS_LABEL[s], choose: () => edit({ status: s }) }))}
          />
          <BulkMenu
            label="Set rung"
            open={popup === 'rung'}
            onOpen={(open) => setPopup(open ? 'rung' : null)}
            choices={rungs.map((r) => ({ key: String(r), label: `${levelName(ladder, r)} rung`, choose: () => edit({ rung: r }) }))}
          />
          <button type="button" className="bulk-clear" onClick={clearAndReturn}>
            Clear
          </button>
        </section>
      )}
      {popup === 'assign' && n >= 2 && (
        <BulkAssign
          selected={selected}
          engineers={snapshot.engineers}
          items={snapshot.items}
          onAssign={(e) => void move(e.id)}
          onCancel={() => (setPopup(null), focusCard(picked.anchor ?? itemIds[0]!))}
        />
      )}
    </>
  );
}

type Choice = { key: string; label: string; choose: () => void };

/** A button that shows its few choices above it (the bar sits at the foot of the window). */
function BulkMenu({
  label,
  choices,
  open,
  onOpen,
}: {
  label: string;
  choices: readonly Choice[];
  open: boolean;
  onOpen: (open: boolean) => void;
}) {
  return (
    <div className="bulk-menu">
      <button type="button" aria-expanded={open} onClick={() => onOpen(!open)}>
        {label}
        <span aria-hidden="true"> ▾</span>
      </button>
      {open && <Choices label={label} choices={choices} onClose={() => onOpen(false)} />}
    </div>
  );
}

/** Escape closes the choices and focus goes back to their button (useDismissable). */
function Choices({ label, choices, onClose }: { label: string; choices: readonly Choice[]; onClose: () => void }) {
  const ref = useDismissable<HTMLDivElement>(onClose);
  return (
    <div ref={ref} role="group" aria-label={label} className="bulk-choices">
      {choices.map((c, i) => (
        <button
          key={c.key}
          type="button"
          autoFocus={i === 0}
          onClick={() => {
            onClose();
            c.choose();
          }}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}
