import { type RefObject, useEffect, useState } from 'react';

/**
 * Whether an element is within a screen of its scroll container's visible part. The board mounts
 * cards only there: at 300 engineers it holds ~3,000 draggable cards in lanes and ~600 in the
 * backlog, and every mounted draggable re-renders when a drag starts or crosses a lane (dnd-kit's
 * context), which cost frames well past 16 ms (npm run bench). Lanes and the backlog themselves stay
 * mounted, so keyboard drags and drops still reach every engineer; cards mount as they scroll near.
 * An element holding focus (a card lifted with the keyboard, a picker being used) stays mounted.
 */
export function useNear(ref: RefObject<HTMLElement | null>, container: string, initially: boolean): boolean {
  const [near, setNear] = useState(initially);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return setNear(true);
    const observer = new IntersectionObserver(
      ([entry]) => {
        const visible = entry!.isIntersecting || el.contains(el.ownerDocument.activeElement);
        // Keep the height it had with its cards, so unmounting them far away does not move the
        // scrollbar. The observer measured it already: reading it here forces no layout.
        el.style.minHeight = visible ? '' : `${entry!.boundingClientRect.height}px`;
        setNear(visible);
      },
      {
        root: el.closest(container),
        rootMargin: '100% 0px',
      },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, container]);
  return near;
}
