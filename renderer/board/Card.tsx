import { type ReactNode, memo, useContext } from 'react';
import { FIT_LABEL, describeFit } from '../../shared/fit.ts';
import { STATUS_LABEL, levelName } from '../../shared/ladder.ts';
import { type Estimate, estimateNote, pts } from '../../shared/load.ts';
import { itemFit } from '../../shared/plan.ts';
import type { Engineer, WorkItem } from '../../shared/schemas.ts';
import { carriedOverText, earlierNoteText } from '../../shared/work-team.ts';
import { QuarterNamesContext } from './context.ts';
import { useIsLifted } from './drag/dragState.ts';
import { cardHandleId } from './focusCard.ts';
import { counted } from './renderCount.ts';
import { useIsSelected } from './selection.ts';
import { useLadder } from '../ladder/useLadder.ts';

const kindLabel = (item: WorkItem) => (item.kind === 'initiative' ? 'Initiative' : 'Story');

/**
 * What an initiative's card says of its estimate against its stories (load.ts). Plain values, not
 * the Estimate object, which is rebuilt with every board: memoized cards compare props by identity.
 */
export type EstimateProps = { estimateNote?: string | null; estimateOutOfDate?: boolean };

export const estimateProps = (e: Estimate | undefined): EstimateProps =>
  e ? { estimateNote: estimateNote(e), estimateOutOfDate: e.overEstimateBy > 0 } : {};

type FaceProps = { item: WorkItem; engineer: Engineer | null } & EstimateProps;

/** The card's face: used in lanes, in the backlog and, unchanged, in the drag overlay. */
export const CardFace = memo(function CardFace({ item, engineer, estimateNote: note, estimateOutOfDate }: FaceProps) {
  const ladder = useLadder();
  const f = engineer ? itemFit(item, engineer) : null;
  const carriedFrom = useCarriedFrom(item);
  return (
    <>
      <span className="card-kind">{kindLabel(item)}</span>
      {f && (
        <span className={`fit-badge fit-${f.kind}`} title={describeFit(f)}>
          {FIT_LABEL[f.kind]}
        </span>
      )}
      <span className="card-title">{item.title}</span>
      <span className="card-rung">
        {levelName(ladder, item.rung)} rung
        {item.size !== null ? ` · ${pts(item.size)}` : ''}
        {item.status !== 'planned' ? ` · ${STATUS_LABEL[item.status]}` : ''}
      </span>
      {carriedFrom !== null && (
        <span className="card-carried" data-id="card-carried">
          {carriedOverText(carriedFrom)}
        </span>
      )}
      {note && (
        <span className={`card-estimate${estimateOutOfDate ? ' out-of-date' : ''}`} data-id="card-estimate">
          {note}
        </span>
      )}
      {f?.kind === 'overreach' && (
        <span className={`card-warning${item.assignment?.ackNote ? ' acknowledged' : ''}`}>
          {/* The badge already says Overreach; the warning names the gap. */}
          {item.assignment?.ackNote ? 'Kept on purpose: ' : 'Warning: '}
          {f.gap} rungs past {levelName(ladder, engineer!.level)}
          {/* Reopened by the copy: the lead sees why it was kept before, and decides again. */}
          {!item.assignment?.ackNote && item.carriedAckNote && carriedFrom !== null && (
            <span className="card-earlier-note"> ({earlierNoteText(carriedFrom, item.carriedAckNote)})</span>
          )}
        </span>
      )}
    </>
  );
});

/** The name of the quarter an item was carried over from, or null. */
export function useCarriedFrom(item: WorkItem): string | null {
  const names = useContext(QuarterNamesContext);
  return item.carriedFromQuarterId === null ? null : (names.get(item.carriedFromQuarterId) ?? null);
}

type DraggableCardProps = { item: WorkItem; engineer: Engineer | null; children?: ReactNode } & EstimateProps;

/** The hidden instructions a screen reader reads for every card's handle (DndContext's id, Board.tsx). */
export const DRAG_INSTRUCTIONS_ID = 'DndDescribedBy-board';

/**
 * A card that can be lifted. The drag handle is the card's face (a button for keyboards and screen
 * readers); controls beneath it (reviewer picker) sit outside the handle so typing in them never
 * lifts the card. A press on the handle is handed to the board's one draggable (Grip.tsx): no card
 * reads dnd-kit's context, so a drag starting, crossing lanes or ending renders only the card in
 * the air. Memoized on the snapshot's objects: otherwise a card renders again only when its item or
 * engineer changes.
 */
export const DraggableCard = memo(function DraggableCard({ item, engineer, children, ...estimate }: DraggableCardProps) {
  counted('cards');
  const f = engineer ? itemFit(item, engineer) : null;
  const lifted = useIsLifted(item.id);
  const selected = useIsSelected(item.id);
  return (
    <article
      className={`card card-${item.kind}${f ? ` fit-${f.kind}` : ''}${lifted ? ' is-dragging' : ''}${selected ? ' is-selected' : ''}`}
      data-id={`item-${item.id}`}
      aria-label={item.title}
    >
      <div
        className="card-handle"
        id={cardHandleId(item.id)}
        data-card-handle={item.id}
        role="button"
        tabIndex={0}
        aria-roledescription="draggable card"
        aria-describedby={DRAG_INSTRUCTIONS_ID}
        aria-pressed={lifted || undefined}
      >
        <CardFace item={item} engineer={engineer} {...estimate} />
        {/* Said and shown in words, not by the outline's colour alone. */}
        {selected && (
          <span className="card-selected" data-id="card-selected">
            <span aria-hidden="true">✓ </span>Selected
          </span>
        )}
      </div>
      {/* For the pointer; from the keyboard, A on the handle does the same and the card stays one Tab
          stop (the board handles the click, so no card subscribes to anything). */}
      <button type="button" className="card-assign" data-assign={item.id} tabIndex={-1} aria-label={`Assign to…: '${item.title}'`}>
        Assign to…
      </button>
      {children}
    </article>
  );
});
