import { useCallback, useState } from 'react';
import { Board } from './board/Board.tsx';
import { History } from './history/History.tsx';
import { Insights } from './insights/Insights.tsx';
import { CompetencyMapScreen } from './map/CompetencyMapScreen.tsx';
import { type Go, type NavTarget, useFocusTarget } from './navigation.ts';
import { Report } from './report/Report.tsx';
import { usePlan } from './usePlan.ts';

const SCREENS = ['Board', 'Insights', 'Competency map', 'History', 'Report'] as const satisfies readonly NavTarget['screen'][];
type Screen = (typeof SCREENS)[number];

export function App() {
  const [screen, setScreen] = useState<Screen>('Board');
  const [quarterId, setQuarterId] = useState<number | undefined>(undefined);
  const plan = usePlan(quarterId);
  // Cross-screen jumps: a DRI row to its card on the board, a touchpoint tag to its row on the map.
  const [focus, setFocus] = useState<string | null>(null);
  const [mapEngineerId, setMapEngineerId] = useState<number | null>(null);
  const go: Go = useCallback((target) => {
    setScreen(target.screen);
    setFocus(target.focus ?? null);
    if (target.engineerId !== undefined) setMapEngineerId(target.engineerId);
  }, []);
  const arrived = useCallback(() => setFocus(null), []);
  useFocusTarget(focus, screen, arrived);

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
        {plan.snapshot && screen === 'Insights' && <Insights snapshot={plan.snapshot} reload={plan.reload} go={go} />}
        {plan.snapshot && screen === 'Competency map' && (
          <CompetencyMapScreen snapshot={plan.snapshot} engineerId={mapEngineerId} onSelect={setMapEngineerId} go={go} />
        )}
        {plan.snapshot && screen === 'Report' && <Report snapshot={plan.snapshot} />}
      </main>
    </div>
  );
}
