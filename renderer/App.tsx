import { type MouseEvent, useCallback, useEffect, useRef, useState } from 'react';
import { Board } from './board/Board.tsx';
import { FirstRunGuide, isEmptyRoster } from './board/FirstRunGuide.tsx';
import { focusScreenHeading } from './focus.ts';
import { History } from './history/History.tsx';
import { Insights } from './insights/Insights.tsx';
import { CompetencyMapScreen } from './map/CompetencyMapScreen.tsx';
import { Ladder } from './ladder/Ladder.tsx';
import { type Go, useFocusTarget } from './navigation.ts';
import { Report } from './report/Report.tsx';
import { useShellMenu } from './shell-menu.ts';
import { Quarters } from './quarters/Quarters.tsx';
import { Roster } from './roster/Roster.tsx';
import { Transfer } from './transfer/Transfer.tsx';
import { Work } from './work/Work.tsx';
import { planStore, usePlanState } from './store/plan.ts';
import { EngineerNamesContext, namesOf } from './store/engineerNames.ts';
import { notices } from './store/notice.ts';
import { LadderContext } from './ladder/useLadder.ts';
import { SCREENS, type Screen } from './screens.ts';
import { UndoKeys } from './undo.ts';
import { DEFAULT_LADDER } from '../shared/default-ladder.ts';

export function App() {
  const [screen, setScreen] = useState<Screen>('Board');
  const plan = usePlanState();
  const setQuarterId = useCallback((id: number | undefined) => void planStore.switchQuarter(id), []);
  useEffect(() => {
    // For the benchmarks: the app is ready for its plan. The plan may have arrived before this
    // (store/firstSnapshot.ts); the board's first render is timed from whichever came later.
    performance.mark('rungs:app-ready');
    // The plan is fetched once at start; after that, replies patch it (store/plan.ts).
    void planStore.fetch(undefined);
  }, []);
  // Cross-screen jumps: a DRI row to its card on the board, a touchpoint tag to its row on the map.
  const [focus, setFocus] = useState<string | null>(null);
  const [mapEngineerId, setMapEngineerId] = useState<number | null>(null);
  const switched = useRef(false);
  const go: Go = useCallback((target) => {
    // A jump with no element to focus still lands on the new screen's heading.
    switched.current = target.focus === undefined;
    setScreen(target.screen);
    setFocus(target.focus ?? null);
    if (target.engineerId !== undefined) setMapEngineerId(target.engineerId);
  }, []);
  const arrived = useCallback(() => setFocus(null), []);
  useFocusTarget(focus, screen, arrived);
  // Another roster file is open now: its plan from a fresh snapshot (its latest quarter), on the board,
  // and every screen mounted afresh on it, so no screen keeps a selection or a form of the last roster.
  const [rosterKey, setRosterKey] = useState(0);
  const rosterOpened = useCallback(() => {
    go({ screen: 'Board' });
    void planStore.fetch(undefined).then(() => setRosterKey((k) => k + 1));
  }, [go]);
  useShellMenu(go, rosterOpened);

  // A screen picked in the navigation lands focus on its heading, so a screen reader says where the
  // lead now is and Tab continues from the top of that screen (not from the navigation again).
  const open = (s: Screen) => {
    switched.current = s !== screen;
    // A notice belongs to the screen whose change it names.
    if (s !== screen) notices.clear();
    setScreen(s);
  };
  useEffect(() => {
    if (!switched.current) return;
    switched.current = false;
    const frame = requestAnimationFrame(focusScreenHeading);
    return () => cancelAnimationFrame(frame);
  }, [screen]);

  return (
    // A class, not `.app:has(.board-screen)`: a :has() on the root made every card added or removed
    // on the board a style check of the whole page (~5 ms per drop at 300 engineers, npm run bench).
    <div className={screen === 'Board' ? 'app app-board' : 'app'}>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to {screen === 'Board' ? 'the board' : 'the screen'}
      </a>
      <header className="topbar">
        <h1 className="brand">Rungs</h1>
        <nav aria-label="Screens">
          {SCREENS.map((s) => (
            <button key={s} type="button" aria-current={screen === s ? 'page' : undefined} onClick={() => open(s)}>
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
      <LadderContext value={plan.snapshot?.ladder ?? DEFAULT_LADDER}>
        <EngineerNamesContext value={namesOf(plan.snapshot)}>
          <main id="main" tabIndex={-1} key={rosterKey}>
            {plan.error && (
              <p role="alert" className="error-banner">
                {plan.error}
              </p>
            )}
            {!plan.snapshot && !plan.error && <p className="loading">Loading the roster…</p>}
            {plan.snapshot &&
              screen === 'Board' &&
              (isEmptyRoster(plan.snapshot) ? <FirstRunGuide snapshot={plan.snapshot} go={go} /> : <Board snapshot={plan.snapshot} />)}
            {plan.snapshot && screen === 'Roster' && <Roster snapshot={plan.snapshot} />}
            {plan.snapshot && screen === 'Work' && <Work key={plan.snapshot.quarter.id} snapshot={plan.snapshot} />}
            {plan.snapshot && screen === 'Quarters' && (
              <Quarters key={plan.snapshot.quarter.id} snapshot={plan.snapshot} onSwitch={setQuarterId} />
            )}
            {plan.snapshot && screen === 'Import/Export' && (
              <Transfer
                snapshot={plan.snapshot}
                // A restored document brings its own quarters: show its latest one.
                onReplaced={() => setQuarterId(undefined)}
                onRosterOpened={rosterOpened}
              />
            )}
            {plan.snapshot && screen === 'History' && <History version={plan.snapshot} />}
            {plan.snapshot && screen === 'Insights' && <Insights snapshot={plan.snapshot} go={go} />}
            {plan.snapshot && screen === 'Competency map' && (
              <CompetencyMapScreen snapshot={plan.snapshot} engineerId={mapEngineerId} onSelect={setMapEngineerId} go={go} />
            )}
            {plan.snapshot && screen === 'Report' && <Report snapshot={plan.snapshot} />}
            {plan.snapshot && screen === 'Ladder' && <Ladder />}
            {/* Undo and redo by key and menu wherever the board (which has its own) is not shown. */}
            {plan.snapshot && (screen !== 'Board' || isEmptyRoster(plan.snapshot)) && <UndoKeys />}
          </main>
        </EngineerNamesContext>
      </LadderContext>
    </div>
  );
}

/** The skip link moves focus too (a hash jump alone leaves focus behind in some browsers). */
function skipToMain(e: MouseEvent<HTMLAnchorElement>) {
  e.preventDefault();
  focusScreenHeading();
}
