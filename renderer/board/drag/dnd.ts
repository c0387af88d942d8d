import {
  type ClientRect,
  type Collision,
  type CollisionDetection,
  KeyboardCode,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import type { DropTargetRegistry, Target } from './DropTarget.tsx';
import { BACKLOG_ID, SURFACE_ID } from './ids.ts';

/**
 * Where each drop target is now, read from the page once per call. Boxes measured when a drag
 * starts go stale when a team coming near mounts its cards: its lanes grow and every lane below
 * moves without changing size, which no resize observer sees. Judged on those, a keyboard drop on
 * a previewed lane could land on "no lane". Reading the few dozen registered targets' boxes here
 * costs one layout, which the next frame needs anyway.
 */
export function liveRects(targets: readonly Target[]): Map<UniqueIdentifier, ClientRect> {
  const rects = new Map<UniqueIdentifier, ClientRect>();
  for (const { id, node } of targets) {
    const el = node.current;
    if (!el?.isConnected) continue;
    const { top, left, right, bottom, width, height } = el.getBoundingClientRect();
    rects.set(id, { top, left, right, bottom, width, height });
  }
  return rects;
}

type Box = Pick<ClientRect, 'top' | 'left' | 'right' | 'bottom'>;
const area = (r: Box) => Math.max(0, r.right - r.left) * Math.max(0, r.bottom - r.top);

/**
 * The target a card is over: the one under the pointer; with no pointer (keyboard drags) or in a
 * gutter, the one the card's box overlaps most (overlap over the union of the two boxes, as
 * dnd-kit's rectIntersection judges it).
 */
export function targetAt(
  rects: ReadonlyMap<UniqueIdentifier, Box>,
  pointer: { x: number; y: number } | null,
  card: Box,
): UniqueIdentifier | null {
  if (pointer) {
    for (const [id, r] of rects) if (pointer.x >= r.left && pointer.x <= r.right && pointer.y >= r.top && pointer.y <= r.bottom) return id;
  }
  let best: { id: UniqueIdentifier; ratio: number } | null = null;
  for (const [id, r] of rects) {
    const overlap = area({
      left: Math.max(r.left, card.left),
      right: Math.min(r.right, card.right),
      top: Math.max(r.top, card.top),
      bottom: Math.min(r.bottom, card.bottom),
    });
    if (overlap === 0) continue;
    const ratio = overlap / (area(r) + area(card) - overlap);
    if (!best || ratio > best.ratio) best = { id, ratio };
  }
  return best?.id ?? null;
}

/**
 * dnd-kit knows two drop targets, the lanes' surface and the backlog (DropTarget.tsx); which lane
 * a card is over is judged here, on the registered lanes' boxes as they are now, and carried in
 * the collision's data. The surface sits inside the lanes' scroll container, so the keyboard
 * sensor and the pointer's auto-scroll scroll the lanes, as they did with every lane registered.
 */
export const boardCollisions =
  (registry: DropTargetRegistry): CollisionDetection =>
  ({ collisionRect, pointerCoordinates }): Collision[] => {
    const target = targetAt(liveRects(registry.list()), pointerCoordinates, collisionRect);
    if (target === null) return [];
    return [{ id: target === BACKLOG_ID ? BACKLOG_ID : SURFACE_ID, data: { target } }];
  };

/** The target a collision (boardCollisions) names: a lane or the backlog. */
export const targetOf = (collisions: readonly Collision[] | null): UniqueIdentifier | null =>
  (collisions?.[0]?.data?.target as UniqueIdentifier | undefined) ?? null;

const ARROWS: string[] = [KeyboardCode.Down, KeyboardCode.Right, KeyboardCode.Up, KeyboardCode.Left];
/** B, while a card is in the air: over the backlog (dropping it there unassigns it). */
export const BACKLOG_KEY = 'KeyB';

/**
 * Arrow keys move a lifted card to the nearest drop target in that direction (a lane or the
 * backlog), rather than nudging it by pixels: one key press, one lane. After the shape of
 * dnd-kit's multipleContainersKeyboardCoordinates.
 */
export const laneKeyboardCoordinates =
  (registry: DropTargetRegistry): KeyboardCoordinateGetter =>
  (event, { context }) => {
    const toBacklog = event.code === BACKLOG_KEY;
    if (!toBacklog && !ARROWS.includes(event.code)) return undefined;
    event.preventDefault();
    const { active, collisionRect } = context;
    if (!active || !collisionRect) return undefined;
    const enabled = registry.list();
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
function lanesInReadingOrder(targets: readonly Target[]): UniqueIdentifier[] {
  return targets
    .filter((c) => c.id !== BACKLOG_ID && c.node.current?.isConnected)
    .sort((a, b) => (a.node.current!.compareDocumentPosition(b.node.current!) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
    .map((c) => c.id);
}
