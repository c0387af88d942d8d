import {
  DndContext,
  type DragEndEvent,
  type DragMoveEvent,
  DragOverlay,
  type DragStartEvent,
  type UniqueIdentifier,
  KeyboardSensor,
  type KeyboardSensorOptions,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { type ReactNode, type SyntheticEvent, useCallback, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Snapshot } from '../../../shared/schemas.ts';
import { planStore } from '../../store/plan.ts';
import { DRAG_INSTRUCTIONS_ID } from '../Card.tsx';
import { boardAnnouncements, screenReaderInstructions } from './announcements.ts';
import { boardCollisions, laneKeyboardCoordinates, targetOf } from './dnd.ts';
import { DragOverlayCard, type OverlayProps } from './DragOverlayCard.tsx';
import { DragStoreContext, IDLE, type DragStore, createDragStore } from './dragState.ts';
import { DropTargetRegistryContext, DropTargets, type DropTargetRegistry, createDropTargetRegistry } from './DropTarget.tsx';
import { Grip, type GripControl } from './Grip.tsx';
import { BACKLOG_ID, engineerIdOf, itemIdOf } from './ids.ts';
import { useLadder } from '../../ladder/useLadder.ts';
import { SelectionContext, type SelectionStore } from '../selection.ts';
import { useNameOf } from '../../store/engineerNames.ts';

// The board's drag, behind one hook. What buys its speed at 300 engineers and more, each piece in
// this folder and described in docs/architecture.md ("The board's drag architecture"):
// - one draggable, the grip (Grip.tsx), instead of one per card;
// - the board outside <DndContext>: lanes register their elements (DropTarget.tsx), only lanes in
//   reach take drops (inReach in dragState.ts), and dnd-kit knows two targets, the lanes' surface
//   and the backlog: which lane a card is over is judged in boardCollisions (dnd.ts);
// - where the card is, in a small store the lanes select from (dragState.ts), not in React state;
// - which lane a card is over judged on the lanes' boxes as they are now (liveRects in dnd.ts),
//   so nothing is measured again on a timer.

export type BoardDragOptions = OverlayProps & {
  /** Which team (its index on the board) each engineer's lane is in: what decides which lanes are in reach. */
  teamOf: ReadonlyMap<number, number>;
  /**
   * A card dropped on an engineer's lane (or the backlog: null), with the plan as it was at pick-up.
   * 'asked': the board asks the lead something before anything moves (an initiative's waiting stories).
   */
  onDrop: (before: Snapshot, itemId: number, engineerId: number | null) => 'moved' | 'asked';
};

export type BoardDrag = {
  /** Handlers for the board's element: a press on any card's handle starts that card's drag. */
  press: Record<'onMouseDown' | 'onTouchStart' | 'onKeyDown', (e: SyntheticEvent) => void>;
  /** True while a card is in the air (keys then belong to the drag). */
  dragging: () => boolean;
  /** The drag machinery (dnd-kit's context, the grip, the registered targets, the card in the air). */
  layer: ReactNode;
  store: DragStore;
  targets: DropTargetRegistry;
  /** A callback ref for an element inside the lanes' scroll container: dnd-kit's one target for every lane (DropTarget.tsx). */
  surface: (element: HTMLElement | null) => void;
};

// The sensors' options, made once: options made in a render are new objects each time, and new
// sensors would render dnd-kit's context again (see `layer` below).
/**
 * A few pixels of travel before a drag starts, so a click on a card stays a click. Mouse, not
 * pointer, events: a finger also fires pointer events, and a pointer sensor would pick a card up
 * on any swipe before the touch sensor's press-and-hold could leave the swipe to scroll.
 */
const MOUSE = { activationConstraint: { distance: 6 } };
/** A short press on touch screens, so a swipe still scrolls the board. */
const TOUCH = { activationConstraint: { delay: 200, tolerance: 8 } };
/**
 * Arrow keys go from lane to lane among the registered targets. Instant scrolling: with dnd-kit's
 * default smooth scroll a press took ~300 ms to settle, and a drop in that time, with the lanes
 * still moving, could land on no lane (npm run bench).
 */
const keyboardOptions = (targets: DropTargetRegistry): KeyboardSensorOptions => ({
  coordinateGetter: laneKeyboardCoordinates(targets),
  scrollBehavior: 'auto',
});

export function useBoardDrag({ itemsById, engineersById, teamOf, onDrop }: BoardDragOptions): BoardDrag {
  const nameOf = useNameOf();
  const ladder = useLadder();
  // Where the held card is: a store the lanes select from, not state of the board (dragState.ts).
  const [store] = useState(createDragStore);
  /** The lanes and backlog that take drops, registered with dnd-kit by <DropTargets> (DropTarget.tsx). */
  const [targets] = useState(createDropTargetRegistry);
  const [surface, setSurface] = useState<HTMLElement | null>(null);
  // Made once, with the registry: new options would make new sensors (see `layer` below).
  const [keyboard] = useState(() => keyboardOptions(targets));
  const [collisions] = useState(() => boardCollisions(targets));
  /** The plan as it was when the card was lifted: what a cancel or a refusal restores. */
  const atDragStart = useRef<Snapshot | null>(null);
  /** Presses on any card's handle go to the one draggable (Grip.tsx). */
  const grip = useRef<GripControl>(null);
  const press = useMemo(
    () => ({
      onMouseDown: (e: SyntheticEvent) => grip.current?.press(e, 'onMouseDown'),
      onTouchStart: (e: SyntheticEvent) => grip.current?.press(e, 'onTouchStart'),
      onKeyDown: (e: SyntheticEvent) => grip.current?.press(e, 'onKeyDown'),
    }),
    [],
  );

  const sensors = useSensors(useSensor(MouseSensor, MOUSE), useSensor(TouchSensor, TOUCH), useSensor(KeyboardSensor, keyboard));
  const accessibility = useMemo(
    () => ({
      announcements: boardAnnouncements({
        item: (id) => itemsById.get(id),
        engineer: (id) => engineersById.get(id),
        nameOf,
        // dnd-kit announces a drop after onDragEnd, which has recorded where it landed.
        landed: () => store.get().landed,
        asked: () => store.get().asked,
        over: () => store.get().overId,
        ladder,
      }),
      screenReaderInstructions,
    }),
    [itemsById, engineersById, nameOf, store, ladder],
  );

  const onDragStart = useCallback(
    ({ active }: DragStartEvent) => {
      performance.mark('rungs:drag-start');
      // The store's, not a render's: the callback then stays the same across replies.
      atDragStart.current = planStore.get().snapshot;
      const id = itemIdOf(active.id);
      const item = id === null ? undefined : itemsById.get(id);
      store.set({
        itemId: id,
        overId: null,
        rung: item?.rung ?? null,
        fromBacklog: item !== undefined && item.assignment === null,
        landed: null,
        asked: false,
        overTeam: teamOf.get(item?.assignment?.engineerId ?? -1) ?? store.get().overTeam,
      });
    },
    [itemsById, store, teamOf],
  );
  /**
   * Where the card is now, from the collision dnd-kit judged (boardCollisions): on every move, as
   * crossing from one lane to the next changes nothing dnd-kit sees (its target stays the surface).
   * Called before dnd-kit's monitors, so the announcement of the move reads the same target.
   */
  const onDragMove = useCallback(
    ({ collisions }: DragMoveEvent) => {
      const s = store.get();
      const overId = targetOf(collisions);
      store.set({ ...s, overId, overTeam: teamOf.get(engineerIdOf(overId) ?? -1) ?? s.overTeam });
    },
    [store, teamOf],
  );
  const endDrag = useCallback(
    (landed: UniqueIdentifier | null) => {
      store.set({ ...IDLE, overTeam: store.get().overTeam, landed });
      const before = atDragStart.current;
      atDragStart.current = null;
      return before;
    },
    [store],
  );
  const onDragEnd = useCallback(
    ({ active, collisions }: DragEndEvent) => {
      // The card lands where the board showed it would: the target last previewed. dnd-kit's own
      // answer is judged on its last render, and a lane that moved under a still pointer or a
      // held key since then (cards mounting near the view) could make it "outside any lane".
      const target = store.get().overId ?? targetOf(collisions);
      const before = endDrag(target);
      const itemId = itemIdOf(active.id);
      if (!before || itemId === null || target === null) return;
      const engineerId = target === BACKLOG_ID ? null : engineerIdOf(target);
      if (engineerId === null && target !== BACKLOG_ID) return;
      if (onDrop(before, itemId, engineerId) === 'asked') store.set({ ...store.get(), asked: true });
    },
    [store, endDrag, onDrop],
  );
  const onDragCancel = useCallback(() => {
    const before = endDrag(null);
    if (before) planStore.replace(before);
  }, [endDrag]);
  // The card in the air is the store's, not the board's state: a pick-up renders no board.
  const dragging = useCallback(() => store.get().itemId !== null, [store]);

  // The same element while nothing it shows changed: a reply that changes only the history (most
  // of them) or a lane elsewhere does not render dnd-kit's context and its registered targets again.
  const layer = useMemo(
    () => (
      <DndContext
        // Its id names the hidden instructions every card's handle is described by.
        id={DRAG_INSTRUCTIONS_ID}
        sensors={sensors}
        collisionDetection={collisions}
        accessibility={accessibility}
        onDragStart={onDragStart}
        onDragMove={onDragMove}
        onDragOver={onDragMove}
        onDragEnd={onDragEnd}
        onDragCancel={onDragCancel}
      >
        <Grip control={grip} dragStore={store} />
        <DropTargets registry={targets} surface={surface} />
        {createPortal(
          <DragOverlay dropAnimation={null}>
            <DragOverlayCard itemsById={itemsById} engineersById={engineersById} />
          </DragOverlay>,
          document.body,
        )}
      </DndContext>
    ),
    [
      sensors,
      collisions,
      accessibility,
      onDragStart,
      onDragMove,
      onDragEnd,
      onDragCancel,
      store,
      targets,
      surface,
      itemsById,
      engineersById,
    ],
  );
  return { press, dragging, layer, store, targets, surface: setSurface };
}

/**
 * Gives the lanes and the backlog (outside <DndContext>) the drag's store and target registry, and
 * the store of picked cards (selection.ts): what a card shows of either, it selects from a store.
 */
export function DragScope({ drag, selection, children }: { drag: BoardDrag; selection: SelectionStore; children: ReactNode }) {
  return (
    <DragStoreContext.Provider value={drag.store}>
      <SelectionContext.Provider value={selection}>
        <DropTargetRegistryContext.Provider value={drag.targets}>{children}</DropTargetRegistryContext.Provider>
      </SelectionContext.Provider>
    </DragStoreContext.Provider>
  );
}
