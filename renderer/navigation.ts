import { useEffect } from 'react';
import type { Screen } from './screens.ts';

// App-level navigation between screens: a screen can send the lead to another one and focus a
// thing there (a card on the board, a row of the map). Cards carry data-id="item-<id>".

export type NavTarget = {
  screen: Screen;
  /** A CSS selector to scroll to and focus once the screen has rendered. */
  focus?: string | undefined;
  /** The engineer whose column the map highlights. */
  engineerId?: number | undefined;
};
export type Go = (target: NavTarget) => void;

export const itemSelector = (itemId: number): string => `[data-id="item-${itemId}"]`;

/**
 * After a screen switch, focus the requested element. The board is not ours to change, so an
 * element that cannot take focus gets tabindex=-1 (focusable by script, not in the tab order).
 */
export function useFocusTarget(selector: string | null, screen: string, done: () => void): void {
  useEffect(() => {
    if (!selector) return;
    const frame = requestAnimationFrame(() => {
      const el = document.querySelector<HTMLElement>(selector);
      if (el) {
        if (el.tabIndex < 0 && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
        el.scrollIntoView({ block: 'center' });
        el.focus({ preventScroll: true });
        el.setAttribute('data-arrived', 'true');
        setTimeout(() => el.removeAttribute('data-arrived'), 2000);
      }
      done();
    });
    return () => cancelAnimationFrame(frame);
  }, [selector, screen, done]);
}
