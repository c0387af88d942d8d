import { basename, extname } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { MIN_SIZE, type Rect } from './window-state.ts';

// The main window and its web preferences, in one place a unit test can read (this file imports
// nothing from Electron at run time). The object is written out literally inside `new BrowserWindow`
// so Electronegativity, which reads the source, checks the very options the app uses.

export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/** The window's title: the roster open in it, so two files are told apart in the task bar. */
export const windowTitle = (rosterPath: string): string => `${basename(rosterPath, extname(rosterPath))} — Rungs`;

/** The page's --bg in each scheme (renderer/ui/tokens.css): what shows before the page paints. */
export const WINDOW_BACKGROUND = { light: '#f6f7f9', dark: '#0f1318' } as const;

/**
 * `bounds`: where the window was last (electron/window-state.ts); the default size, centred, without it.
 * `dark`: the system is set to dark, so the window does not flash light before the page paints.
 */
export function createMainWindow<W>(BrowserWindow: WindowConstructor<W>, preload: string, bounds?: Rect, dark = false): W {
  return new BrowserWindow({
    width: bounds?.width ?? 1440,
    height: bounds?.height ?? 900,
    ...(bounds ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Rungs',
    show: false,
    backgroundColor: dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click would otherwise open links in a new window past setWindowOpenHandler's reach.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  });
}
