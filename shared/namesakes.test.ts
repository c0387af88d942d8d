import { describe, expect, it } from 'vitest';
import { type Labelled, engineerLabels } from './namesakes.ts';

// One describe per sentence of the rule: how an engineer is named where a name says who is meant.

const teams = [
  { id: 1, name: 'Core' },
  { id: 2, name: 'Payments' },
];
let nextId = 1;
const person = (name: string, employeeId: string | null = null, teamId = 1): Labelled => ({ id: nextId++, name, teamId, employeeId });
const labelsOf = (...people: Labelled[]) => people.map((p) => engineerLabels(people, teams).get(p.id));

describe('a name no one else on the roster has is shown as it is', () => {
  it('keeps every unique name plain, ids or not', () => {
    expect(labelsOf(person('Alex Kim', '1043'), person('Sofia Lindqvist'), person('Alexa Kim', '2211'))).toEqual([
      'Alex Kim',
      'Sofia Lindqvist',
      'Alexa Kim',
    ]);
  });
});

describe('namesakes are told apart by their employee ids', () => {
  it('adds each one’s id to the name', () => {
    expect(labelsOf(person('Alex Kim', 'E1042'), person('Alex Kim', 'E2211', 2), person('Mia Chen'))).toEqual([
      'Alex Kim (E1042)',
      'Alex Kim (E2211)',
      'Mia Chen',
    ]);
  });

  it('counts names as namesakes whatever their case and surrounding spaces, as the import matches them', () => {
    expect(labelsOf(person('Alex Kim', '1043'), person(' alex kim ', '2211'))).toEqual(['Alex Kim (1043)', 'alex kim (2211)']);
  });
});

describe('a namesake without an employee id is told apart by their team', () => {
  it('adds the team when the id is missing, the id for the others', () => {
    expect(labelsOf(person('Alex Kim', null, 2), person('Alex Kim', 'E1042', 1))).toEqual(['Alex Kim (Payments)', 'Alex Kim (E1042)']);
  });
});

describe('when even that is shared, a number makes every label different', () => {
  it('numbers namesakes of one team without ids in the order they were added', () => {
    const [first, second] = [person('Alex Kim', null, 2), person('Alex Kim', null, 2)];
    expect(labelsOf(second!, first!, person('Alex Kim', '1043'))).toEqual([
      'Alex Kim (Payments, 2)',
      'Alex Kim (Payments, 1)',
      'Alex Kim (1043)',
    ]);
  });

  it('numbers an id that is some namesake’s team name, and never repeats a label already given', () => {
    const labels = labelsOf(person('Alex Kim', 'Core', 2), person('Alex Kim', null, 1), person('Alex Kim (Core, 1)'));
    expect(labels).toEqual(['Alex Kim (Core, 2)', 'Alex Kim (Core, 3)', 'Alex Kim (Core, 1)']);
    expect(new Set(labels).size).toBe(3);
  });

  it('numbers namesakes whose team is not known', () => {
    expect(labelsOf(person('Alex Kim', null, 9), person('Alex Kim', '  ', 9))).toEqual(['Alex Kim (1)', 'Alex Kim (2)']);
  });
});
