import { type KeyboardEvent, type MouseEvent, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { levelName } from '../../shared/ladder.ts';
import type { Snapshot, WorkItem } from '../../shared/schemas.ts';
import { type AssignStep, AssignPopup } from './AssignPopup.tsx';
import { Backlog } from './Backlog.tsx';
import { BulkBar } from './BulkBar.tsx';
import { CardDetail } from './CardDetail.tsx';
import { BoardActionsContext, QuarterNamesContext } from './context.ts';
import { DragScope, useBoardDrag } from './drag/useBoardDrag.tsx';
import { Filters } from './Filters.tsx';
import { focusCard, focusTakenElsewhere } from './focusCard.ts';
import { type BoardFilter, NO_FILTER, overreaches, teamWarnings } from './filters.ts';
import { firstLanesPerTeam, teamStages, useMountedInStages } from './firstScreen.ts';
import { TeamSection } from './TeamSection.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useBoardMoves } from './useBoardMoves.ts';
import { useSharedView } from './share.ts';
import { useCardSelection } from './selection.ts';
import { ShortcutSheet } from './ShortcutSheet.tsx';
import { type StoriesOffer, StoriesOfferDialog, storiesOffer } from './StoriesOffer.tsx';
import { useUndoShortcuts } from '../undo.ts';
import { useMenuCommand } from '../shell-menu.ts';
import { Warnings } from './Warnings.tsx';
import { planStore } from '../store/plan.ts';
import { Notices } from '../ui/Notices.tsx';
import './board.css';
import './board-scale.css';
import './board-density.css';
import { useLadder } from '../ladder/useLadder.ts';

export function Board({ snapshot }: { snapshot: Snapshot }) {
  const ladder = useLadder();
  const { assign: move, assignAll, undo, redo, actions, takePendingPaint } = useBoardMoves(snapshot);
  const [filter, setFilter] = useState<BoardFilter>(NO_FILTER);
  // The previous view's lanes are kept wherever unchanged (share.ts): memoized lanes skip rendering.
  const view = useSharedView(snapshot, filter);
  const firstLanesOf = useMemo(() => firstLanesPerTeam(view.teams), [view.teams]);
  const teamsMounted = useMountedInStages(useMemo(() => teamStages(view.teams), [view.teams]));
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
      // The lead already moved on (opened the next card's Assign to…, typed in a field, went to
      // another card) before this change was stored: their focus is theirs.
      if (focusTakenElsewhere(itemId)) return;
      const at = order.findIndex((i) => i.id === itemId);
      // A card moved from one lane to another was not waiting in the backlog: focus stays with it.
      if (at === -1) return focusCard(itemId);
      const next = [...order.slice(at + 1), ...order.slice(0, at)].find((i) => i.id !== itemId);
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

  const itemsById = useMemo(() => new Map(snapshot.items.map((i) => [i.id, i])), [snapshot.items]);
  const engineersById = useMemo(() => new Map(snapshot.engineers.map((e) => [e.id, e])), [snapshot.engineers]);
  /** Which team (its index on the board) each engineer's lane is in: what decides which lanes are in reach. */
  const teamOf = useMemo(() => new Map(view.teams.flatMap(({ lanes }, i) => lanes.map((l) => [l.engineer.id, i] as const))), [view.teams]);

  /** An initiative dropped with stories still waiting: asked first (StoriesOffer.tsx). */
  const [offer, setOffer] = useState<StoriesOffer | null>(null);
  const onDrop = useCallback(
    (before: Snapshot, itemId: number, engineerId: number | null): 'moved' | 'asked' => {
      const ask = storiesOffer(before, itemId, engineerId);
      if (ask) {
        setOffer(ask);
        return 'asked';
      }
      void assign(before, itemId, engineerId);
      return 'moved';
    },
    [assign],
  );
  const answerOffer = useCallback(
    (withStories: boolean | null) => {
      if (!offer) return;
      setOffer(null);
      const { before, initiative, engineer, stories } = offer;
      if (withStories === null) {
        setAnnouncement(`Cancelled. '${initiative.title}' is back where it was.`);
        return focusCard(initiative.id);
      }
      if (!withStories) return void assign(before, initiative.id, engineer.id);
      const order = backlogOrder;
      void assignAll(before, [initiative.id, ...stories.map((s) => s.id)], engineer.id).then((ok) =>
        ok
          ? advance(
              initiative.id,
              order.filter((i) => !stories.includes(i)),
            )
          : focusCard(initiative.id),
      );
    },
    [offer, assign, assignAll, backlogOrder, advance],
  );
  const drag = useBoardDrag({ itemsById, engineersById, teamOf, onDrop });
  const selection = useCardSelection(backlogOrder, view.teams);
  const { press, dragging, layer, surface } = drag;
  useUndoShortcuts(undo, redo, dragging);

  /** The card Assign to… is open on, and the step it opened at. */
  const [assigning, setAssigning] = useState<{ itemId: number; step: AssignStep } | null>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  /** The card shown in the detail panel: opened by a click on it or Enter on its handle. */
  const [detailId, setDetailId] = useState<number | null>(null);
  /** The popup's last assignment: focus moves on once it is stored and the popup has closed. */
  const popupAssign = useRef<{ done: Promise<boolean>; order: readonly WorkItem[]; engineerId: number | null } | null>(null);
  const assignTo = useCallback(
    (itemId: number, engineerId: number | null) => {
      // Not moving focus yet: a stretch keeps the popup open for its reviewer.
      const done = assign(planStore.get().snapshot!, itemId, engineerId, false);
      popupAssign.current = { done, order: backlogOrder, engineerId };
      return done;
    },
    [assign, backlogOrder],
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
      if (handle && !dragging() && selection.key(e, Number(handle.dataset.cardHandle))) return;
      if (handle && !dragging() && e.key.toLowerCase() === 'a' && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        setAssigning({ itemId: Number(handle.dataset.cardHandle), step: 'assignee' });
        return;
      }
      // Enter opens the card's details; Space picks it up (and Space or Enter drops it).
      if (handle && !dragging() && e.key === 'Enter') return setDetailId(Number(handle.dataset.cardHandle));
      press.onKeyDown(e);
    },
    [dragging, press, selection],
  );
  const onClick = useCallback(
    (e: MouseEvent) => {
      const button = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-assign]') : null;
      if (button) return setAssigning({ itemId: Number(button.dataset.assign), step: 'assignee' });
      const handle = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-card-handle]') : null;
      if (handle && !selection.click(e, Number(handle.dataset.cardHandle))) setDetailId(Number(handle.dataset.cardHandle));
    },
    [selection],
  );
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
        <DragScope drag={drag} selection={selection.store}>
          <div className="board-screen">
            <h2 className="sr-only">Staffing board, {snapshot.quarter.name}</h2>
            <div className="board-toolbar">
              <Toolbar history={snapshot.history} onUndo={undo} onRedo={redo} />
              <Filters teams={snapshot.teams} filter={filter} onChange={setFilter} />
            </div>
            <div className="board-messages">
              <Notices variant="board" />
            </div>
            {/* Only the drag machinery is inside <DndContext>: the board is outside it (see drag/DropTarget.tsx). */}
            {layer}
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
            {offer && <StoriesOfferDialog offer={offer} onAnswer={answerOffer} />}
            <div className="board" {...press} onKeyDown={onKeyDown} onClick={onClick}>
              <section className="lanes" aria-label="Engineers">
                {/* The drag's one target for every lane, inside their scroll container (drag/DropTarget.tsx). */}
                <div ref={surface} hidden />
                {view.teams.length === 0 && <p className="empty">No engineer matches the filters.</p>}
                {/* Teams mount in stages after the first screen's (firstScreen.ts). One waiting for its
                    stage is not rendered at all: a heading-only placeholder remembered its height
                    (content-visibility), kept it once its lanes mounted off screen, and a keyboard
                    drag judged on those lanes' boxes jumped teams (board-far.spec.ts). */}
                {view.teams.slice(0, teamsMounted).map(({ team, lanes }, teamIndex) => (
                  <TeamSection
                    key={team.id}
                    team={team}
                    lanes={lanes}
                    index={teamIndex}
                    teams={view.teams.length}
                    firstScreen={teamIndex < 2}
                    firstLanes={firstLanesOf[teamIndex]!}
                  />
                ))}
              </section>
              <aside className="side">
                <Warnings warnings={warnings} />
                <Backlog groups={view.groups} loose={view.loose} engineers={snapshot.engineers} />
              </aside>
              {detailId !== null && (
                <CardDetail
                  itemId={detailId}
                  snapshot={snapshot}
                  onOpen={setDetailId}
                  onClose={() => (setDetailId(null), focusCard(detailId))}
                />
              )}
            </div>
            <BulkBar selection={selection} snapshot={snapshot} assignAll={assignAll} advance={advance} backlog={backlogOrder} />
          </div>
        </DragScope>
      </QuarterNamesContext.Provider>
    </BoardActionsContext.Provider>
  );
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
  // Help → Keyboard shortcuts in Electron's menu.
  useMenuCommand('sheet', () => setOpen(true));
}
