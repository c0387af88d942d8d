import { type RefObject, useEffect, useState } from 'react';

/**
 * Whether an element is within a screen of its scroll container's visible part, as it scrolls in
 * and out: what decides which teams' lanes are in reach of a drag (dragState.ts). An element
 * holding focus (a card lifted with the keyboard, a picker being used) counts as near.
 */
export function useNear(ref: RefObject<HTMLElement | null>, container: string, initially: boolean): boolean {
  return useWatchedNear(ref, container, initially, false);
}

/**
 * Whether an element has come within a screen of its scroll container's visible part: once it
 * has, it stays so. The board mounts cards there: at 300 engineers it holds ~3,000 cards in lanes
 * and ~600 in the backlog, and mounting them all made the first render pay for cards nobody sees
 * (npm run bench). Lanes and the backlog themselves stay mounted, so keyboard drags and drops still
 * reach every engineer; cards mount as their lane first scrolls near.
 *
 * They stay mounted after: mounting is the dear part (a row of lanes' cards is a 40–110 ms task at
 * 300 engineers, with the layout and paint of their first frame), and unmounting them a screen
 * away made a lead scrolling back, or a keyboard drag walking the board, pay for it again on every
 * pass. Off screen they cost little: each lane skips style, layout and paint (content-visibility,
 * board-scale.css), a render of the board stops at the memoized lane, and no card reads the drag.
 *
 * Each lane decides for itself, not its team: a keyboard drag scrolls the board a lane at a time,
 * and mounting a whole team's cards when its first row came near was one task of 100–200 ms at 300
 * engineers (a trace of the bench's keyboard drag). Per lane, each press mounts at most a row.
 */
export function useCameNear(ref: RefObject<HTMLElement | null>, container: string, initially: boolean): boolean {
  return useWatchedNear(ref, container, initially, true);
}

function useWatchedNear(ref: RefObject<HTMLElement | null>, container: string, initially: boolean, stay: boolean): boolean {
  const [near, setNear] = useState(initially);
  useEffect(() => {
    const el = ref.current;
    const root = el?.closest(container);
    if (!el || !(root instanceof HTMLElement) || typeof IntersectionObserver === 'undefined') return setNear(true);
    const stop = watch(root, el, (entry) => {
      const visible = entry.isIntersecting || el.contains(el.ownerDocument.activeElement);
      // Not in a transition, though that would slice the work: cards mounting later, between key
      // presses, moved the lanes under a held card, and the next arrow went nowhere or two lanes on
      // (board-far.spec.ts). Mounted at once, the lanes have settled before the next press.
      setNear(visible);
      if (visible && stay) stop();
    });
    return stop;
  }, [ref, container, stay]);
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
