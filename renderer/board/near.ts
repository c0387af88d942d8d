import { type RefObject, startTransition, useEffect, useState } from 'react';

/**
 * Whether an element is within a screen of its scroll container's visible part. The board mounts
 * cards only there: at 300 engineers it holds ~3,000 draggable cards in lanes and ~600 in the
 * backlog, and mounting them all made the first render and every drag pay for cards nobody sees
 * (npm run bench). Lanes and the backlog themselves stay mounted, so keyboard drags and drops still
 * reach every engineer; cards mount as their lane scrolls near. An element holding focus (a card
 * lifted with the keyboard, a picker being used) stays mounted.
 *
 * Each lane decides for itself, not its team: a keyboard drag scrolls the board a lane at a time,
 * and mounting a whole team's cards when its first row came near was one task of 100–200 ms at 300
 * engineers (a trace of the bench's keyboard drag). Per lane, each press mounts at most a row.
 */
export function useNear(ref: RefObject<HTMLElement | null>, container: string, initially: boolean): boolean {
  const [near, setNear] = useState(initially);
  useEffect(() => {
    const el = ref.current;
    const root = el?.closest(container);
    if (!el || !(root instanceof HTMLElement) || typeof IntersectionObserver === 'undefined') return setNear(true);
    return watch(root, el, (entry) => {
      const visible = entry.isIntersecting || el.contains(el.ownerDocument.activeElement);
      // Keep the height it had with its cards, so unmounting them far away does not move the
      // scrollbar. The observer measured it already: reading it here forces no layout.
      el.style.minHeight = visible ? '' : `${entry.boundingClientRect.height}px`;
      // A transition: React renders the cards coming near in slices of a few milliseconds between
      // other work, so a key press that scrolls a row of lanes near is not one long task.
      startTransition(() => setNear(visible));
    });
  }, [ref, container]);
  return near;
}

type Watcher = (entry: IntersectionObserverEntry) => void;

/**
 * One observer per scroll container, shared by everything in it: hundreds of lanes with an
 * observer each meant hundreds of intersection computations per frame of scrolling.
 */
const observers = new WeakMap<Element, { observer: IntersectionObserver; watchers: Map<Element, Watcher> }>();

function watch(root: HTMLElement, el: Element, watcher: Watcher): () => void {
  let shared = observers.get(root);
  if (!shared) {
    const watchers = new Map<Element, Watcher>();
    const observer = new IntersectionObserver((entries) => entries.forEach((entry) => watchers.get(entry.target)?.(entry)), {
      root,
      rootMargin: '100% 0px',
    });
    shared = { observer, watchers };
    observers.set(root, shared);
  }
  const { observer, watchers } = shared;
  watchers.set(el, watcher);
  observer.observe(el);
  return () => {
    observer.unobserve(el);
    watchers.delete(el);
  };
}
