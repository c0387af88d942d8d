import { memo } from 'react';
import { canReview } from '../../shared/fit.ts';
import { levelName } from '../../shared/ladder.ts';
import { itemFit } from '../../shared/plan.ts';
import type { Engineer, WorkItem } from '../../shared/schemas.ts';
import { DraggableCard } from './Card.tsx';
import { useBoardActions } from './context.ts';

const LEAD = 'lead';

/** A card in an engineer's lane; a stretch offers its reviewer picker under the card's face. */
export const LaneCard = memo(function LaneCard({ item, engineer }: { item: WorkItem; engineer: Engineer }) {
  const stretch = itemFit(item, engineer).kind === 'stretch';
  return (
    <DraggableCard item={item} engineer={engineer}>
      {stretch && <ReviewerPicker item={item} assignee={engineer} />}
    </DraggableCard>
  );
});

function ReviewerPicker({ item, assignee }: { item: WorkItem; assignee: Engineer }) {
  const { engineers, setReviewer } = useBoardActions();
  const a = item.assignment;
  const value = a?.reviewerId ? String(a.reviewerId) : a?.leadReviews ? LEAD : '';
  const candidates = engineers.filter((e) => e.active && e.id !== assignee.id && canReview(e.level, assignee.level));
  return (
    <div className={`reviewer${value === '' ? ' missing' : ''}`}>
      <label>
        <span>{value === '' ? 'Needs a reviewer' : 'Reviewer'}</span>
        <select
          value={value}
          aria-label={`Reviewer for '${item.title}'`}
          onChange={(e) => {
            const v = e.target.value;
            if (v === LEAD) setReviewer(item.id, null, true);
            else setReviewer(item.id, v === '' ? null : Number(v), false);
          }}
        >
          <option value="">No reviewer yet</option>
          <option value={LEAD}>The lead</option>
          {candidates.map((e) => (
            <option key={e.id} value={String(e.id)}>
              {e.name} ({levelName(e.level)})
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
