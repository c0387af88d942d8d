import { describe, expect, it } from 'vitest';
import type { Engineer } from '../../shared/schemas.ts';
import { namesOf } from './engineerNames.ts';

// The labels are worked out once per roster, and the function screens read stays the same while no
// label changes, so memoized lanes and cards do not render again for it.

const teams = [{ id: 1, name: 'Core' }];
const person = (id: number, name: string, employeeId: string | null = null): Engineer => ({
  id,
  name,
  level: 1,
  teamId: 1,
  capacity: null,
  active: true,
  employeeId,
});

describe('the names every screen reads are worked out once per roster', () => {
  it('labels namesakes, and names anyone else, or anyone not on the roster, by their name', () => {
    const nameOf = namesOf({ engineers: [person(1, 'Alex Kim', 'E1042'), person(2, 'Alex Kim', 'E2211'), person(3, 'Mia Chen')], teams });
    expect([1, 2, 3].map((id) => nameOf({ id, name: '?' }))).toEqual(['Alex Kim (E1042)', 'Alex Kim (E2211)', 'Mia Chen']);
    expect(nameOf({ id: 99, name: 'Someone deleted' })).toBe('Someone deleted');
    expect(namesOf(null)({ id: 1, name: 'Alex Kim' })).toBe('Alex Kim');
  });

  it('hands out the same function for the same roster, and while an edit leaves every label as it was', () => {
    const engineers = [person(1, 'Alex Kim', 'E1042'), person(2, 'Alex Kim', 'E2211')];
    const first = namesOf({ engineers, teams });
    expect(namesOf({ engineers, teams })).toBe(first);
    const promoted = [{ ...engineers[0]!, level: 2 }, engineers[1]!];
    expect(namesOf({ engineers: promoted, teams })).toBe(first);
    const renamed = [engineers[0]!, { ...engineers[1]!, name: 'Alexa Kim' }];
    const next = namesOf({ engineers: renamed, teams });
    expect(next).not.toBe(first);
    expect(next(engineers[0]!)).toBe('Alex Kim');
  });
});
