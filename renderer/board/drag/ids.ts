import type { UniqueIdentifier } from '@dnd-kit/core';

// dnd-kit ids for cards and drop targets. They never reach a screen reader: announcements name
// the card and the engineer instead.
export const BACKLOG_ID = 'backlog';
/** The lanes' surface: dnd-kit's one target for every lane (DropTarget.tsx). */
export const SURFACE_ID = 'lanes';
export const cardId = (itemId: number) => `item-${itemId}`;
export const laneId = (engineerId: number) => `lane-${engineerId}`;

const parse = (prefix: string, id: UniqueIdentifier | undefined | null): number | null => {
  if (typeof id !== 'string' || !id.startsWith(prefix)) return null;
  const n = Number(id.slice(prefix.length));
  return Number.isInteger(n) ? n : null;
};
export const itemIdOf = (id: UniqueIdentifier | undefined | null) => parse('item-', id);
export const engineerIdOf = (id: UniqueIdentifier | undefined | null) => parse('lane-', id);
