import { useCallback, useEffect, useState } from 'react';
import type { Change } from '../../shared/schemas.ts';
import { api } from '../api.ts';
import { notices } from '../store/notice.ts';
import { useMutation } from '../store/useMutation.ts';
import { Notices } from '../ui/Notices.tsx';
import './history.css';
import { ColumnHeads } from '../ui/ColumnHeads.tsx';

const STATE_LABEL: Record<Change['state'], string> = { done: 'Applied', undone: 'Undone', discarded: 'Undone, then replaced' };

/** Every change to the roster and plan, newest first, with undo and redo of the latest. */
/** `version`: the plan on screen; the list is read again whenever it changes (an undo here, a move on the board). */
export function History({ version }: { version: unknown }) {
  const { run } = useMutation();
  const [changes, setChanges] = useState<Change[] | null>(null);

  const load = useCallback(async () => {
    const r = await api['history.list']({ limit: 500 });
    if (r.ok) setChanges(r.value);
    else notices.refused(r.error.message);
  }, []);

  useEffect(() => {
    // oxlint-disable-next-line react/set-state-in-effect -- the change log lives in the main process; this loads it.
    void load();
  }, [load, version]);

  const step = async (channel: 'history.undo' | 'history.redo') => {
    const r = await run(() => api[channel]({}));
    // A refused step changed no plan, but the log may have moved on (another window): read it again.
    if (!r.ok) await load();
  };

  const canUndo = changes?.some((c) => c.state === 'done') ?? false;
  const canRedo = changes?.some((c) => c.state === 'undone') ?? false;

  return (
    <section className="history" aria-labelledby="history-title">
      <header className="history-head">
        <h2 id="history-title">History</h2>
        <button type="button" disabled={!canUndo} onClick={() => void step('history.undo')}>
          Undo latest
        </button>
        <button type="button" disabled={!canRedo} onClick={() => void step('history.redo')}>
          Redo
        </button>
      </header>
      <Notices statusClass="history-status" />
      {changes === null ? (
        <p>Loading the change log…</p>
      ) : changes.length === 0 ? (
        <p>No changes yet. Every move on the board, edit and import will be listed here, and can be undone.</p>
      ) : (
        <table className="data-table history-table">
          <ColumnHeads columns={['When', 'Change', 'State']} />
          <tbody>
            {changes.map((c) => (
              <tr key={c.id} data-id={`change-${c.id}`} className={`change-${c.state}`}>
                <td>
                  <time dateTime={c.at}>{new Date(c.at).toLocaleString()}</time>
                </td>
                <td>{c.summary}</td>
                <td>{STATE_LABEL[c.state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
