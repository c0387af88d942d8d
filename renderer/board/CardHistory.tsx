import { useEffect, useState } from 'react';
import type { Change, HistoryState, WorkItem } from '../../shared/schemas.ts';
import { api } from '../api.ts';

const STATE_NOTE: Record<Change['state'], string> = { done: '', undone: ' (undone)', discarded: ' (undone, then replaced)' };

/**
 * This card's own history: the changes that touched its row or its assignment (history.forItem).
 * It is read again whenever the item or the plan's undo state changes (an edit here, an undo anywhere).
 */
export function CardHistory({ item, history }: { item: WorkItem; history: HistoryState }) {
  const itemId = item.id;
  const [changes, setChanges] = useState<Change[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void api['history.forItem']({ itemId, limit: 20 }).then((r) => {
      if (!current) return;
      setChanges(r.ok ? r.value : null);
      setProblem(r.ok ? null : `Could not read this card's history: ${r.error.message}`);
    });
    return () => {
      current = false;
    };
  }, [itemId, item, history]);
  return (
    <section className="card-detail-history" aria-labelledby={`card-history-${itemId}`}>
      <h3 id={`card-history-${itemId}`}>History</h3>
      {problem ? (
        <p>{problem}</p>
      ) : changes === null ? (
        <p>Reading the change log…</p>
      ) : changes.length === 0 ? (
        <p>No change to this card yet.</p>
      ) : (
        <ol data-id="card-history">
          {changes.map((c) => (
            <li key={c.id} className={`change-${c.state}`}>
              <time dateTime={c.at}>{new Date(c.at).toLocaleString()}</time> {c.summary}
              {STATE_NOTE[c.state]}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
