import { type UniqueIdentifier, useDroppable } from '@dnd-kit/core';
import { type RefObject, createContext, useContext, useLayoutEffect, useSyncExternalStore } from 'react';

// Drop targets are registered with dnd-kit apart from the board that shows them. Anything that
// reads dnd-kit's context renders again whenever a drag starts, moves, crosses a target or ends,
// and React looks for such readers by walking the tree under <DndContext> on each of those
// changes: with the lanes inside it, that walk alone cost ~20 ms per drop at 300 engineers (npm run
// bench). So the board's lanes and backlog sit outside <DndContext>; each one that takes drops
// puts its element in this registry, and <DropTargets>, inside <DndContext>, registers them.

// The target's id is all the board reads back (ids.ts: a lane's names its engineer).
type Target = { id: UniqueIdentifier; node: RefObject<HTMLElement | null> };

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

/** Every registered drop target, as dnd-kit droppables: rendered inside <DndContext>, and renders nothing. */
export function DropTargets({ registry }: { registry: DropTargetRegistry }) {
  const targets = useSyncExternalStore(registry.subscribe, registry.list, registry.list);
  return targets.map((t) => <DropTarget key={t.id} target={t} />);
}

function DropTarget({ target: { id, node } }: { target: Target }) {
  // Nothing to watch: dnd-kit's boxes are not read (liveRects in dnd.ts). Left on, each target made
  // a ResizeObserver at every pick-up and dropped it at every drop.
  const { setNodeRef } = useDroppable({ id, resizeObserverConfig: { disabled: true } });
  useLayoutEffect(() => setNodeRef(node.current));
  return null;
}
