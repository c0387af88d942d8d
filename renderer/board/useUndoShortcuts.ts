import { useEffect } from 'react';
import { useMenuCommand } from '../shell-menu.ts';

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
