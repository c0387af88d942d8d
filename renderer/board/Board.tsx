import {
  DndContext,
  type DragEndEvent,
  type DragOverEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Rank } from '../../shared/ladder.ts';
import type { Lane as LaneModel } from '../../shared/plan.ts';
import type { Snapshot, Team } from '../../shared/schemas.ts';
import { boardAnnouncements, screenReaderInstructions } from './announcements.ts';
import { Backlog } from './Backlog.tsx';
import { CardFace } from './Card.tsx';
import { BoardActionsContext } from './context.ts';
import { laneCollisions, laneKeyboardCoordinates } from './dnd.ts';
import { Filters } from './Filters.tsx';
import { type BoardFilter, NO_FILTER, boardView } from './filters.ts';
import { BACKLOG_ID, engineerIdOf, itemIdOf, laneId } from './ids.ts';
import { Lane } from './Lane.tsx';
import { Toolbar } from './Toolbar.tsx';
import { type Notice, useBoardMoves } from './useBoardMoves.ts';
import { useNear } from './near.ts';
import { useUndoShortcuts } from './useUndoShortcuts.ts';
import { Warnings, overreaches } from './Warnings.tsx';
import './board.css';
import './board-scale.css';

type BoardProps = {
  snapshot: Snapshot;
  setSnapshot: (s: Snapshot) => void;
  reload: () => Promise<unknown>;
};

export function Board({ snapshot, setSnapshot, reload }: BoardProps) {
  const { assign, undo, redo, actions, notice, error, setError, takePendingPaint } = useBoardMoves({ snapshot, setSnapshot, reload });
  const [filter, setFilter] = useState<BoardFilter>(NO_FILTER);
  const view = useMemo(() => boardView(snapshot, filter), [snapshot, filter]);
  const warnings = useMemo(() => overreaches(snapshot.items, snapshot.engineers), [snapshot.items, snapshot.engineers]);

  const [activeItemId, setActiveItemId] = useState<number | null>(null);
  const [overId, setOverId] = useState<UniqueIdentifier | null>(null);
  /** The plan as it was when the card was lifted: what a cancel or a refusal restores. */
  const atDragStart = useRef<Snapshot | null>(null);

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
    useSensor(KeyboardSensor, { coordinateGetter: laneKeyboardCoordinates }),
  );

  const onDragStart = useCallback(
    ({ active }: DragStartEvent) => {
      performance.mark('rungs:drag-start');
      atDragStart.current = snapshot;
      setActiveItemId(itemIdOf(active.id));
    },
    [snapshot],
  );
  const onDragOver = useCallback(({ over }: DragOverEvent) => setOverId(over?.id ?? null), []);
  const endDrag = useCallback(() => {
    setActiveItemId(null);
    setOverId(null);
    const before = atDragStart.current;
    atDragStart.current = null;
    return before;
  }, []);
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
    if (before) setSnapshot(before);
  }, [endDrag, setSnapshot]);

  useUndoShortcuts(undo, redo, activeItemId !== null);

  const rendered = useRef(false);
  useLayoutEffect(() => {
    if (rendered.current) return;
    rendered.current = true;
    performance.mark('rungs:board-rendered');
  }, []);
  useLayoutEffect(() => {
    if (takePendingPaint()) performance.mark('rungs:drop-optimistic');
  }, [snapshot, takePendingPaint]);

  const activeItem = activeItemId === null ? undefined : itemsById.get(activeItemId);
  const overEngineerId = engineerIdOf(overId);
  const overEngineer = overEngineerId === null ? null : (engineersById.get(overEngineerId) ?? null);
  const fromBacklog = activeItem !== undefined && activeItem.assignment === null;

  return (
    <BoardActionsContext.Provider value={actions}>
      <div className="board-screen">
        <h2 className="sr-only">Staffing board, {snapshot.quarter.name}</h2>
        <div className="board-toolbar">
          <Toolbar history={snapshot.history} onUndo={undo} onRedo={redo} />
          <Filters teams={snapshot.teams} filter={filter} onChange={setFilter} />
        </div>
        <div className="board-messages">
          <div role="status" className={`notice${notice ? ` notice-${notice.tone}` : ''}`} data-id="notice">
            {notice && <NoticeText notice={notice} />}
          </div>
          <div role="alert" className={error ? 'alert' : undefined} data-id="alert">
            {error}
          </div>
          {error && (
            <button type="button" className="dismiss" onClick={() => setError(null)}>
              Dismiss error
            </button>
          )}
        </div>
        <DndContext
          sensors={sensors}
          collisionDetection={laneCollisions}
          accessibility={accessibility}
          onDragStart={onDragStart}
          onDragOver={onDragOver}
          onDragEnd={onDragEnd}
          onDragCancel={onDragCancel}
        >
          <div className="board">
            <section className="lanes" aria-label="Engineers">
              {view.teams.length === 0 && <p className="empty">No engineer matches the filters.</p>}
              {view.teams.map(({ team, lanes }, teamIndex) => (
                <TeamSection
                  key={team.id}
                  team={team}
                  lanes={lanes}
                  // The first two teams fill the first screen: their cards are in the first render.
                  firstScreen={teamIndex < 2}
                  previewLaneId={activeItem ? overId : null}
                  previewRung={activeItem ? activeItem.rung : null}
                />
              ))}
            </section>
            <aside className="side">
              <Warnings warnings={warnings} />
              <Backlog
                groups={view.groups}
                loose={view.loose}
                engineers={snapshot.engineers}
                over={overId === BACKLOG_ID && activeItem !== undefined && !fromBacklog}
              />
            </aside>
          </div>
          {createPortal(
            <DragOverlay dropAnimation={null}>
              {activeItem ? (
                <div className={`card card-${activeItem.kind} overlay`}>
                  <div className="card-handle">
                    <CardFace item={activeItem} engineer={overEngineer} />
                  </div>
                </div>
              ) : null}
            </DragOverlay>,
            document.body,
          )}
        </DndContext>
      </div>
    </BoardActionsContext.Provider>
  );
}

const NOTICE_ICON = { success: '✓', info: 'ℹ', warning: '⚠' } as const;

/** Not by colour alone: an icon, and a word for the warning, say what kind of notice this is. */
function NoticeText({ notice }: { notice: Notice }) {
  return (
    <>
      <span className="notice-icon" aria-hidden="true">
        {NOTICE_ICON[notice.tone]}
      </span>
      {notice.tone === 'warning' && <strong>Warning: </strong>}
      {notice.text}
    </>
  );
}

type TeamSectionProps = {
  team: Team;
  lanes: LaneModel[];
  firstScreen: boolean;
  previewLaneId: UniqueIdentifier | null;
  previewRung: Rank | null;
};

/** A team's lanes; their cards are mounted only near the visible part of the board (see near.ts). */
function TeamSection({ team, lanes, firstScreen, previewLaneId, previewRung }: TeamSectionProps) {
  const ref = useRef<HTMLElement>(null);
  const near = useNear(ref, '.lanes', firstScreen);
  return (
    <section ref={ref} className="team" aria-label={`Team ${team.name}`}>
      <h2>{team.name}</h2>
      <div className="team-lanes">
        {lanes.map((lane) => (
          <Lane
            key={lane.engineer.id}
            lane={lane}
            previewRung={previewLaneId === laneId(lane.engineer.id) ? previewRung : null}
            cardsLater={!near}
          />
        ))}
      </div>
    </section>
  );
}
