import { basename, dirname, extname, join } from 'node:path';
import type {
  MenuItemConstructorOptions,
  MessageBoxOptions,
  MessageBoxReturnValue,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import type { RosterSwitch } from '../data/remote/roster-switch.ts';
import type { MenuMessage } from '../shared/menu.ts';
import { buildMenuTemplate } from './menu.ts';

// What File → New roster…, Open roster… and Open recent do: a native dialog over the window, the
// switch (data/remote/roster-switch.ts), then the window told to fetch the new roster's plan, or the
// refusal shown in words. Electron comes in as arguments (nothing from it at run time), so a unit
// test drives it with fakes, as electron/shell.ts does.

export type RosterMenuDeps<W> = {
  rosters: Pick<RosterSwitch, 'switchTo' | 'current' | 'recent'>;
  dialog: {
    showSaveDialog: (window: W, options: SaveDialogOptions) => Promise<SaveDialogReturnValue>;
    showOpenDialog: (window: W, options: OpenDialogOptions) => Promise<OpenDialogReturnValue>;
    showMessageBox: (window: W, options: MessageBoxOptions) => Promise<MessageBoxReturnValue>;
  };
  /** The Rungs window; null before it exists or after it closed (nothing is done then). */
  window: () => W | null;
  /** Electron's Menu.setApplicationMenu(Menu.buildFromTemplate(template)). */
  setMenu: (template: MenuItemConstructorOptions[]) => void;
  /** A message to the window (renderer/shell-menu.ts hears it). */
  tell: (message: MenuMessage) => void;
  platform: NodeJS.Platform;
};

const FILTERS = [{ name: 'Rungs roster', extensions: ['sqlite'] }];
const withExtension = (path: string) => (extname(path).toLowerCase() === '.sqlite' ? path : `${path}.sqlite`);

/** Build the menu now; the answer rebuilds it (after a roster opened elsewhere, Open recent follows). */
export function rosterMenu<W>(deps: RosterMenuDeps<W>): () => void {
  const say = (window: W, title: string, detail: string) =>
    void deps.dialog.showMessageBox(window, { type: 'warning', title, message: title, detail });

  const switchTo = async (window: W, path: string, create: boolean) => {
    try {
      const { path: opened, notes } = await deps.rosters.switchTo(path, { create });
      deps.tell({ command: 'roster-opened', detail: basename(opened, '.sqlite') });
      if (notes.length > 0) say(window, 'What Rungs did to open the roster', notes.join('\n\n'));
    } catch (error) {
      say(window, 'Rungs did not open that roster', error instanceof Error ? error.message : String(error));
    }
    refresh();
  };

  /** Run `action` over the window, if there is one. */
  const over = (action: (window: W) => Promise<unknown>) => () => {
    const window = deps.window();
    if (window !== null) void action(window);
  };
  const folder = () => dirname(deps.rosters.current().path);

  const refresh = () => {
    deps.setMenu(
      buildMenuTemplate({
        platform: deps.platform,
        recent: deps.rosters.recent().recent,
        current: deps.rosters.current().path,
        actions: {
          newRoster: over(async (window) => {
            const options = {
              title: 'New roster',
              buttonLabel: 'Create',
              defaultPath: join(folder(), 'New roster.sqlite'),
              filters: FILTERS,
            };
            const r = await deps.dialog.showSaveDialog(window, options);
            if (!r.canceled && r.filePath) await switchTo(window, withExtension(r.filePath), true);
          }),
          openRoster: over(async (window) => {
            const r = await deps.dialog.showOpenDialog(window, {
              title: 'Open roster',
              defaultPath: folder(),
              filters: FILTERS,
              properties: ['openFile'],
            });
            const path = r.filePaths[0];
            if (!r.canceled && path) await switchTo(window, path, false);
          }),
          openRecent: (path) => over((window) => switchTo(window, path, false))(),
          send: (command) => deps.tell({ command }),
        },
      }),
    );
  };
  refresh();
  return refresh;
}
