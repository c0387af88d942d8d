import {
  type CollisionDetection,
  KeyboardCode,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
  pointerWithin,
  rectIntersection,
} from '@dnd-kit/core';

/**
 * Lanes are tall and sit in a grid: the lane under the pointer is the target. When the pointer is
 * over none (keyboard drags have no pointer, or it is in a gutter) fall back to the largest overlap.
 */
export const laneCollisions: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  return within.length > 0 ? within : rectIntersection(args);
};

const ARROWS: string[] = [KeyboardCode.Down, KeyboardCode.Right, KeyboardCode.Up, KeyboardCode.Left];

/**
 * Arrow keys move a lifted card to the nearest drop target in that direction (a lane or the
 * backlog), rather than nudging it by pixels: one key press, one lane. After the shape of
 * dnd-kit's multipleContainersKeyboardCoordinates.
 */
export const laneKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  if (!ARROWS.includes(event.code)) return undefined;
  event.preventDefault();
  const { active, collisionRect, droppableRects, droppableContainers } = context;
  if (!active || !collisionRect) return undefined;
  const from = { x: collisionRect.left + collisionRect.width / 2, y: collisionRect.top + collisionRect.height / 2 };
  let best: { id: UniqueIdentifier; score: number } | null = null;
  for (const container of droppableContainers.getEnabled()) {
    const rect = droppableRects.get(container.id);
    if (!rect) continue;
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
    if (!best || score < best.score) best = { id: container.id, score };
  }
  // No target that way (the edge of the grid): move on to the next target in reading order, wrapping,
  // so no key press is ever dead for someone who cannot see where the edge is.
  const target =
    best?.id ??
    nextInReadingOrder(
      droppableContainers.getEnabled().map((c) => c.id),
      droppableRects,
      from,
      event.code,
    );
  if (target === undefined) return undefined;
  const rect = droppableRects.get(target)!;
  // Land just inside the target's top-left, below its header, fully within it.
  return { x: rect.left + 8, y: rect.top + Math.min(48, Math.max(0, rect.height - collisionRect.height) / 2) };
};

export function nextInReadingOrder(
  ids: UniqueIdentifier[],
  rects: Map<UniqueIdentifier, { top: number; left: number; bottom: number; right: number }>,
  from: { x: number; y: number },
  code: string,
): UniqueIdentifier | undefined {
  const ordered = ids
    .filter((id) => rects.has(id))
    .map((id) => ({ id, rect: rects.get(id)! }))
    .sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
  if (ordered.length < 2) return undefined;
  const here = ordered.findIndex(({ rect }) => from.x >= rect.left && from.x <= rect.right && from.y >= rect.top && from.y <= rect.bottom);
  const forward = code === KeyboardCode.Right || code === KeyboardCode.Down;
  const step = forward ? 1 : -1;
  const start = here === -1 ? (forward ? -1 : 0) : here;
  return ordered[(start + step + ordered.length) % ordered.length]!.id;
}
