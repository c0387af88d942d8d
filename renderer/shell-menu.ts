import { useEffect, useRef } from 'react';
import { type MenuBridge, type MenuCommand, isMenuMessage } from '../shared/menu.ts';
import type { Go } from './navigation.ts';
import { notices } from './store/notice.ts';

// Electron's application menu, heard in the window: each command reaches the code that already does
// it by key or button (the board's undo, the shortcut sheet, a screen). A command whose screen is not
// shown yet waits a moment for it to mount (Help → Keyboard shortcuts from another screen opens the
// board, then its sheet). The browser host has no such menu; nothing here runs there.

declare global {
  // oxlint-disable-next-line typescript/consistent-type-definitions -- only an interface can merge into Window.
  interface Window {
    rungsMenu?: MenuBridge;
  }
}

/**
 * The menu's commands, and two asked for once their screen is shown: 'sheet', the board's shortcut
 * sheet, and 'print', the report's own Save as PDF.
 */
type Command = MenuCommand | 'sheet' | 'print';
type Handler = (detail: string | undefined) => void;

const WAIT_MS = 2000;
const handlers = new Map<Command, Set<Handler>>();
let waiting: { command: Command; detail: string | undefined; at: number } | null = null;

const EDITABLE = 'input, textarea, [contenteditable=""], [contenteditable="true"]';

export function emitMenuCommand(command: Command, detail?: string): void {
  if (command === 'undo' || command === 'redo') {
    // As with the keys: a text field undoes its own typing, never the plan. (On macOS the menu
    // takes Cmd+Z itself, so the field's undo comes this way; execCommand is the one way to run it.)
    const focused = document.activeElement;
    if (focused?.closest(EDITABLE)) return void document.execCommand(command);
  }
  const set = handlers.get(command);
  if (!set || set.size === 0) {
    // The plan's undo has no meaning off the board; a screen command waits for its screen to mount.
    if (command !== 'undo' && command !== 'redo') waiting = { command, detail, at: Date.now() };
    return;
  }
  for (const handler of set) handler(detail);
}

window.rungsMenu?.onCommand((message) => {
  if (isMenuMessage(message)) emitMenuCommand(message.command, message.detail);
});

/** Run `handler` on a menu command for as long as the component is mounted. */
export function useMenuCommand(command: Command, handler: Handler): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const run: Handler = (detail) => latest.current(detail);
    const set = handlers.get(command) ?? new Set();
    handlers.set(command, set);
    set.add(run);
    if (waiting?.command === command) {
      const w = waiting;
      waiting = null;
      if (Date.now() - w.at < WAIT_MS) run(w.detail);
    }
    return () => void set.delete(run);
  }, [command]);
}

/** The menu's screen commands, and a roster opened from File (the plan is fetched afresh from it). */
export function useShellMenu(go: Go, rosterOpened: () => void): void {
  useMenuCommand('import', () => go({ screen: 'Import/Export' }));
  useMenuCommand('export', () => go({ screen: 'Import/Export', focus: '#export-title' }));
  // File → Print report…: the report, saved as the Report screen's button saves it (printToPDF).
  useMenuCommand('report', () => {
    go({ screen: 'Report' });
    emitMenuCommand('print');
  });
  useMenuCommand('shortcuts', () => {
    go({ screen: 'Board' });
    emitMenuCommand('sheet');
  });
  useMenuCommand('roster-opened', (name) => {
    notices.said(`Opened the roster ${name ?? ''}.`.replace(' .', '.'));
    rosterOpened();
  });
}
