import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { type MenuActions, buildMenuTemplate } from './menu.ts';

// The application menu as Electron would build it, read without Electron: what a desktop user
// expects under each heading, and what each item does.

function menu(platform: NodeJS.Platform, recent: string[] = [], current = '/data/rungs.sqlite') {
  const done: string[] = [];
  const actions: MenuActions = {
    newRoster: () => done.push('new'),
    openRoster: () => done.push('open'),
    openRecent: (path) => done.push(`recent ${path}`),
    send: (command) => done.push(`send ${command}`),
  };
  return { template: buildMenuTemplate({ platform, recent, current, actions }), done };
}

const items = (template: MenuItemConstructorOptions[], heading: string): MenuItemConstructorOptions[] =>
  template.find((m) => m.label === heading)!.submenu as MenuItemConstructorOptions[];
const names = (list: MenuItemConstructorOptions[]) => list.map((i) => i.label ?? i.role ?? i.type);
const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)();
const byLabel = (list: MenuItemConstructorOptions[], label: string) => list.find((i) => i.label === label);

describe('the application menu', () => {
  it('has File, Edit, View and Help, in that order (and the app and window menus on macOS)', () => {
    expect(names(menu('linux').template)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(names(menu('darwin').template)).toEqual(['appMenu', '&File', '&Edit', '&View', 'windowMenu', '&Help']);
  });

  it('File: roster files, import, export, the report, and Quit (from the app menu on macOS)', () => {
    const { template, done } = menu('win32');
    const file = items(template, '&File');
    expect(names(file)).toEqual([
      'New roster…',
      'Open roster…',
      'Open recent',
      'separator',
      'Import…',
      'Export…',
      'Print report…',
      'separator',
      'quit',
    ]);
    expect(byLabel(file, 'New roster…')!.accelerator).toBe('CmdOrCtrl+N');
    expect(byLabel(file, 'Open roster…')!.accelerator).toBe('CmdOrCtrl+O');
    for (const label of ['New roster…', 'Open roster…', 'Import…', 'Export…', 'Print report…']) click(byLabel(file, label));
    expect(done).toEqual(['new', 'open', 'send import', 'send export', 'send report']);
    expect(names(items(menu('darwin').template, '&File'))).not.toContain('quit');
  });

  it('Open recent lists the other rosters, most recent first, by name and folder; none yet is said, not left empty', () => {
    const { template, done } = menu('linux', ['/data/rungs.sqlite', '/home/lead/Platform.sqlite', '/data/Growth.sqlite']);
    const recent = byLabel(items(template, '&File'), 'Open recent')!.submenu as MenuItemConstructorOptions[];
    expect(names(recent)).toEqual(['Platform — /home/lead', 'Growth — /data']);
    click(recent[0]);
    expect(done).toEqual(['recent /home/lead/Platform.sqlite']);
    const none = byLabel(items(menu('linux', ['/data/rungs.sqlite']).template, '&File'), 'Open recent')!
      .submenu as MenuItemConstructorOptions[];
    expect(none).toEqual([{ label: 'No other roster opened yet', enabled: false }]);
  });

  it('Edit: Undo and Redo send the plan’s undo to the window without taking the keys from text fields; the text roles follow', () => {
    const { template, done } = menu('linux');
    const edit = items(template, '&Edit');
    expect(names(edit)).toEqual(['Undo', 'Redo', 'separator', 'cut', 'copy', 'paste', 'selectAll']);
    for (const label of ['Undo', 'Redo']) {
      expect(byLabel(edit, label)!.registerAccelerator).toBe(false);
      click(byLabel(edit, label));
    }
    expect(byLabel(edit, 'Undo')!.accelerator).toBe('CmdOrCtrl+Z');
    expect(byLabel(edit, 'Redo')!.accelerator).toBe('Shift+CmdOrCtrl+Z');
    expect(done).toEqual(['send undo', 'send redo']);
  });

  it('View zooms and goes full screen; Help opens the keyboard shortcuts', () => {
    const { template, done } = menu('linux');
    expect(names(items(template, '&View'))).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen']);
    const help = items(template, '&Help');
    expect(names(help)).toEqual(['Keyboard shortcuts']);
    click(help[0]);
    expect(done).toEqual(['send shortcuts']);
  });
});
