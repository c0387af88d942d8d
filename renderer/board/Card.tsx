import { useDraggable } from '@dnd-kit/core';
import { type ReactNode, memo } from 'react';
import { FIT_LABEL, describeFit } from '../../shared/fit.ts';
import { STATUS_LABEL, levelName } from '../../shared/ladder.ts';
import { itemFit } from '../../shared/plan.ts';
import type { Engineer, WorkItem } from '../../shared/schemas.ts';
import { cardId } from './ids.ts';
import { counted } from './renderCount.ts';

const kindLabel = (item: WorkItem) => (item.kind === 'initiative' ? 'Initiative' : 'Story');

/** The card's face: used in lanes, in the backlog and, unchanged, in the drag overlay. */
export const CardFace = memo(function CardFace({ item, engineer }: { item: WorkItem; engineer: Engineer | null }) {
  const f = engineer ? itemFit(item, engineer) : null;
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
        {levelName(item.rung)} rung
        {item.size !== null ? ` · ${item.size} pts` : ''}
        {item.status !== 'planned' ? ` · ${STATUS_LABEL[item.status]}` : ''}
      </span>
      {f?.kind === 'overreach' && (
        <span className={`card-warning${item.assignment?.ackNote ? ' acknowledged' : ''}`}>
          {/* The badge already says Overreach; the warning names the gap. */}
          {item.assignment?.ackNote ? 'Kept on purpose: ' : 'Warning: '}
          {f.gap} rungs past {levelName(engineer!.level)}
        </span>
      )}
    </>
  );
});

type DraggableCardProps = { item: WorkItem; engineer: Engineer | null; children?: ReactNode };

/**
 * A draggable card. The drag handle is the card's face (a button for keyboards and screen readers);
 * controls beneath it (reviewer picker) sit outside the handle so typing in them never lifts the card.
 * Memoized on the snapshot's objects: a card renders again only when its item or engineer changes.
 */
export const DraggableCard = memo(function DraggableCard({ item, engineer, children }: DraggableCardProps) {
  counted('cards');
  const f = engineer ? itemFit(item, engineer) : null;
  return (
    <CardDrag
      itemId={item.id}
      className={`card card-${item.kind}${f ? ` fit-${f.kind}` : ''}`}
      title={item.title}
      face={<CardFace item={item} engineer={engineer} />}
    >
      {children}
    </CardDrag>
  );
});

type CardDragProps = { itemId: number; className: string; title: string; face: ReactNode; children?: ReactNode };

/**
 * The only part of a card that reads dnd-kit's context, which changes when a drag starts, crosses a
 * drop target or ends: it re-renders then, but hands React the same face and children elements, so
 * React stops here instead of rendering every mounted card's face again.
 */
function CardDrag({ itemId, className, title, face, children }: CardDragProps) {
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({ id: cardId(itemId), data: { itemId } });
  return (
    <article className={`${className}${isDragging ? ' is-dragging' : ''}`} data-id={`item-${itemId}`} aria-label={title}>
      <div ref={setNodeRef} className="card-handle" {...listeners} {...attributes} aria-roledescription="draggable card">
        {face}
      </div>
      {children}
    </article>
  );
}
