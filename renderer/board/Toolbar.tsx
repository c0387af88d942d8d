import { memo } from 'react';
import type { HistoryState } from '../../shared/schemas.ts';

const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

/** Undo and redo, named by what they will undo or redo (from the change log). */
export const Toolbar = memo(function Toolbar({
  history,
  onUndo,
  onRedo,
}: {
  history: HistoryState;
  onUndo: () => void;
  onRedo: () => void;
}) {
  return (
    <div className="history-buttons" role="group" aria-label="History">
      <button type="button" onClick={onUndo} disabled={!history.canUndo} title={`${MOD}Z`}>
        {history.undoSummary ? `Undo: ${history.undoSummary}` : 'Undo'}
      </button>
      <button type="button" onClick={onRedo} disabled={!history.canRedo} title={`Shift+${MOD}Z`}>
        {history.redoSummary ? `Redo: ${history.redoSummary}` : 'Redo'}
      </button>
    </div>
  );
});
