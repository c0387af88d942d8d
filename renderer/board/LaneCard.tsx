import { memo, useState } from 'react';
import { reviewerProblem } from '../../shared/assignment.ts';
import { levelName } from '../../shared/ladder.ts';
import { itemFit } from '../../shared/plan.ts';
import type { Engineer, WorkItem } from '../../shared/schemas.ts';
import { DraggableCard, type EstimateProps } from './Card.tsx';
import { useBoardActions } from './context.ts';
import { useLadder } from '../ladder/useLadder.ts';
import { CardInitiative } from './LaneFacts.tsx';
import { useNameOf } from '../store/engineerNames.ts';

const LEAD = 'lead';

/**
 * A card in an engineer's lane; a stretch offers its reviewer picker under the card's face. Any
 * other card still names the reviewer recorded on it: a reviewer stays while the assignment does,
 * whatever the fit is now (a promotion can make a reviewed stretch in reach).
 */
export const LaneCard = memo(function LaneCard({ item, engineer, ...estimate }: { item: WorkItem; engineer: Engineer } & EstimateProps) {
  const stretch = itemFit(item, engineer).kind === 'stretch';
  return (
    <DraggableCard item={item} engineer={engineer} {...estimate}>
      <CardInitiative parentId={item.parentId} />
      {stretch ? <ReviewerPicker item={item} assignee={engineer} /> : <RecordedReviewer item={item} />}
    </DraggableCard>
  );
});

function RecordedReviewer({ item }: { item: WorkItem }) {
  const { engineers } = useBoardActions();
  const nameOf = useNameOf();
  const a = item.assignment;
  const reviewer = a?.reviewerId ? engineers.find((e) => e.id === a.reviewerId) : undefined;
  const name = reviewer ? nameOf(reviewer) : a?.leadReviews ? 'the lead' : undefined;
  if (!name) return null;
  return <p className="reviewer recorded">Reviewer: {name}</p>;
}

function ReviewerPicker({ item, assignee }: { item: WorkItem; assignee: Engineer }) {
  const ladder = useLadder();
  const { engineers, setReviewer } = useBoardActions();
  const nameOf = useNameOf();
  const a = item.assignment;
  const value = a?.reviewerId ? String(a.reviewerId) : a?.leadReviews ? LEAD : '';
  const offered = (e: (typeof engineers)[number]) => reviewerProblem(e, assignee, ladder) === null;
  // At 300 engineers a stretch card offers ~150 reviewers, and 500 stretch cards made ~70,000
  // <option>s: most of the board's DOM, heap and first render (npm run bench). The list is built
  // when the picker is reached (focus, or the press that opens it, which React handles before the
  // browser opens the list); until then it holds the chosen reviewer only.
  const [reached, setReached] = useState(false);
  const chosen = a?.reviewerId ? engineers.find((e) => e.id === a.reviewerId && offered(e)) : undefined;
  const candidates = reached ? engineers.filter(offered) : chosen ? [chosen] : [];
  return (
    <div className={`reviewer${value === '' ? ' missing' : ''}`}>
      <label>
        <span>{value === '' ? 'Needs a reviewer' : 'Reviewer'}</span>
        <select
          value={value}
          aria-label={`Reviewer for '${item.title}'`}
          onFocus={() => setReached(true)}
          onPointerDown={() => setReached(true)}
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
              {nameOf(e)} ({levelName(ladder, e.level)})
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
