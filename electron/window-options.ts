import type { BrowserWindowConstructorOptions } from 'electron';
import { MIN_SIZE, type Rect } from './window-state.ts';

// The main window and its web preferences, in one place a unit test can read (this file imports
// nothing from Electron at run time). The object is written out literally inside `new BrowserWindow`
// so Electronegativity, which reads the source, checks the very options the app uses.

export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/** `bounds`: where the window was last (electron/window-state.ts); the default size, centred, without it. */
export function createMainWindow<W>(BrowserWindow: WindowConstructor<W>, preload: string, bounds?: Rect): W {
  return new BrowserWindow({
    width: bounds?.width ?? 1440,
    height: bounds?.height ?? 900,
    ...(bounds ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Rungs',
    show: false,
    backgroundColor: '#f6f7f9',
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
