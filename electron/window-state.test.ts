import { describe, expect, it } from 'vitest';
import { parseWindowState, reachable, serializeWindowState } from './window-state.ts';
import { windowTitle } from './window-options.ts';

// The window opens where it was last, unless the remembered file is not a window's state or the
// window would open where the lead cannot reach it.

const laptop = { x: 0, y: 0, width: 1440, height: 876 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1400 };
const saved = { x: 100, y: 80, width: 1200, height: 800, maximized: false };

describe('the remembered window', () => {
  it('opens where it was, maximized or not, after a round trip through the file', () => {
    const text = serializeWindowState({ x: 100.4, y: 79.6, width: 1200, height: 800 }, false);
    expect(parseWindowState(text, [laptop])).toEqual(saved);
    expect(parseWindowState(serializeWindowState(saved, true), [laptop])).toEqual({ ...saved, maximized: true });
  });

  it('is ignored when the file is missing, not JSON, or not a window’s state', () => {
    for (const text of [
      null,
      '',
      '{',
      '[]',
      'null',
      '"x"',
      JSON.stringify({ ...saved, width: '1200' }),
      JSON.stringify({ ...saved, maximized: 'yes' }),
      JSON.stringify({ ...saved, x: 1e9 }),
      JSON.stringify({ ...saved, height: 10.5 }),
      JSON.stringify({ ...saved, width: 100 }),
      JSON.stringify({ x: 1, y: 2 }),
    ]) {
      expect(parseWindowState(text, [laptop])).toBeNull();
    }
  });

  it('is ignored when it would open off every screen (a monitor unplugged since)', () => {
    const onMonitor = JSON.stringify({ ...saved, x: 2000 });
    expect(parseWindowState(onMonitor, [laptop, monitorRight])).toEqual({ ...saved, x: 2000 });
    expect(parseWindowState(onMonitor, [laptop])).toBeNull();
  });

  it('counts as reachable only with enough of its title bar on a screen to grab', () => {
    expect(reachable({ x: 1400, y: 0, width: 800, height: 600 }, [laptop])).toBe(false);
    expect(reachable({ x: 1300, y: 0, width: 800, height: 600 }, [laptop])).toBe(true);
    expect(reachable({ x: 100, y: -500, width: 800, height: 600 }, [laptop])).toBe(false);
    expect(reachable({ x: 100, y: 860, width: 800, height: 600 }, [laptop])).toBe(false);
  });
});

describe('the window names the roster open in it', () => {
  it('by its file name without the extension, wherever it lives', () => {
    expect(windowTitle('/home/lead/Rosters/Platform 2026.sqlite')).toBe('Platform 2026 — Rungs');
    expect(windowTitle('/tmp/team.v2.sqlite')).toBe('team.v2 — Rungs');
  });
});
