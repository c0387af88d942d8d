import { type ReactNode, memo } from 'react';
import { FIT_LABEL, describeFit } from '../../shared/fit.ts';
import { STATUS_LABEL, levelName } from '../../shared/ladder.ts';
import { itemFit } from '../../shared/plan.ts';
import type { Engineer, WorkItem } from '../../shared/schemas.ts';
import { plural } from '../../shared/words.ts';
import { useIsLifted } from './dragState.ts';
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
        {item.size !== null ? ` · ${plural(item.size, 'pt')}` : ''}
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
export const DraggableCard = memo(function DraggableCard({ item, engineer, children }: DraggableCardProps) {
  counted('cards');
  const f = engineer ? itemFit(item, engineer) : null;
  const lifted = useIsLifted(item.id);
  return (
    <article
      className={`card card-${item.kind}${f ? ` fit-${f.kind}` : ''}${lifted ? ' is-dragging' : ''}`}
      data-id={`item-${item.id}`}
      aria-label={item.title}
    >
      <div
        className="card-handle"
        data-card-handle={item.id}
        role="button"
        tabIndex={0}
        aria-roledescription="draggable card"
        aria-describedby={DRAG_INSTRUCTIONS_ID}
        aria-pressed={lifted || undefined}
      >
        <CardFace item={item} engineer={engineer} />
      </div>
      {children}
    </article>
  );
});
