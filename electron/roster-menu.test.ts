import type { MenuItemConstructorOptions, MessageBoxOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { RungsError } from '../shared/errors.ts';
import type { MenuMessage } from '../shared/menu.ts';
import { type RosterMenuDeps, rosterMenu } from './roster-menu.ts';

// File → New roster…, Open roster… and Open recent, driven through the menu's own items with fake
// dialogs and a fake switch: what reaches the switch, what the window is told, what the lead reads.

type Window = { id: 'rungs' };

function setUp(answers: { save?: string | null; open?: string | null; refuse?: string } = {}) {
  const switched: [string, boolean][] = [];
  const told: MenuMessage[] = [];
  const boxes: MessageBoxOptions[] = [];
  let template: MenuItemConstructorOptions[] = [];
  let current = '/data/rungs.sqlite';
  let recent = ['/data/rungs.sqlite', '/data/Growth.sqlite'];
  const deps: RosterMenuDeps<Window> = {
    rosters: {
      current: () => ({ remote: null as never, path: current }),
      recent: () => ({ recent, dropped: [] }),
      switchTo: async (path, { create }) => {
        switched.push([path, create]);
        if (answers.refuse) throw new RungsError('conflict', answers.refuse);
        current = path;
        recent = [path, ...recent.filter((p) => p !== path)];
        return { path, notes: [] };
      },
    },
    dialog: {
      showSaveDialog: async () => (answers.save ? { canceled: false, filePath: answers.save } : { canceled: true, filePath: '' }),
      showOpenDialog: async () => (answers.open ? { canceled: false, filePaths: [answers.open] } : { canceled: true, filePaths: [] }),
      showMessageBox: async (_w, options) => {
        boxes.push(options);
        return { response: 0, checkboxChecked: false };
      },
    },
    window: () => ({ id: 'rungs' }),
    setMenu: (t) => (template = t),
    tell: (m) => told.push(m),
    platform: 'linux',
  };
  rosterMenu(deps);
  const item = (...labels: string[]) => {
    let items = template;
    let found: MenuItemConstructorOptions | undefined;
    for (const label of labels) {
      found = items.find((i) => i.label === label);
      items = (found?.submenu ?? []) as MenuItemConstructorOptions[];
    }
    return found!;
  };
  const click = async (...labels: string[]) => {
    (item(...labels).click as () => void)();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { switched, told, boxes, item, click };
}

describe('the File menu’s roster actions', () => {
  it('New roster… creates the file the save dialog names (.sqlite added), tells the window, and Open recent follows', async () => {
    const { switched, told, item, click } = setUp({ save: '/home/lead/Platform' });
    await click('&File', 'New roster…');
    expect(switched).toEqual([['/home/lead/Platform.sqlite', true]]);
    expect(told).toEqual([{ command: 'roster-opened', detail: 'Platform' }]);
    const recent = (item('&File', 'Open recent').submenu as MenuItemConstructorOptions[]).map((i) => i.label);
    expect(recent).toEqual(['rungs — /data', 'Growth — /data']);
  });

  it('Open roster… opens the chosen file; a cancelled dialog changes nothing', async () => {
    const chosen = setUp({ open: '/data/Growth.sqlite' });
    await chosen.click('&File', 'Open roster…');
    expect(chosen.switched).toEqual([['/data/Growth.sqlite', false]]);
    const cancelled = setUp();
    await cancelled.click('&File', 'New roster…');
    await cancelled.click('&File', 'Open roster…');
    expect(cancelled.switched).toEqual([]);
    expect(cancelled.told).toEqual([]);
  });

  it('a refusal is shown in the switch’s words, and the window is told nothing', async () => {
    const why = 'Another Rungs is using Growth.sqlite. Close it there first, then open it here. rungs.sqlite stays open.';
    const { told, boxes, click } = setUp({ refuse: why });
    await click('&File', 'Open recent', 'Growth — /data');
    expect(told).toEqual([]);
    expect(boxes).toMatchObject([{ type: 'warning', message: 'Rungs did not open that roster', detail: why }]);
  });
});
