// What Electron's application menu tells the window (electron/menu.ts sends, electron/preload.ts
// passes on, renderer/shell-menu.ts acts). One narrow message, checked on arrival: a command from
// this list and, for 'roster-opened', the roster's name.

export const MENU_MESSAGE = 'rungs:menu';

export const MENU_COMMANDS = ['undo', 'redo', 'shortcuts', 'import', 'export', 'report', 'roster-opened'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export type MenuMessage = { command: MenuCommand; detail?: string };

export function isMenuMessage(value: unknown): value is MenuMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { command, detail } = value as Record<string, unknown>;
  return (
    typeof command === 'string' &&
    (MENU_COMMANDS as readonly string[]).includes(command) &&
    (detail === undefined || (typeof detail === 'string' && detail.length <= 1000))
  );
}

/** What the preload exposes for it, beside the contract's API: one way to listen, nothing to send. */
export type MenuBridge = { onCommand: (listener: (message: MenuMessage) => void) => void };
