import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from '../../../shared/default-ladder.ts';
import type { Engineer } from '../../../shared/schemas.ts';
import { item } from '../../../tests/helpers/plan.ts';
import { namesOf } from '../../store/engineerNames.ts';
import { boardAnnouncements } from './announcements.ts';
import { cardId, laneId } from './ids.ts';

// What a screen reader hears names the engineer as the lane does: a namesake by their label.

const alex = (id: number, employeeId: string, teamId: number): Engineer => ({
  id,
  name: 'Alex Kim',
  level: 2,
  teamId,
  capacity: null,
  active: true,
  employeeId,
});

describe('a drag names the lane’s engineer as the lane does', () => {
  it('says which Alex Kim the card is over and was dropped on', () => {
    const engineers = [alex(1, 'E1042', 1), alex(2, 'E2211', 2)];
    let over: string | null = null;
    const card = item('Checkout revamp', 'initiative', 2, null);
    const announce = boardAnnouncements({
      item: (id) => (id === card.id ? card : undefined),
      engineer: (id) => engineers.find((e) => e.id === id),
      nameOf: namesOf({ engineers, teams: [] }),
      over: () => over,
      landed: () => laneId(2),
      asked: () => false,
      ladder: DEFAULT_LADDER,
    });
    const active = { id: cardId(card.id) } as never;
    over = laneId(1);
    expect(announce.onDragMove!({ active, over: null } as never)).toContain('Alex Kim (E1042)');
    expect(announce.onDragEnd!({ active, over: null } as never)).toMatch(/^Dropped 'Checkout revamp'.*Alex Kim \(E2211\)/);
  });
});

describe('a drag is news only when the card reaches another target', () => {
  it('says each new lane once, however many moves report it, and stays quiet over home at first', () => {
    const eng = alex(1, 'E1', 1);
    const card = {
      ...item('Checkout revamp', 'story', 1, null),
      assignment: { engineerId: 1, reviewerId: null, leadReviews: false, ackNote: null },
    };
    const other = { ...eng, id: 2, name: 'Sam Lee', employeeId: 'E2' };
    let over: string | null = null;
    const announce = boardAnnouncements({
      item: () => card,
      engineer: (id) => [eng, other].find((e) => e.id === id),
      nameOf: namesOf({ engineers: [eng, other], teams: [] }),
      over: () => over,
      landed: () => null,
      asked: () => false,
      ladder: DEFAULT_LADDER,
    });
    const active = { id: cardId(card.id) } as never;
    expect(announce.onDragStart!({ active } as never)).toMatch(/^Picked up/);
    over = laneId(1);
    expect(announce.onDragMove!({ active } as never)).toBeUndefined();
    over = laneId(2);
    expect(announce.onDragMove!({ active } as never)).toContain('Sam Lee');
    expect(announce.onDragMove!({ active } as never)).toBeUndefined();
    over = null;
    expect(announce.onDragOver!({ active } as never)).toMatch(/no longer over a lane/);
    over = laneId(1);
    expect(announce.onDragMove!({ active } as never)).toContain('Alex Kim');
  });
});
