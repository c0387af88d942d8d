import { type UniqueIdentifier, useDroppable } from '@dnd-kit/core';
import { type RefObject, createContext, useContext, useLayoutEffect, useMemo, useSyncExternalStore } from 'react';
import { BACKLOG_ID, SURFACE_ID } from './ids.ts';

// Drop targets are kept apart from the board that shows them. Anything that reads dnd-kit's
// context renders again whenever a drag starts, moves, crosses a target or ends, and React looks
// for such readers by walking the tree under <DndContext> on each of those changes: with the lanes
// inside it, that walk alone cost ~20 ms per drop at 300 engineers (npm run bench). So the board's
// lanes and backlog sit outside <DndContext>; each one that takes drops puts its element in this
// registry, and the drag judges which one a card is over on their boxes (boardCollisions, dnd.ts).
//
// dnd-kit itself knows two targets: the lanes' surface and the backlog (<DropTargets>). It measures
// each of its targets at every pick-up, and each measurement walks the target's ancestors for
// scroll containers: with the ~100 lanes in reach at 300 engineers registered with it, that was
// most of a keyboard pick-up's 40–100 ms task (a CPU profile), and every registered lane rendered
// again at each pick-up and drop.

// The target's id is all the board reads back (ids.ts: a lane's names its engineer).
export type Target = { id: UniqueIdentifier; node: RefObject<HTMLElement | null> };

export type DropTargetRegistry = {
  add: (target: Target) => () => void;
  subscribe: (listener: () => void) => () => void;
  list: () => readonly Target[];
};

export function createDropTargetRegistry(): DropTargetRegistry {
  const targets = new Map<UniqueIdentifier, Target>();
  const listeners = new Set<() => void>();
  let list: readonly Target[] = [];
  const changed = () => {
    list = [...targets.values()];
    for (const l of listeners) l();
  };
  return {
    add(target) {
      targets.set(target.id, target);
      changed();
      return () => {
        if (targets.get(target.id) !== target) return;
        targets.delete(target.id);
        changed();
      };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    list: () => list,
  };
}

export const DropTargetRegistryContext = createContext<DropTargetRegistry>(createDropTargetRegistry());

/** Makes the element behind `node` a drop target while `enabled` (a lane in reach, the backlog). */
export function useDropTarget(id: UniqueIdentifier, node: RefObject<HTMLElement | null>, enabled = true): void {
  const registry = useContext(DropTargetRegistryContext);
  useLayoutEffect(() => (enabled ? registry.add({ id, node }) : undefined), [registry, id, node, enabled]);
}

/**
 * dnd-kit's two drop targets, rendered inside <DndContext> (they render nothing): the lanes'
 * surface, an element inside the lanes' scroll container, and the backlog once it is registered.
 */
export function DropTargets({ registry, surface }: { registry: DropTargetRegistry; surface: HTMLElement | null }) {
  const targets = useSyncExternalStore(registry.subscribe, registry.list, registry.list);
  const backlog = targets.find((t) => t.id === BACKLOG_ID);
  const surfaceNode = useMemo(() => ({ current: surface }), [surface]);
  return (
    <>
      <DropTarget id={SURFACE_ID} node={surfaceNode} />
      {backlog && <DropTarget id={BACKLOG_ID} node={backlog.node} />}
    </>
  );
}

function DropTarget({ id, node }: Target) {
  // Nothing to watch: dnd-kit's boxes are not read (liveRects in dnd.ts).
  const { setNodeRef } = useDroppable({ id, resizeObserverConfig: { disabled: true } });
  useLayoutEffect(() => setNodeRef(node.current));
  return null;
}
