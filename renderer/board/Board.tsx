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
import {
  type KeyboardEvent,
  type MouseEvent,
  type SyntheticEvent,
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { createPortal } from 'react-dom';
import { levelName } from '../../shared/ladder.ts';
import { estimateOf } from '../../shared/load.ts';
import type { Lane as LaneModel } from '../../shared/plan.ts';
import type { Engineer, Snapshot, Team, WorkItem } from '../../shared/schemas.ts';
import { boardAnnouncements, screenReaderInstructions } from './announcements.ts';
import { type AssignStep, AssignPopup } from './AssignPopup.tsx';
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
import { ShortcutSheet } from './ShortcutSheet.tsx';
import { useUndoShortcuts } from './useUndoShortcuts.ts';
import { Warnings } from './Warnings.tsx';
import { planStore } from '../store/plan.ts';
import { Notices } from '../ui/Notices.tsx';
import './board.css';
import './board-scale.css';
import { useLadder } from '../ladder/useLadder.ts';

export function Board({ snapshot }: { snapshot: Snapshot }) {
  const ladder = useLadder();
  const { assign: move, undo, redo, actions, takePendingPaint } = useBoardMoves(snapshot);
  const [filter, setFilter] = useState<BoardFilter>(NO_FILTER);
  // The previous view's lanes are kept wherever unchanged (share.ts): memoized lanes skip rendering.
  const view = useSharedView(snapshot, filter);
  const allWarnings = useMemo(() => overreaches(snapshot.items, snapshot.engineers), [snapshot.items, snapshot.engineers]);
  const warnings = useMemo(() => teamWarnings(allWarnings, filter.teamId), [allWarnings, filter.teamId]);
  /** The backlog's cards in the order it shows them: where focus goes after an assignment. */
  const backlogOrder = useMemo(
    () => [
      ...view.groups.flatMap((g) => (g.initiative && !g.initiative.assignment ? [g.initiative, ...g.stories] : g.stories)),
      ...view.loose,
    ],
    [view.groups, view.loose],
  );
  const [announcement, setAnnouncement] = useState('');
  /**
   * Every assignment, whichever way it was made (a drop, Assign to…), takes the drop's path
   * (useBoardMoves). Once an item has gone to an engineer, focus moves on to the next card waiting
   * in the backlog and the live region names it: staffing a backlog from the keyboard is then A,
   * a few letters, Enter, again and again, with no Tab through the lanes in between.
   */
  const advance = useCallback(
    (itemId: number, order: readonly WorkItem[]) => {
      const at = order.findIndex((i) => i.id === itemId);
      const next = [...order.slice(at + 1), ...order.slice(0, Math.max(at, 0))].find((i) => i.id !== itemId);
      if (next) {
        setAnnouncement(`Next in the backlog: '${next.title}', ${levelName(ladder, next.rung)}-rung ${next.kind}`);
        focusCard(next.id);
      } else setAnnouncement('The backlog is empty: every card is staffed.');
    },
    [ladder],
  );
  const assign = useCallback(
    async (before: Snapshot, itemId: number, engineerId: number | null, moveFocus = true): Promise<boolean> => {
      const order = backlogOrder;
      const ok = await move(before, itemId, engineerId);
      if (ok && engineerId !== null && moveFocus) advance(itemId, order);
      return ok;
    },
    [move, backlogOrder, advance],
  );
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
      announcements: boardAnnouncements({ item: (id) => itemsById.get(id), engineer: (id) => engineersById.get(id), ladder }),
      screenReaderInstructions,
    }),
    [itemsById, engineersById, ladder],
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

  /** The card Assign to… is open on, and the step it opened at. */
  const [assigning, setAssigning] = useState<{ itemId: number; step: AssignStep } | null>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  /** The popup's last assignment: focus moves on once it is stored and the popup has closed. */
  const popupAssign = useRef<{ done: Promise<boolean>; order: readonly WorkItem[]; engineerId: number | null } | null>(null);
  const assignTo = useCallback(
    (itemId: number, engineerId: number | null) => {
      // Not moving focus yet: a stretch keeps the popup open for its reviewer.
      const done = assign(snapshot, itemId, engineerId, false);
      popupAssign.current = { done, order: backlogOrder, engineerId };
      return done;
    },
    [assign, snapshot, backlogOrder],
  );
  const closeAssign = useCallback(
    (moved: boolean) => {
      const itemId = assigning?.itemId;
      const last = popupAssign.current;
      popupAssign.current = null;
      setAssigning(null);
      if (itemId === undefined) return;
      // Assigned: on to the next backlog card once stored. Cancelled or unassigned: back to the card.
      if (moved && last && last.engineerId !== null) void last.done.then((ok) => (ok ? advance(itemId, last.order) : focusCard(itemId)));
      else focusCard(itemId);
    },
    [assigning, advance],
  );
  useShortcutSheetKey(setSheetOpen, dragging, assigning !== null);
  /** A on a card's handle opens Assign to…; any other key on the board goes to the drag sensors. */
  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      const handle = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-card-handle]') : null;
      if (handle && !dragging() && e.key.toLowerCase() === 'a' && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        setAssigning({ itemId: Number(handle.dataset.cardHandle), step: 'assignee' });
        return;
      }
      press.onKeyDown(e);
    },
    [dragging, press],
  );
  const onClick = useCallback((e: MouseEvent) => {
    const button = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-assign]') : null;
    if (button) setAssigning({ itemId: Number(button.dataset.assign), step: 'assignee' });
  }, []);
  const assigningItem = assigning ? itemsById.get(assigning.itemId) : undefined;

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
              <p role="status" className="sr-only" data-id="next-announcement">
                {announcement}
              </p>
              {assigning && assigningItem && (
                <AssignPopup
                  key={assigning.itemId}
                  item={assigningItem}
                  engineers={snapshot.engineers}
                  items={snapshot.items}
                  step={assigning.step}
                  assign={assignTo}
                  setReviewer={actions.setReviewer}
                  onCancel={() => closeAssign(false)}
                  onDone={closeAssign}
                />
              )}
              {sheetOpen && <ShortcutSheet onClose={() => setSheetOpen(false)} />}
              <div className="board" {...press} onKeyDown={onKeyDown} onClick={onClick}>
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
 * Focus a card's handle once it is on the page: after a move the card re-mounts in its new place,
 * and a backlog card far down the side panel mounts only when scrolled near (near.ts).
 */
function focusCard(itemId: number, tries = 30): void {
  const handle = document.querySelector<HTMLElement>(`[data-card-handle="${itemId}"]`);
  if (handle) {
    handle.focus({ preventScroll: true });
    handle.scrollIntoView({ block: 'nearest' });
  } else if (tries > 0) requestAnimationFrame(() => focusCard(itemId, tries - 1));
}

const EDITABLE = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

/** ? anywhere on the board (not while typing, dragging or choosing) opens the shortcut sheet. */
function useShortcutSheetKey(setOpen: (open: boolean) => void, dragging: () => boolean, busy: boolean): void {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== '?' || busy || dragging() || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.target instanceof Element && e.target.closest(EDITABLE)) return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setOpen, dragging, busy]);
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
