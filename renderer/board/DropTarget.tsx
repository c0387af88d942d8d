import { type UniqueIdentifier, useDroppable } from '@dnd-kit/core';
import { type RefObject, useLayoutEffect } from 'react';

/**
 * Registers an element the board already rendered (a lane, the backlog) as a dnd-kit drop target.
 * It renders nothing: a drop target reads dnd-kit's context and renders again whenever a drag
 * starts, crosses a target or ends, so it is kept apart from what it registers, which React then
 * leaves alone. Lanes mount it only while they are in reach (see `inReach` in dragState.ts).
 */
export function DropTarget({ id, node, engineerId }: { id: UniqueIdentifier; node: RefObject<HTMLElement | null>; engineerId?: number }) {
  const { setNodeRef } = useDroppable({ id, data: { engineerId } });
  useLayoutEffect(() => setNodeRef(node.current));
  return null;
}
