import { memo } from 'react';
import type { HistoryState } from '../../shared/schemas.ts';
import { setDensity, useDensity } from '../ui/density.ts';

const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

/** Undo and redo, named by what they will undo or redo (from the change log); and the board's density. */
export const Toolbar = memo(function Toolbar({
  history,
  onUndo,
  onRedo,
}: {
  history: HistoryState;
  onUndo: () => void;
  onRedo: () => void;
}) {
  const density = useDensity();
  return (
    <>
      <div className="history-buttons" role="group" aria-label="History">
        <button type="button" onClick={onUndo} disabled={!history.canUndo} title={`${MOD}Z`}>
          {history.undoSummary ? `Undo: ${history.undoSummary}` : 'Undo'}
        </button>
        <button type="button" onClick={onRedo} disabled={!history.canRedo} title={`Shift+${MOD}Z`}>
          {history.redoSummary ? `Redo: ${history.redoSummary}` : 'Redo'}
        </button>
      </div>
      <button
        type="button"
        className="density-toggle"
        aria-pressed={density === 'compact'}
        title="Tighter lanes and cards: more of a large team on one screen"
        onClick={() => setDensity(density === 'compact' ? 'comfortable' : 'compact')}
      >
        Compact
      </button>
    </>
  );
});
