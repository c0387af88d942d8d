import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from '@dnd-kit/core';
import { fitSentence } from '../../../shared/fit.ts';
import { type Ladder, levelName } from '../../../shared/ladder.ts';
import type { Engineer, WorkItem } from '../../../shared/schemas.ts';
import { BACKLOG_ID, engineerIdOf, itemIdOf } from './ids.ts';
import type { NameOf } from '../../store/engineerNames.ts';

// What a screen reader hears while dragging, in the product's words: the card, its rung, the
// engineer, their level and the fit. Never dnd-kit's default "draggable item-12 was moved over…".

export const screenReaderInstructions: ScreenReaderInstructions = {
  draggable:
    "To move this card, press space to pick it up; enter opens its details. Use the arrow keys to move it between engineers' lanes, and B for the backlog; " +
    'each lane tells you the fit. Press space or enter to drop it there, or escape to cancel.',
};

type Lookup = {
  item: (id: number) => WorkItem | undefined;
  engineer: (id: number) => Engineer | undefined;
  /** How the lanes name their engineers (a namesake's label), so what is heard matches what is seen. */
  nameOf: NameOf;
  /** The target the card is over now (a lane or the backlog), as the board previews it. */
  over: () => UniqueIdentifier | null;
  /** Where the last drop landed (the target the board previewed), which the end announcement names. */
  landed: () => UniqueIdentifier | null;
  /** The last drop asked the lead something first (an initiative's waiting stories): nothing has moved yet. */
  asked: () => boolean;
  ladder: Ladder;
};

export function boardAnnouncements(lookup: Lookup): Announcements {
  const { ladder, nameOf } = lookup;
  const describe = (activeId: unknown, overId: unknown) => {
    const { item: findItem, engineer: findEngineer } = lookup;
    const itemId = itemIdOf(activeId as string);
    const item = itemId === null ? undefined : findItem(itemId);
    const engineerId = engineerIdOf(overId as string);
    const engineer = engineerId === null ? undefined : findEngineer(engineerId);
    const title = item ? `'${item.title}'` : 'The card';
    return { item, engineer, title, backlog: overId === BACKLOG_ID };
  };
  const isHome = (item: WorkItem | undefined, overId: unknown) =>
    !!item && (item.assignment ? engineerIdOf(overId as string) === item.assignment.engineerId : overId === BACKLOG_ID);
  // The card is over its own lane or the backlog the moment it is lifted; saying so would talk
  // over "Picked up…". Stay quiet about home until the card has left it once.
  let leftHome = false;
  /** The target last spoken of: dnd-kit reports every move, and only a new target is news. */
  let spoken: UniqueIdentifier | null = null;
  const moved = ({ active }: { active: { id: UniqueIdentifier } }): string | undefined => {
    const overId = lookup.over();
    if (overId === spoken) return undefined;
    spoken = overId;
    const { item, engineer, title, backlog } = describe(active.id, overId);
    if (!leftHome && isHome(item, overId)) return undefined;
    leftHome = true;
    if (item && engineer) return `Dropping ${fitSentence(ladder, item.title, item.rung, nameOf(engineer), engineer.level)}.`;
    if (backlog) return `${title} is over the backlog: dropping it there leaves it unassigned.`;
    return `${title} is no longer over a lane.`;
  };
  return {
    onDragStart({ active }) {
      leftHome = false;
      spoken = null;
      const { item, title } = describe(active.id, null);
      return `Picked up ${title}${item ? `, ${levelName(ladder, item.rung)} rung` : ''}.`;
    },
    // Lane to lane is a move to dnd-kit (its target stays the lanes' surface); the backlog is a new target.
    onDragMove: moved,
    onDragOver: moved,
    onDragEnd({ active }) {
      const { item, engineer, title, backlog } = describe(active.id, lookup.landed());
      if (item && engineer && lookup.asked())
        return `Held ${fitSentence(ladder, item.title, item.rung, nameOf(engineer), engineer.level)}. Its stories wait in the backlog: choose whether they go too; nothing has moved yet.`;
      if (item && engineer) return `Dropped ${fitSentence(ladder, item.title, item.rung, nameOf(engineer), engineer.level)}.`;
      if (backlog) return `Returned ${title} to the backlog.`;
      return `${title} was dropped outside any lane; nothing changed.`;
    },
    onDragCancel({ active }) {
      const { title } = describe(active.id, null);
      return `Cancelled. ${title} is back where it was.`;
    },
  };
}
