import { memo, useRef } from 'react';
import { fit } from '../../shared/fit.ts';
import { levelName } from '../../shared/ladder.ts';
import { describeLoad } from '../../shared/load.ts';
import type { Lane as LaneModel } from '../../shared/plan.ts';
import type { WorkItem } from '../../shared/schemas.ts';
import { isOverCapacity, loadAgainstCapacity } from '../../shared/words.ts';
import { usePreviewRung } from './drag/dragState.ts';
import { useDropTarget } from './drag/DropTarget.tsx';
import { estimateProps } from './Card.tsx';
import { fitHeadline } from './fitText.ts';
import { laneId } from './drag/ids.ts';
import { LaneCard } from './LaneCard.tsx';
import { LaneReviews } from './LaneFacts.tsx';
import { useCameNear } from './near.ts';
import { counted } from './renderCount.ts';
import { useLadder } from '../ladder/useLadder.ts';
import { useNameOf } from '../store/engineerNames.ts';

type LaneProps = {
  lane: LaneModel;
  /** In the first screen: its cards are in the first render, before anything is observed (near.ts). */
  firstScreen: boolean;
  /** The lane takes drops (it is in reach: see inReach in dragState.ts). */
  dropTarget: boolean;
};

/**
 * An engineer's lane, memoized on the lane object the board keeps between snapshots (structural
 * sharing, see share.ts): it renders again only when its engineer or cards change, when it comes
 * into or out of reach, or when a held card enters or leaves it (usePreviewRung), never because
 * the drag moved elsewhere. It reads nothing of dnd-kit's (see DropTarget.tsx).
 */
export const Lane = memo(function Lane({ lane, firstScreen, dropTarget }: LaneProps) {
  const ladder = useLadder();
  counted('lanes');
  const e = lane.engineer;
  const name = useNameOf()(e);
  const id = laneId(e.id);
  const ref = useRef<HTMLElement>(null);
  // Cards mount once the lane has come near the visible part of the board, and stay (near.ts).
  const cardsLater = !useCameNear(ref, '.lanes', firstScreen);
  useDropTarget(id, ref, dropTarget);
  const previewRung = usePreviewRung(id);
  const preview = previewRung === null ? null : fit(previewRung, e.level);
  return (
    <section
      ref={ref}
      className={`lane${preview ? ` preview preview-${preview.kind}` : ''}`}
      data-id={id}
      aria-label={`${name}, ${levelName(ladder, e.level)}`}
    >
      <LaneBody lane={lane} cardsLater={cardsLater} />
      {/* Below the cards, where the card being dragged (held near the top) does not cover it. */}
      {preview && (
        <p className={`lane-preview fit-${preview.kind}`} data-id="lane-preview">
          {fitHeadline(ladder, preview, e.level)}
        </p>
      )}
    </section>
  );
});

const LaneBody = memo(function LaneBody({ lane, cardsLater }: { lane: LaneModel; cardsLater: boolean }) {
  const ladder = useLadder();
  const { engineer: e, items, load, counts } = lane;
  const name = useNameOf()(e);
  const over = isOverCapacity(load.points, e.capacity);
  const estimateOf = (item: WorkItem) => {
    const part = item.kind === 'initiative' ? load.parts.find((p) => p.item === item) : undefined;
    return part?.kind === 'dri_remainder' ? part.estimate : undefined;
  };
  return (
    <>
      <header className="lane-head">
        <span className="lane-name">{name}</span>
        <span className={`level level-${e.level}`}>{levelName(ladder, e.level)}</span>
        {/* Where the points come from, part by part: a DRI carries only what is not yet in stories.
            Worded only where the cards are mounted too (near.ts): at 300 engineers, wording every
            lane's load was ~5% of the board's first render, for lanes nobody can point at yet. */}
        <span
          className={`load${over ? ' over' : ''}`}
          title={cardsLater ? undefined : `Load against capacity: ${describeLoad(load)}`}
          data-id="load"
        >
          {loadAgainstCapacity(load.points, e.capacity)}
        </span>
        {/* One text where it can be: every lane has this header, and at 300 engineers its spans
            and text nodes were a sixth of the board's elements. */}
        <span className="counts">
          {`${counts.in_reach} in reach · ${counts.stretch} stretch · `}
          {counts.overreach > 0 ? <span className="count-overreach">{`${counts.overreach} overreach`}</span> : '0 overreach'}
        </span>
      </header>
      <ul className="lane-items" aria-label={`Work carried by ${name}`} aria-busy={cardsLater || undefined}>
        {!cardsLater &&
          items.map((item) => (
            <li key={item.id}>
              <LaneCard item={item} engineer={e} {...estimateProps(estimateOf(item))} />
            </li>
          ))}
        {items.length === 0 && <li className="empty">Nothing here yet</li>}
      </ul>
      {!cardsLater && <LaneReviews engineerId={e.id} />}
    </>
  );
});
