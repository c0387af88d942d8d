import { useSyncExternalStore } from 'react';

// How tightly the board packs its lanes and cards. Compact is for large teams: more lanes and
// cards on one screen. The choice is the lead's, kept on this machine across launches, and shown
// as an attribute on the root element, which the board's spacing reads (board-density.css).

export type Density = 'comfortable' | 'compact';

const KEY = 'rungs.density';
const listeners = new Set<() => void>();

function stored(): Density {
  try {
    return localStorage.getItem(KEY) === 'compact' ? 'compact' : 'comfortable';
  } catch {
    // Storage refused (a locked-down profile): the board stays comfortable, and still toggles.
    return 'comfortable';
  }
}

let current: Density = stored();
document.documentElement.dataset.density = current;

export function setDensity(density: Density): void {
  current = density;
  document.documentElement.dataset.density = density;
  try {
    localStorage.setItem(KEY, density);
  } catch {
    // Not kept past this launch; the choice still holds for now.
  }
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

export const useDensity = (): Density => useSyncExternalStore(subscribe, () => current);
