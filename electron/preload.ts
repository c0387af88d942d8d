import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type RungsApi } from '../shared/contract/index.ts';
import { MENU_MESSAGE, type MenuBridge, isMenuMessage } from '../shared/menu.ts';

// Exposes exactly the contract's functions, one per channel; never ipcRenderer itself,
// never a generic "send anything" door, never process or its environment.
const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)]),
) as RungsApi satisfies RungsApi;

contextBridge.exposeInMainWorld('rungs', api);

// The application menu's commands (shared/menu.ts), main → window only: one listener, taken once,
// each message checked against the list of commands before the page sees it. Nothing to send back.
let menuListener: ((message: Parameters<Parameters<MenuBridge['onCommand']>[0]>[0]) => void) | null = null;
ipcRenderer.on(MENU_MESSAGE, (_event, message: unknown) => {
  if (menuListener && isMenuMessage(message)) menuListener({ command: message.command, detail: message.detail });
});
const menu: MenuBridge = {
  onCommand: (listener) => {
    menuListener ??= listener;
  },
};
contextBridge.exposeInMainWorld('rungsMenu', menu);
