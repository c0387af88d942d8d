import { memo, useMemo, useState } from 'react';
import { fitSentence } from '../../shared/fit.ts';
import { useDismissable } from '../focus.ts';
import { earlierNoteText } from '../../shared/work-team.ts';
import { useCarriedFrom } from './Card.tsx';
import { useBoardActions } from './context.ts';
import type { Warning } from './filters.ts';
import { useLadder } from '../ladder/useLadder.ts';
import { useNameOf } from '../store/engineerNames.ts';

/**
 * How many warnings the board's panel lists before "Show all". The benchmark's org has 280
 * overreaches: listed whole they made a column ~27,000 px tall with the backlog beneath it, out of
 * a lead's reach. The Insights screen lists them all, with their fixes.
 */
const FIRST = 5;

export const Warnings = memo(function Warnings({ warnings }: { warnings: Warning[] }) {
  const [all, setAll] = useState(false);
  // Open ones first, the ones to act on; those kept with a note follow, muted.
  const ordered = useMemo(
    () => [...warnings.filter((w) => !w.item.assignment?.ackNote), ...warnings.filter((w) => w.item.assignment?.ackNote)],
    [warnings],
  );
  const shown = all ? ordered : ordered.slice(0, FIRST);
  return (
    <section className="warnings" aria-label="Warnings" data-id="warnings">
      <h2>Warnings{warnings.length > 0 ? ` (${warnings.length})` : ''}</h2>
      {warnings.length === 0 ? (
        <p className="empty">No overreach: every item is within one rung of its engineer.</p>
      ) : (
        <ul id="board-warnings">
          {shown.map((w) => (
            <WarningRow key={w.item.id} item={w.item} engineer={w.engineer} />
          ))}
        </ul>
      )}
      {ordered.length > FIRST && (
        <button type="button" className="show-all" aria-expanded={all} aria-controls="board-warnings" onClick={() => setAll(!all)}>
          {all ? `Show the first ${FIRST}` : `Show all ${ordered.length} warnings`}
        </button>
      )}
    </section>
  );
});

/**
 * Memoized on the snapshot's objects, which the board keeps between snapshots (share.ts): a drop
 * renders the one warning it changes, not every row (280 of them in the benchmark's org).
 */
const WarningRow = memo(function WarningRow({ item, engineer }: Warning) {
  const ladder = useLadder();
  const { acknowledge } = useBoardActions();
  const [editing, setEditing] = useState(false);
  const ack = item.assignment?.ackNote ?? null;
  const sentence = fitSentence(ladder, item.title, item.rung, useNameOf()(engineer), engineer.level);
  const carriedFrom = useCarriedFrom(item);
  return (
    <li className={`warning${ack ? ' acknowledged' : ''}`} data-id={`warning-${item.id}`}>
      <p className="warning-text">{sentence}</p>
      {/* A copy does not bring its note: the warning is open again and says what was kept before. */}
      {!ack && item.carriedAckNote && carriedFrom !== null && (
        <p className="warning-earlier" data-id="warning-earlier">
          {earlierNoteText(carriedFrom, item.carriedAckNote)}
        </p>
      )}
      {ack ? (
        <>
          <p className="warning-ack">Kept on purpose: {ack}</p>
          <button type="button" onClick={() => void acknowledge(item.id, null)} aria-label={`Withdraw the note on '${item.title}'`}>
            Withdraw note
          </button>
        </>
      ) : editing ? (
        <AckForm onKeep={(note) => acknowledge(item.id, note)} onClose={() => setEditing(false)} />
      ) : (
        <button type="button" onClick={() => setEditing(true)} aria-label={`Acknowledge the overreach '${item.title}'`}>
          Acknowledge…
        </button>
      )}
    </li>
  );
});

/** The note that keeps an overreach; Escape or Cancel closes it and focus returns to Acknowledge…. */
function AckForm({ onKeep, onClose }: { onKeep: (note: string) => Promise<boolean>; onClose: () => void }) {
  const [note, setNote] = useState('');
  const ref = useDismissable<HTMLFormElement>(onClose);
  return (
    <form
      ref={ref}
      onSubmit={(e) => {
        e.preventDefault();
        void onKeep(note).then((ok) => {
          if (ok) onClose();
        });
      }}
    >
      <label>
        Why keep it?
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} required maxLength={1000} autoFocus />
      </label>
      <div className="row">
        <button type="submit">Keep with this note</button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
