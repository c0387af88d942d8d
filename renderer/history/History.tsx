import { useCallback, useEffect, useState } from 'react';
import type { Change } from '../../shared/schemas.ts';
import { api } from '../api.ts';
import './history.css';

const STATE_LABEL: Record<Change['state'], string> = { done: 'Applied', undone: 'Undone', discarded: 'Undone, then replaced' };

/** Every change to the roster and plan, newest first, with undo and redo of the latest. */
export function History({ onChanged, version }: { onChanged: () => Promise<unknown>; version: unknown }) {
  const [changes, setChanges] = useState<Change[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);

  const load = useCallback(async () => {
    const r = await api['history.list']({ limit: 500 });
    if (r.ok) setChanges(r.value);
    else setMessage({ kind: 'alert', text: r.error.message });
  }, []);

  useEffect(() => {
    // oxlint-disable-next-line react/set-state-in-effect -- the change log lives in the main process; this loads it.
    void load();
  }, [load, version]);

  const step = async (channel: 'history.undo' | 'history.redo') => {
    const r = await api[channel]({});
    setMessage(r.ok ? { kind: 'status', text: r.value.summary } : { kind: 'alert', text: r.error.message });
    await onChanged();
    await load();
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
      <p role={message?.kind ?? 'status'} className={message?.kind === 'alert' ? 'error-banner' : 'history-status'}>
        {message?.text ?? ''}
      </p>
      {changes === null ? (
        <p>Loading the change log…</p>
      ) : changes.length === 0 ? (
        <p>No changes yet. Every move on the board, edit and import will be listed here, and can be undone.</p>
      ) : (
        <table className="data-table history-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Change</th>
              <th scope="col">State</th>
            </tr>
          </thead>
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
