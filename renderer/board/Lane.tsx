import { useDroppable } from '@dnd-kit/core';
import { memo } from 'react';
import { fit } from '../../shared/fit.ts';
import { type Rank, levelName } from '../../shared/ladder.ts';
import type { Lane as LaneModel } from '../../shared/plan.ts';
import { fitHeadline } from './fitText.ts';
import { laneId } from './ids.ts';
import { LaneCard } from './LaneCard.tsx';

type LaneProps = {
  lane: LaneModel;
  /** The rung of the card being dragged over this lane, or null: the only prop a drag changes. */
  previewRung: Rank | null;
  /** Cards not mounted (the lane is far from the visible part of the board): the lane still takes drops. */
  cardsLater?: boolean;
};

/**
 * A drop target. This shell re-renders whenever dnd-kit's context does; the body below is memoized
 * on plain values, so a drag re-renders only the lanes it enters or leaves.
 */
export function Lane({ lane, previewRung, cardsLater = false }: LaneProps) {
  const { setNodeRef } = useDroppable({ id: laneId(lane.engineer.id), data: { engineerId: lane.engineer.id } });
  const e = lane.engineer;
  const preview = previewRung === null ? null : fit(previewRung, e.level);
  return (
    <section
      ref={setNodeRef}
      className={`lane${preview ? ` preview preview-${preview.kind}` : ''}`}
      data-id={`lane-${e.id}`}
      aria-label={`${e.name}, ${levelName(e.level)}`}
    >
      <LaneBody lane={lane} previewRung={previewRung} cardsLater={cardsLater} />
    </section>
  );
}

const sameLane = (a: LaneProps, b: LaneProps) =>
  a.previewRung === b.previewRung &&
  a.cardsLater === b.cardsLater &&
  (a.lane === b.lane || JSON.stringify(a.lane) === JSON.stringify(b.lane));

const LaneBody = memo(function LaneBody({ lane, previewRung, cardsLater }: LaneProps) {
  const { engineer: e, items, load, counts } = lane;
  const preview = previewRung === null ? null : fit(previewRung, e.level);
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
      {/* Below the cards, where the card being dragged (held near the top) does not cover it. */}
      {preview && (
        <p className={`lane-preview fit-${preview.kind}`} data-id="lane-preview">
          {fitHeadline(preview, e.level)}
        </p>
      )}
    </>
  );
}, sameLane);
