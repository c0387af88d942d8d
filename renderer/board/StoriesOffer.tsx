import { levelName } from '../../shared/ladder.ts';
import { useLadder } from '../ladder/useLadder.ts';
import type { Engineer, Snapshot, WorkItem } from '../../shared/schemas.ts';
import { plural } from '../../shared/words.ts';
import { useRef } from 'react';
import { useDismissable, useFocusInside } from '../focus.ts';
import { useNameOf } from '../store/engineerNames.ts';

/** An initiative dropped from the backlog on an engineer while some of its stories wait there too. */
export type StoriesOffer = { before: Snapshot; initiative: WorkItem; engineer: Engineer; stories: WorkItem[] };

/** The offer a drop makes, or null: only an initiative from the backlog, on an engineer, with stories still unassigned. */
export function storiesOffer(before: Snapshot, itemId: number, engineerId: number | null): StoriesOffer | null {
  const initiative = before.items.find((i) => i.id === itemId);
  const engineer = engineerId === null ? undefined : before.engineers.find((e) => e.id === engineerId);
  if (!initiative || !engineer || initiative.kind !== 'initiative' || initiative.assignment) return null;
  const stories = before.items.filter((i) => i.parentId === initiative.id && !i.assignment);
  return stories.length > 0 ? { before, initiative, engineer, stories } : null;
}

/**
 * Asked once, after the drop and before anything is written: does the DRI take the initiative's
 * waiting stories too? Either answer is one change in History; Escape puts the card back.
 */
export function StoriesOfferDialog({
  offer,
  onAnswer,
}: {
  offer: StoriesOffer;
  /** true: the engineer takes the stories too; false: they stay in the backlog; null: nothing moves. */
  onAnswer: (withStories: boolean | null) => void;
}) {
  const ladder = useLadder();
  const ref = useDismissable<HTMLDivElement>(() => onAnswer(null));
  const first = useRef<HTMLButtonElement>(null);
  useFocusInside(ref, first);
  const { initiative, engineer, stories } = offer;
  const name = useNameOf()(engineer);
  const who = `${name} (${levelName(ladder, engineer.level)})`;
  const them = stories.length === 1 ? 'it' : 'them';
  return (
    <div className="assign-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onAnswer(null)}>
      <div ref={ref} role="dialog" aria-modal="true" aria-labelledby="stories-offer-title" className="assign-popup" data-id="stories-offer">
        <h3 id="stories-offer-title">
          Give '{initiative.title}' to {who}
        </h3>
        <p>
          Its {plural(stories.length, 'story', 'stories')} still in the backlog can go to {name} in the same change, or stay there for
          others:
        </p>
        <ul>
          {stories.map((s) => (
            <li key={s.id}>
              '{s.title}', {levelName(ladder, s.rung)} rung
            </li>
          ))}
        </ul>
        <div className="form-actions">
          <button ref={first} type="button" onClick={() => onAnswer(true)} autoFocus>
            {name} takes {them} too
          </button>
          <button type="button" onClick={() => onAnswer(false)}>
            Leave {them} in the backlog
          </button>
          <button type="button" onClick={() => onAnswer(null)}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
