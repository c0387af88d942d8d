import { touchpointAnchor } from '../../shared/competency-map.ts';
import { FIT_LABEL, type Fit, describeFit } from '../../shared/fit.ts';
import { type Ladder, levelName } from '../../shared/ladder.ts';
import { type Estimate, describeEstimate } from '../../shared/load.ts';
import type { WorkItem } from '../../shared/schemas.ts';
import { type Go, itemSelector } from '../navigation.ts';

// Pieces of the plan every screen shows the same way: a fit, an item that links to its card, touchpoint
// tags that link to the map, an initiative's estimate.

/** A fit in words and colour (colour is never the only signal). */
export function FitTag({ fit }: { fit: Fit }) {
  return (
    <span className={`fit-badge fit-${fit.kind}`} title={describeFit(fit)}>
      {FIT_LABEL[fit.kind]}
      {fit.belowLevel ? ' (below level)' : ''}
    </span>
  );
}

/** An item's title as a link that jumps to its card on the board. */
export function ItemLink({ item, go }: { item: WorkItem; go: Go }) {
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => go({ screen: 'Board', focus: itemSelector(item.id) })}
      aria-label={`${item.title}: show on the board`}
    >
      {item.title}
    </button>
  );
}

/** Items as links to the board, comma-separated; "none" when there are none. */
export function ItemLinks({ items, go }: { items: readonly WorkItem[]; go: Go }) {
  if (items.length === 0) return <>none</>;
  return items.map((i, n) => (
    <span key={i.id}>
      {n > 0 && ', '}
      <ItemLink item={i} go={go} />
    </span>
  ));
}

export const rungLabel = (ladder: Ladder, item: WorkItem) => `${levelName(ladder, item.rung)} rung`;

/** An initiative's estimate against its stories; stories past it say the estimate is out of date. */
export function EstimateCell({ initiative, estimate }: { initiative: WorkItem; estimate: Estimate }) {
  return <td className={estimate.overEstimateBy > 0 ? 'out-of-date' : undefined}>{describeEstimate(initiative, estimate)}</td>;
}

/** Touchpoint tags link to the map's rows. */
export function TouchpointTags({ item, go, engineerId }: { item: WorkItem; go: Go; engineerId?: number | undefined }) {
  if (item.touchpoints.length === 0) return null;
  return (
    <span className="tags" aria-label="Touchpoints">
      {item.touchpoints.map((t) => (
        <a
          key={t}
          className="tag"
          href={`#${touchpointAnchor(t)}`}
          onClick={(e) => {
            e.preventDefault();
            go({ screen: 'Competency map', focus: `#${touchpointAnchor(t)}`, engineerId });
          }}
        >
          {t}
        </a>
      ))}
    </span>
  );
}
