import { type RefObject, useLayoutEffect, useRef, useState } from 'react';

// Focus management shared by every screen: where focus goes when a screen opens, and where it
// returns when a dialog, an inline form or a note closes. A keyboard or screen-reader user should
// never be dropped on <body> and have to tab from the top of the window again.

/** The heading a screen switch lands on: the first heading of the main region. */
export function focusScreenHeading(): void {
  const main = document.getElementById('main');
  if (!main) return;
  const heading = main.querySelector<HTMLElement>('h1, h2') ?? main;
  // Focusable by script only: a heading is not a control and stays out of the tab order.
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: false });
}

/**
 * For anything that opens in place (a confirmation, an inline form, a note): Escape inside it
 * closes it, and when it closes focus returns to the control that opened it, or to the screen's
 * heading when that control has gone (the row was deleted).
 */
export function useDismissable<T extends HTMLElement>(onClose: () => void): RefObject<T | null> {
  const ref = useRef<T | null>(null);
  // Read during the first render, before autoFocus inside the new element moves focus into it.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  // Where the opener sat, in case closing removes it (a note kept, a row deleted): focus stays there.
  const [around] = useState(() => ancestors(opener));
  const close = useRef(onClose);
  useLayoutEffect(() => {
    close.current = onClose;
  });

  // A layout effect, so Escape works from the moment the element is on the page: autoFocus lands
  // inside at commit, and a passive effect could run after a quick Escape on a busy machine.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      e.stopPropagation();
      close.current();
    };
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  }, []);

  useLayoutEffect(() => {
    const el = ref.current;
    return () => {
      const active = document.activeElement;
      // Only when focus was inside, or was lost with it: never steal focus the lead moved elsewhere.
      const lost = active === null || active === document.body || (el !== null && el.contains(active));
      if (!lost) return;
      requestAnimationFrame(() => {
        const now = document.activeElement;
        if (now !== null && now !== document.body && now.isConnected && !(el?.contains(now) ?? false)) return;
        if (opener && focusable(opener)) return opener.focus();
        const near = around.find((a) => a.isConnected)?.querySelector<HTMLElement>(FOCUSABLE);
        if (near && focusable(near)) near.focus();
        else focusScreenHeading();
      });
    };
  }, [opener, around]);
  return ref;
}

/**
 * A modal dialog keeps focus: whatever takes it outside (dnd-kit handing focus back to the card a
 * frame or two after a keyboard drop, later on a busy machine; Tab past the last button) gives it
 * back to the control inside that had it last, `first` to begin with. Timing the first focus after
 * the drop's frames lost that race under load.
 */
export function useFocusInside(dialog: RefObject<HTMLElement | null>, first: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    let last: HTMLElement | null = first.current;
    last?.focus();
    const onFocusIn = (e: FocusEvent) => {
      const el = dialog.current;
      if (!el || !(e.target instanceof HTMLElement)) return;
      if (el.contains(e.target)) last = e.target;
      else (last?.isConnected ? last : first.current)?.focus();
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [dialog, first]);
}

const FOCUSABLE = 'button:not(:disabled), a[href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex="0"]';

const focusable = (el: HTMLElement): boolean => el.isConnected && el.matches(FOCUSABLE) && el.closest('[inert]') === null;

/** The opener's containers, nearest first, up to (not including) the main region. */
function ancestors(el: HTMLElement | null): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (let a = el?.parentElement ?? null; a && a.id !== 'main' && a !== document.body; a = a.parentElement) out.push(a);
  return out;
}
