// The window's size and position, remembered between launches in a small JSON file in the userData
// folder. Read with suspicion: a file that is not ours, is hand-edited or is cut short, or a window
// that would open off every screen (a monitor unplugged since), is ignored and the window opens at
// its default size. Pure functions; electron/main.ts does the reading and writing.

export const WINDOW_STATE_FILE = 'window-state.json';

export type Rect = { x: number; y: number; width: number; height: number };
export type WindowState = Rect & { maximized: boolean };

export const MIN_SIZE = { width: 640, height: 400 };
const MAX_SIDE = 32_768;
/** How much of the window's top strip (its title bar) must be on a screen for the lead to grab it. */
const GRAB = { width: 120, height: 32 };

const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** The overlap of two rectangles' areas, or null. */
function overlap(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const width = Math.min(a.x + a.width, b.x + b.width) - x;
  const height = Math.min(a.y + a.height, b.y + b.height) - y;
  return width > 0 && height > 0 ? { x, y, width, height } : null;
}

/** True when enough of the window's title bar lies on one of the screens' work areas. */
export function reachable(bounds: Rect, workAreas: readonly Rect[]): boolean {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: GRAB.height };
  return workAreas.some((area) => {
    const seen = overlap(titleBar, area);
    return seen !== null && seen.width >= Math.min(GRAB.width, bounds.width) && seen.height >= GRAB.height;
  });
}

/** The remembered state if the text is one and the window would be reachable on today's screens; else null. */
export function parseWindowState(text: string | null, workAreas: readonly Rect[]): WindowState | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { x, y, width, height, maximized } = value as Record<string, unknown>;
  if (!isInt(x, -MAX_SIDE, MAX_SIDE) || !isInt(y, -MAX_SIDE, MAX_SIDE)) return null;
  if (!isInt(width, MIN_SIZE.width, MAX_SIDE) || !isInt(height, MIN_SIZE.height, MAX_SIDE)) return null;
  if (typeof maximized !== 'boolean') return null;
  const state = { x, y, width, height, maximized };
  return reachable(state, workAreas) ? state : null;
}

/** What to write: the window's normal bounds (not the maximized ones), and whether it was maximized. */
export function serializeWindowState(bounds: Rect, maximized: boolean): string {
  const round = (n: number) => Math.round(n);
  return JSON.stringify({ x: round(bounds.x), y: round(bounds.y), width: round(bounds.width), height: round(bounds.height), maximized });
}
