import { useDroppable } from '@dnd-kit/core';
import { type ReactNode, memo } from 'react';
import { fit } from '../../shared/fit.ts';
import { levelName } from '../../shared/ladder.ts';
import type { Lane as LaneModel } from '../../shared/plan.ts';
import { useAllTargets, usePreviewRung } from './dragState.ts';
import { fitHeadline } from './fitText.ts';
import { laneId } from './ids.ts';
import { LaneCard } from './LaneCard.tsx';
import { counted } from './renderCount.ts';

type LaneProps = {
  lane: LaneModel;
  /** Cards not mounted (the lane is far from the visible part of the board): the lane still takes drops. */
  cardsLater?: boolean;
};

/**
 * An engineer's lane, memoized on the lane object the board keeps between snapshots (structural
 * sharing, see share.ts): it renders again only when its engineer or cards change, or when a held
 * card enters or leaves it (usePreviewRung), never because the drag moved elsewhere.
 */
export const Lane = memo(function Lane({ lane, cardsLater = false }: LaneProps) {
  counted('lanes');
  const e = lane.engineer;
  const id = laneId(e.id);
  const previewRung = usePreviewRung(id);
  const preview = previewRung === null ? null : fit(previewRung, e.level);
  return (
    <LaneDrop
      id={id}
      engineerId={e.id}
      far={cardsLater}
      className={`lane${preview ? ` preview preview-${preview.kind}` : ''}`}
      label={`${e.name}, ${levelName(e.level)}`}
    >
      <LaneBody lane={lane} cardsLater={cardsLater} />
      {/* Below the cards, where the card being dragged (held near the top) does not cover it. */}
      {preview && (
        <p className={`lane-preview fit-${preview.kind}`} data-id="lane-preview">
          {fitHeadline(preview, e.level)}
        </p>
      )}
    </LaneDrop>
  );
});

type LaneDropProps = { id: string; engineerId: number; far: boolean; className: string; label: string; children: ReactNode };

/**
 * The drop target: the only part of a lane that reads dnd-kit's context, so it re-renders whenever
 * a drag starts, crosses a lane or ends; its children are the same elements each time, so React
 * stops here.
 *
 * A lane far from the visible part of the board (its team's cards are not mounted, near.ts) takes
 * no pointer drop: dnd-kit measures every enabled drop target when a card is picked up (a layout
 * read and a walk up the DOM for scroll containers each), and at 300 engineers measuring all 300
 * lanes made the pick-up one long task of ~60 ms (npm run bench). A pointer reaches only what is on
 * screen, and lanes come within reach a screen before they scroll into view, so the auto-scroll of
 * a drag finds them enabled. A keyboard drag walks and wraps to any lane: it enables them all.
 */
function LaneDrop({ id, engineerId, far, className, label, children }: LaneDropProps) {
  const allTargets = useAllTargets();
  const { setNodeRef } = useDroppable({ id, data: { engineerId }, disabled: far && !allTargets });
  return (
    <section ref={setNodeRef} className={className} data-id={id} aria-label={label}>
      {children}
    </section>
  );
}

const LaneBody = memo(function LaneBody({ lane, cardsLater }: Required<LaneProps>) {
  const { engineer: e, items, load, counts } = lane;
  const over = e.capacity !== null && load > e.capacity;
  return (
    <>
      <header className="lane-head">
        <span className="lane-name">{e.name}</span>
        <span className={`level level-${e.level}`}>{levelName(e.level)}</span>
        <span className={`load${over ? ' over' : ''}`} title="Load against capacity, in points">
          {load}
          {e.capacity !== null ? ` / ${e.capacity}` : ''} pts{over ? ' (over capacity)' : ''}
        </span>
        <span className="counts">
          <span className="count-in_reach">{counts.in_reach} in reach</span> ·{' '}
          <span className="count-stretch">{counts.stretch} stretch</span> ·{' '}
          <span className={counts.overreach > 0 ? 'count-overreach' : undefined}>{counts.overreach} overreach</span>
        </span>
      </header>
      <ul className="lane-items" aria-label={`Work carried by ${e.name}`} aria-busy={cardsLater || undefined}>
        {!cardsLater &&
          items.map((item) => (
            <li key={item.id}>
              <LaneCard item={item} engineer={e} />
            </li>
          ))}
        {items.length === 0 && <li className="empty">Nothing here yet</li>}
      </ul>
    </>
  );
});
