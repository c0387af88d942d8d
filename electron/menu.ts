import { basename, dirname } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/menu.ts';

// The application menu a desktop user expects, as a plain template: File (roster files, import,
// export, the report, quit), Edit (the plan's undo and redo, and the text roles), View (zoom, full
// screen) and Help (the shortcut sheet). What an item does comes in as `actions`, so this imports
// nothing from Electron at run time and a unit test reads the whole menu.

export type MenuActions = {
  newRoster: () => void;
  openRoster: () => void;
  openRecent: (path: string) => void;
  /** Tell the window: it does what the same key or button does there (shared/menu.ts). */
  send: (command: Exclude<MenuCommand, 'roster-opened'>) => void;
};

export type MenuInput = {
  platform: NodeJS.Platform;
  /** Recently opened rosters, most recent first, the one open now among them. */
  recent: readonly string[];
  /** The roster open now (not offered under Open recent). */
  current: string;
  actions: MenuActions;
};

/** "team.sqlite — /home/lead/Rungs": the name first, the folder to tell two of the same name apart. */
export const recentLabel = (path: string): string => `${basename(path, '.sqlite')} — ${dirname(path)}`;

export function buildMenuTemplate({ platform, recent, current, actions }: MenuInput): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const others = recent.filter((p) => p !== current);
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New roster…', accelerator: 'CmdOrCtrl+N', click: () => actions.newRoster() },
      { label: 'Open roster…', accelerator: 'CmdOrCtrl+O', click: () => actions.openRoster() },
      {
        label: 'Open recent',
        submenu:
          others.length > 0
            ? others.map((path) => ({ label: recentLabel(path), click: () => actions.openRecent(path) }))
            : [{ label: 'No other roster opened yet', enabled: false }],
      },
      { type: 'separator' },
      { label: 'Import…', click: () => actions.send('import') },
      { label: 'Export…', click: () => actions.send('export') },
      { label: 'Print report…', accelerator: 'CmdOrCtrl+P', click: () => actions.send('report') },
      // macOS quits from the application menu.
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      // Shown, not taken: the keys reach the window, whose own handler undoes the plan (or, in a text
      // field, the text). A click sends the same command (renderer/board/useUndoShortcuts.ts).
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => actions.send('undo') },
      { label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', registerAccelerator: false, click: () => actions.send('redo') },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [{ label: 'Keyboard shortcuts', click: () => actions.send('shortcuts') }],
  };
  return [...(mac ? [{ role: 'appMenu' } as const] : []), file, edit, view, ...(mac ? [{ role: 'windowMenu' } as const] : []), help];
}
