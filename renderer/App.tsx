import { useState } from 'react';
import { Board } from './board/Board.tsx';
import { History } from './history/History.tsx';
import { usePlan } from './usePlan.ts';

const SCREENS = ['Board', 'History'] as const;
type Screen = (typeof SCREENS)[number];

export function App() {
  const [screen, setScreen] = useState<Screen>('Board');
  const [quarterId, setQuarterId] = useState<number | undefined>(undefined);
  const plan = usePlan(quarterId);

  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">Rungs</h1>
        <nav aria-label="Screens">
          {SCREENS.map((s) => (
            <button key={s} type="button" aria-current={screen === s ? 'page' : undefined} onClick={() => setScreen(s)}>
              {s}
            </button>
          ))}
        </nav>
        {plan.snapshot && (
          <label className="quarter-picker">
            Quarter{' '}
            <select value={plan.snapshot.quarter.id} onChange={(e) => setQuarterId(Number(e.target.value))}>
              {plan.snapshot.quarters.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      <main>
        {plan.error && (
          <p role="alert" className="error-banner">
            {plan.error}
          </p>
        )}
        {!plan.snapshot && !plan.error && <p className="loading">Loading the roster…</p>}
        {plan.snapshot && screen === 'Board' && <Board snapshot={plan.snapshot} />}
        {plan.snapshot && screen === 'History' && <History onChanged={plan.reload} version={plan.snapshot} />}
      </main>
    </div>
  );
}
