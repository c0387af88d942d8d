import { memo, useSyncExternalStore } from 'react';
import type { WorkItem } from '../../shared/schemas.ts';
import { planStore } from '../store/plan.ts';

// What a lane says beyond its own cards: the initiative each story belongs to, and the work its
// engineer reviews. Each small line selects a string from the plan store: a move re-renders only
// the lines whose words it changed, never the memoized card or lane around them.

type Facts = { titles: ReadonlyMap<number, string>; reviews: ReadonlyMap<number, string> };

/** Built once per items array (the store's snapshot keeps it while no item changes). */
const cache = new WeakMap<readonly WorkItem[], Facts>();

function factsOf(items: readonly WorkItem[]): Facts {
  let facts = cache.get(items);
  if (facts) return facts;
  const titles = new Map<number, string>();
  const reviewed = new Map<number, string[]>();
  for (const i of items) {
    if (i.kind === 'initiative') titles.set(i.id, i.title);
    const reviewer = i.assignment?.reviewerId;
    if (reviewer) reviewed.set(reviewer, [...(reviewed.get(reviewer) ?? []), `'${i.title}'`]);
  }
  facts = { titles, reviews: new Map([...reviewed].map(([id, list]) => [id, list.join(', ')])) };
  cache.set(items, facts);
  return facts;
}

const useFact = (pick: (facts: Facts) => string | undefined): string | undefined =>
  useSyncExternalStore(planStore.subscribe, () => {
    const items = planStore.get().snapshot?.items;
    return items ? pick(factsOf(items)) : undefined;
  });

/** A story's initiative, in small type on its card in a lane (the backlog already groups them). */
export const CardInitiative = memo(function CardInitiative({ parentId }: { parentId: number | null }) {
  const title = useFact((f) => (parentId === null ? undefined : f.titles.get(parentId)));
  if (!title) return null;
  return (
    <p className="card-parent" data-id="card-parent">
      <span className="sr-only">Initiative: </span>
      {title}
    </p>
  );
});

/** "Reviews: …" under a lane's cards: the stretches this engineer closes with review. */
export const LaneReviews = memo(function LaneReviews({ engineerId }: { engineerId: number }) {
  const reviews = useFact((f) => f.reviews.get(engineerId));
  if (!reviews) return null;
  return (
    <p className="lane-reviews" data-id="lane-reviews">
      Reviews: {reviews}
    </p>
  );
});
