import {
  type ClientRect,
  type CollisionDetection,
  type DroppableContainer,
  KeyboardCode,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
  pointerWithin,
  rectIntersection,
} from '@dnd-kit/core';
import { BACKLOG_ID } from './ids.ts';

/**
 * Where each drop target is now, read from the page once per call. dnd-kit's own rects are
 * measured when targets register and go stale when a team coming near mounts its cards: its lanes
 * grow and every lane below moves without changing size, which no resize observer sees. Judged on
 * those, a keyboard drop on a previewed lane could land on "no lane". Measuring all of them again
 * on a timer cost the keyboard drag its longest task (npm run bench); reading the few dozen
 * registered targets' boxes here costs one layout, which the next frame needs anyway.
 */
export function liveRects(containers: readonly DroppableContainer[]): Map<UniqueIdentifier, ClientRect> {
  const rects = new Map<UniqueIdentifier, ClientRect>();
  for (const { id, node } of containers) {
    const el = node.current;
    if (!el?.isConnected) continue;
    const { top, left, right, bottom, width, height } = el.getBoundingClientRect();
    rects.set(id, { top, left, right, bottom, width, height });
  }
  return rects;
}

/** A droppable's box for dnd-kit's own bookkeeping: no transform on a lane to undo, so no style to read. */
export const measureTarget = (el: HTMLElement): ClientRect => {
  shareComputedStyles(el.ownerDocument.defaultView);
  const { top, left, right, bottom, width, height } = el.getBoundingClientRect();
  return { top, left, right, bottom, width, height };
};

/**
 * dnd-kit keeps each target's box in a Rect that walks up the target's ancestors for scroll
 * containers, asking each for its computed style: at a keyboard pick-up ~100 targets, each under
 * the same dozen ancestors, ~1,200 declarations made and dropped in one task. While targets are
 * measured (until the task's microtasks run), an element asked again gets the declaration it got
 * before. A declaration is live (it reads the style as it is when read), so sharing it changes
 * no answer.
 */
let sharing = false;
function shareComputedStyles(win: (Window & typeof globalThis) | null): void {
  if (!win || sharing) return;
  sharing = true;
  const native = win.getComputedStyle;
  const made = new WeakMap<Element, CSSStyleDeclaration>();
  win.getComputedStyle = (el: Element, pseudo?: string | null): CSSStyleDeclaration => {
    if (pseudo) return native.call(win, el, pseudo);
    let style = made.get(el);
    if (style === undefined) {
      style = native.call(win, el);
      made.set(el, style);
    }
    return style;
  };
  queueMicrotask(() => {
    win.getComputedStyle = native;
    sharing = false;
  });
}

/**
 * Lanes are tall and sit in a grid: the lane under the pointer is the target. When the pointer is
 * over none (keyboard drags have no pointer, or it is in a gutter) fall back to the largest overlap.
 */
export const laneCollisions: CollisionDetection = (args) => {
  const live = { ...args, droppableRects: liveRects(args.droppableContainers) };
  const within = pointerWithin(live);
  return within.length > 0 ? within : rectIntersection(live);
};

const ARROWS: string[] = [KeyboardCode.Down, KeyboardCode.Right, KeyboardCode.Up, KeyboardCode.Left];
/** B, while a card is in the air: over the backlog (dropping it there unassigns it). */
export const BACKLOG_KEY = 'KeyB';

/**
 * Arrow keys move a lifted card to the nearest drop target in that direction (a lane or the
 * backlog), rather than nudging it by pixels: one key press, one lane. After the shape of
 * dnd-kit's multipleContainersKeyboardCoordinates.
 */
export const laneKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const toBacklog = event.code === BACKLOG_KEY;
  if (!toBacklog && !ARROWS.includes(event.code)) return undefined;
  event.preventDefault();
  const { active, collisionRect, droppableContainers } = context;
  if (!active || !collisionRect) return undefined;
  const enabled = droppableContainers.getEnabled();
  const droppableRects = liveRects(enabled);
  if (toBacklog) {
    // The backlog on purpose, from anywhere: arrows never wrap into it.
    const backlog = droppableRects.get(BACKLOG_ID);
    return backlog ? { x: backlog.left + 8, y: backlog.top + 8 } : undefined;
  }
  const from = { x: collisionRect.left + collisionRect.width / 2, y: collisionRect.top + collisionRect.height / 2 };
  let best: { id: UniqueIdentifier; score: number } | null = null;
  const vertical = event.code === KeyboardCode.Down || event.code === KeyboardCode.Up;
  for (const [id, rect] of droppableRects) {
    // Up and Down move between lanes only. The backlog sits beside the lanes, outside the list that
    // scrolls under the card: chosen by Down from a tall lane, the sensor scrolled the lanes and
    // the card never reached it (no lane, no drop). Right past the last column, or B, reaches it.
    if (vertical && id === BACKLOG_ID) continue;
    const inside = from.x >= rect.left && from.x <= rect.right && from.y >= rect.top && from.y <= rect.bottom;
    if (inside) continue;
    // Compare against the target's nearest edge point, so tall lanes count as "beside" us.
    const tx = Math.min(Math.max(from.x, rect.left), rect.right);
    const ty = Math.min(Math.max(from.y, rect.top), rect.bottom);
    const dx = tx - from.x;
    const dy = ty - from.y;
    const ahead =
      event.code === KeyboardCode.Right
        ? dx > 0
        : event.code === KeyboardCode.Left
          ? dx < 0
          : event.code === KeyboardCode.Down
            ? dy > 0
            : dy < 0;
    if (!ahead) continue;
    // Off-axis distance costs more, so Right picks the lane beside us, not one two rows down.
    const horizontal = event.code === KeyboardCode.Right || event.code === KeyboardCode.Left;
    const score = horizontal ? Math.abs(dx) + 3 * Math.abs(dy) : Math.abs(dy) + 3 * Math.abs(dx);
    if (!best || score < best.score) best = { id, score };
  }
  // No target that way (the edge of the grid): move on to the next lane in reading order, wrapping,
  // so no key press is ever dead for someone who cannot see where the edge is.
  const target = best?.id ?? nextInReadingOrder(lanesInReadingOrder(enabled), droppableRects, from, event.code);
  if (target === undefined) return undefined;
  const rect = droppableRects.get(target)!;
  // Land just inside the target's top-left, below its header, fully within it.
  return { x: rect.left + 8, y: rect.top + Math.min(48, Math.max(0, rect.height - collisionRect.height) / 2) };
};

/**
 * The target after (or before) the one at `from` among `ids`, given in reading order, wrapping at
 * either end; from outside them all, the first (or the last).
 */
export function nextInReadingOrder(
  ids: readonly UniqueIdentifier[],
  rects: ReadonlyMap<UniqueIdentifier, { top: number; left: number; bottom: number; right: number }>,
  from: { x: number; y: number },
  code: string,
): UniqueIdentifier | undefined {
  const ordered = ids.filter((id) => rects.has(id));
  if (ordered.length < 2) return undefined;
  const here = ordered.findIndex((id) => {
    const r = rects.get(id)!;
    return from.x >= r.left && from.x <= r.right && from.y >= r.top && from.y <= r.bottom;
  });
  const forward = code === KeyboardCode.Right || code === KeyboardCode.Down;
  const step = forward ? 1 : -1;
  const start = here === -1 ? (forward ? -1 : 0) : here;
  return ordered[(start + step + ordered.length) % ordered.length];
}

/**
 * The lanes in reading order: the page's order, which is the grid's. Sorted by their boxes instead,
 * the lane holding the lifted card (10 px lower at its top) sorted after its row, and Left from
 * the board's first lane went to the row's end, not to the board's last lane. The backlog is left
 * out: it is reached on purpose, by moving right past the last column, never by a wrap.
 */
function lanesInReadingOrder(containers: readonly DroppableContainer[]): UniqueIdentifier[] {
  return containers
    .filter((c) => c.id !== BACKLOG_ID && c.node.current?.isConnected)
    .sort((a, b) => (a.node.current!.compareDocumentPosition(b.node.current!) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
    .map((c) => c.id);
}
