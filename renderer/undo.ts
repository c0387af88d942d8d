import { useCallback, useEffect } from 'react';
import { api } from './api.ts';
import { useMenuCommand } from './shell-menu.ts';
import { useMutation } from './store/useMutation.ts';

// Undo and redo of the plan's last change, from every screen: the board's toolbar and keys, and on
// any other screen the same keys and Electron's Edit menu (a lead who just edited someone on the
// Roster screen undoes it where they are).

const EDITABLE = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

/**
 * Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl+Y redo. Text fields keep their own undo, and a
 * key press during a drag belongs to the drag. Edit → Undo and Redo in Electron's menu do the same
 * (the menu shows those keys without taking them, so a text field still gets its own).
 */
export function useUndoShortcuts(undo: () => void, redo: () => void, dragging: () => boolean): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (dragging() || e.altKey || !(e.ctrlKey || e.metaKey)) return;
      if (e.target instanceof Element && e.target.closest(EDITABLE)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) undo();
      else if ((key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey)) redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, dragging]);
  useMenuCommand('undo', () => {
    if (!dragging()) undo();
  });
  useMenuCommand('redo', () => {
    if (!dragging()) redo();
  });
}

/** The plan's undo and redo, as one change each through the one mutation hook. */
export function useHistorySteps() {
  const { run } = useMutation();
  const undo = useCallback(() => void run(() => api['history.undo']({}), { failure: 'Could not undo' }), [run]);
  const redo = useCallback(() => void run(() => api['history.redo']({}), { failure: 'Could not redo' }), [run]);
  return { undo, redo };
}

const never = () => false;

/** The keys and the Edit menu on a screen other than the board (which has its own, aware of its drags). */
export function UndoKeys(): null {
  const { undo, redo } = useHistorySteps();
  useUndoShortcuts(undo, redo, never);
  return null;
}
