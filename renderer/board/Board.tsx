import {
  DndContext,
  type DragEndEvent,
  type DragOverEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  type MeasuringConfiguration,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { type SyntheticEvent, memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { estimateOf } from '../../shared/load.ts';
import type { Lane as LaneModel } from '../../shared/plan.ts';
import type { Engineer, Snapshot, Team, WorkItem } from '../../shared/schemas.ts';
import { boardAnnouncements, screenReaderInstructions } from './announcements.ts';
import { Backlog } from './Backlog.tsx';
import { CardFace, DRAG_INSTRUCTIONS_ID, estimateProps } from './Card.tsx';
import { BoardActionsContext, QuarterNamesContext } from './context.ts';
import { DragStoreContext, IDLE, createDragStore, useDragState, useInReach } from './dragState.ts';
import { laneCollisions, laneKeyboardCoordinates } from './dnd.ts';
import { DropTargetRegistryContext, DropTargets, createDropTargetRegistry } from './DropTarget.tsx';
import { Filters } from './Filters.tsx';
import { Grip, type GripControl } from './Grip.tsx';
import { type BoardFilter, NO_FILTER, overreaches, teamWarnings } from './filters.ts';
import { BACKLOG_ID, engineerIdOf, itemIdOf } from './ids.ts';
import { Lane } from './Lane.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useBoardMoves } from './useBoardMoves.ts';
import { useNear } from './near.ts';
import { useSharedView } from './share.ts';
import { useUndoShortcuts } from './useUndoShortcuts.ts';
import { Warnings } from './Warnings.tsx';
import { planStore } from '../store/plan.ts';
import { Notices } from '../ui/Notices.tsx';
import './board.css';
import './board-scale.css';

export function Board({ snapshot }: { snapshot: Snapshot }) {
  const { assign, undo, redo, actions, takePendingPaint } = useBoardMoves(snapshot);
  const [filter, setFilter] = useState<BoardFilter>(NO_FILTER);
  // The previous view's lanes are kept wherever unchanged (share.ts): memoized lanes skip rendering.
  const view = useSharedView(snapshot, filter);
  const allWarnings = useMemo(() => overreaches(snapshot.items, snapshot.engineers), [snapshot.items, snapshot.engineers]);
  const warnings = useMemo(() => teamWarnings(allWarnings, filter.teamId), [allWarnings, filter.teamId]);
  const quarterNames = useMemo(() => new Map(snapshot.quarters.map((q) => [q.id, q.name])), [snapshot.quarters]);

  // Where the held card is: a store the lanes select from, not state of the board (dragState.ts).
  const [dragStore] = useState(createDragStore);
  /** The lanes and backlog that take drops, registered with dnd-kit by <DropTargets> (DropTarget.tsx). */
  const [dropTargets] = useState(createDropTargetRegistry);
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

  const itemsById = useMemo(() => new Map(snapshot.items.map((i) => [i.id, i])), [snapshot.items]);
  const engineersById = useMemo(() => new Map(snapshot.engineers.map((e) => [e.id, e])), [snapshot.engineers]);
  const accessibility = useMemo(
    () => ({
      announcements: boardAnnouncements({ item: (id) => itemsById.get(id), engineer: (id) => engineersById.get(id) }),
      screenReaderInstructions,
    }),
    [itemsById, engineersById],
  );

  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click on a card stays a click. Mouse, not
    // pointer, events: a finger also fires pointer events, and a pointer sensor would pick a card up
    // on any swipe before the touch sensor's press-and-hold could leave the swipe to scroll.
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // A short press on touch screens, so a swipe still scrolls the board.
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    // Instant scrolling: with dnd-kit's default smooth scroll a press took ~300 ms to settle, and a
    // drop in that time, with the lanes still moving, could land on no lane (npm run bench).
    useSensor(KeyboardSensor, { coordinateGetter: laneKeyboardCoordinates, scrollBehavior: 'auto' }),
  );

  /** Which team (its index on the board) each engineer's lane is in: what decides which lanes are in reach. */
  const teamOf = useMemo(() => new Map(view.teams.flatMap(({ lanes }, i) => lanes.map((l) => [l.engineer.id, i] as const))), [view.teams]);

  const onDragStart = useCallback(
    ({ active }: DragStartEvent) => {
      performance.mark('rungs:drag-start');
      atDragStart.current = snapshot;
      const id = itemIdOf(active.id);
      const item = id === null ? undefined : itemsById.get(id);
      dragStore.set({
        itemId: id,
        overId: null,
        rung: item?.rung ?? null,
        fromBacklog: item !== undefined && item.assignment === null,
        overTeam: teamOf.get(item?.assignment?.engineerId ?? -1) ?? dragStore.get().overTeam,
      });
    },
    [snapshot, itemsById, dragStore, teamOf],
  );
  const onDragOver = useCallback(
    ({ over }: DragOverEvent) => {
      const s = dragStore.get();
      dragStore.set({ ...s, overId: over?.id ?? null, overTeam: teamOf.get(engineerIdOf(over?.id) ?? -1) ?? s.overTeam });
    },
    [dragStore, teamOf],
  );
  const endDrag = useCallback(() => {
    dragStore.set({ ...IDLE, overTeam: dragStore.get().overTeam });
    const before = atDragStart.current;
    atDragStart.current = null;
    return before;
  }, [dragStore]);
  const onDragEnd = useCallback(
    ({ active, over }: DragEndEvent) => {
      const before = endDrag();
      const itemId = itemIdOf(active.id);
      if (!before || itemId === null || !over) return;
      const engineerId = over.id === BACKLOG_ID ? null : engineerIdOf(over.id);
      if (engineerId === null && over.id !== BACKLOG_ID) return;
      void assign(before, itemId, engineerId);
    },
    [endDrag, assign],
  );
  const onDragCancel = useCallback(() => {
    const before = endDrag();
    if (before) planStore.replace(before);
  }, [endDrag]);

  // The card in the air is the store's, not the board's state: a pick-up renders no board.
  const dragging = useCallback(() => dragStore.get().itemId !== null, [dragStore]);
  useUndoShortcuts(undo, redo, dragging);

  const rendered = useRef(false);
  useLayoutEffect(() => {
    if (rendered.current) return;
    rendered.current = true;
    performance.mark('rungs:board-rendered');
  }, []);
  useLayoutEffect(() => {
    if (takePendingPaint()) performance.mark('rungs:drop-optimistic');
  }, [snapshot, takePendingPaint]);

  return (
    <BoardActionsContext.Provider value={actions}>
      <QuarterNamesContext.Provider value={quarterNames}>
        <DragStoreContext.Provider value={dragStore}>
          <DropTargetRegistryContext.Provider value={dropTargets}>
            <div className="board-screen">
              <h2 className="sr-only">Staffing board, {snapshot.quarter.name}</h2>
              <div className="board-toolbar">
                <Toolbar history={snapshot.history} onUndo={undo} onRedo={redo} />
                <Filters teams={snapshot.teams} filter={filter} onChange={setFilter} />
              </div>
              <div className="board-messages">
                <Notices variant="board" />
              </div>
              {/* Only the drag machinery is inside <DndContext>: the board is outside it (see DropTarget.tsx). */}
              <DndContext
                // Its id names the hidden instructions every card's handle is described by.
                id={DRAG_INSTRUCTIONS_ID}
                sensors={sensors}
                measuring={MEASURING}
                collisionDetection={laneCollisions}
                accessibility={accessibility}
                onDragStart={onDragStart}
                onDragOver={onDragOver}
                onDragEnd={onDragEnd}
                onDragCancel={onDragCancel}
              >
                <Grip control={grip} dragStore={dragStore} />
                <DropTargets registry={dropTargets} />
                {createPortal(
                  <DragOverlay dropAnimation={null}>
                    <Overlay itemsById={itemsById} engineersById={engineersById} />
                  </DragOverlay>,
                  document.body,
                )}
              </DndContext>
              <div className="board" {...press}>
                <section className="lanes" aria-label="Engineers">
                  {view.teams.length === 0 && <p className="empty">No engineer matches the filters.</p>}
                  {view.teams.map(({ team, lanes }, teamIndex) => (
                    <TeamSection
                      key={team.id}
                      team={team}
                      lanes={lanes}
                      index={teamIndex}
                      teams={view.teams.length}
                      // The first two teams fill the first screen: their cards are in the first render.
                      firstScreen={teamIndex < 2}
                    />
                  ))}
                </section>
                <aside className="side">
                  <Warnings warnings={warnings} />
                  <Backlog groups={view.groups} loose={view.loose} engineers={snapshot.engineers} />
                </aside>
              </div>
            </div>
          </DropTargetRegistryContext.Provider>
        </DragStoreContext.Provider>
      </QuarterNamesContext.Provider>
    </BoardActionsContext.Provider>
  );
}

/**
 * Drop targets measured again 100 ms after the held card moves. A team coming near mounts its
 * cards, its lanes grow, and every lane below moves without changing size, which dnd-kit's resize
 * observer does not see: a keyboard press then aimed at where a lane had been and found no lane
 * (board-far.spec.ts on a busy CI machine; "dropped outside any lane" in npm run bench).
 */
const MEASURING: MeasuringConfiguration = { droppable: { frequency: 100 } };

type OverlayProps = { itemsById: ReadonlyMap<number, WorkItem>; engineersById: ReadonlyMap<number, Engineer> };

/** The card in the air: its face, with the fit for the engineer it is over. Presentational. */
function Overlay({ itemsById, engineersById }: OverlayProps) {
  const { itemId, overId } = useDragState();
  const item = itemId === null ? undefined : itemsById.get(itemId);
  // The card in the air says what it said where it was picked up (an initiative's estimate note).
  const estimate = useMemo(
    () => (item?.kind === 'initiative' ? estimateOf(item, { items: [...itemsById.values()] }) : undefined),
    [item, itemsById],
  );
  if (!item) return null;
  const overEngineerId = engineerIdOf(overId);
  const overEngineer = overEngineerId === null ? null : (engineersById.get(overEngineerId) ?? null);
  return (
    <div className={`card card-${item.kind} overlay`}>
      <div className="card-handle">
        <CardFace item={item} engineer={overEngineer} {...estimateProps(estimate)} />
      </div>
    </div>
  );
}

type TeamSectionProps = { team: Team; lanes: LaneModel[]; index: number; teams: number; firstScreen: boolean };

/**
 * A team's lanes; their cards are mounted only near the visible part of the board (see near.ts),
 * and they take drops only while in reach (see inReach in dragState.ts).
 */
const TeamSection = memo(function TeamSection({ team, lanes, index, teams, firstScreen }: TeamSectionProps) {
  const ref = useRef<HTMLElement>(null);
  const near = useNear(ref, '.lanes', firstScreen);
  const reach = useInReach(index, teams, near);
  return (
    <section ref={ref} className="team" aria-label={`Team ${team.name}`}>
      <h2>{team.name}</h2>
      <div className="team-lanes">
        {lanes.map((lane) => (
          <Lane key={lane.engineer.id} lane={lane} cardsLater={!near} dropTarget={reach} />
        ))}
      </div>
    </section>
  );
});
