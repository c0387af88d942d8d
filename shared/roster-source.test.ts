import { describe, expect, it } from 'vitest';
import { capacityUnit, guessRosterMapping, isRungsRosterHeader, readEmployment, readShare, usualCapacity } from './roster-source.ts';

describe("an HR export's headers map to Rungs' fields", () => {
  it('whatever their case, spacing and punctuation', () => {
    const m = guessRosterMapping(['EMPLOYEE_NAME', ' job-title ', 'Department', 'F.T.E.', 'employment status']);
    expect(m).toEqual({
      name: ['EMPLOYEE_NAME'],
      level: ['job-title'],
      team: ['Department'],
      capacity: ['F.T.E.'],
      active: ['employment status'],
      key: [],
    });
  });

  it('the better column first when a sheet has two candidates: Level before Job Title, Team before Department', () => {
    const m = guessRosterMapping(['Full name', 'Job Title', 'Level', 'Department', 'Squad', 'Status', 'Active']);
    expect(m.level).toEqual(['Level']);
    expect(m.team).toEqual(['Squad']);
    expect(m.active).toEqual(['Active']);
  });

  it('a field nothing names stays unmapped, and no column feeds two fields', () => {
    const m = guessRosterMapping(['Preferred name', 'Manager', 'Employee ID']);
    expect(m).toEqual({ name: ['Preferred name'], level: [], team: [], capacity: [], active: [], key: ['Employee ID'] });
  });

  it.each([
    [['First Name', 'Last Name', 'Employee Number'], ['First Name', 'Last Name'], ['Employee Number']],
    [['Surname', 'Given name', 'Worker ID'], ['Given name', 'Surname'], ['Worker ID']],
    [['Preferred name', 'Last name', 'Employee ID'], ['Preferred name', 'Last name'], ['Employee ID']],
    [['First Name', 'Preferred Name', 'Last Name'], ['First Name', 'Last Name'], []],
    // A whole name wins over its halves.
    [['Full Name', 'First Name', 'Last Name'], ['Full Name'], []],
  ])('a name in two columns is read from both, given name first: %j', (header, name, key) => {
    const m = guessRosterMapping(header);
    expect(m.name).toEqual(name);
    expect(m.key).toEqual(key);
  });

  it("Rungs' own header is read as Rungs' own, as is one that names nothing but Rungs' columns", () => {
    expect(isRungsRosterHeader(['Name', 'Level', 'Team', 'Start date'])).toBe(true);
    expect(isRungsRosterHeader(['name', 'team', 'capacity'])).toBe(true);
    expect(isRungsRosterHeader(['Employee Name', 'Job Title', 'Department'])).toBe(false);
    // An employee id under its HR name is read through the mapping, which knows it; Rungs' own is "key".
    expect(isRungsRosterHeader(['Employee ID', 'Name', 'Level', 'Team'])).toBe(false);
    expect(isRungsRosterHeader(['name', 'level', 'team', 'key'])).toBe(true);
  });
});

describe('FTE is a share of a full-time engineer', () => {
  it('0.8, 0,8, 80% and 80 all read as 0.8; 1 and 100% as full time', () => {
    for (const cell of ['0.8', '0,8', '80%', '80', ' 80 % ']) expect(readShare(cell)).toBeCloseTo(0.8);
    expect(readShare('1')).toBe(1);
    expect(readShare('100%')).toBe(1);
  });

  it('text and shares past 150% are not shares', () => {
    for (const cell of ['full', '-0.5', '0.8.1', '400%']) expect(readShare(cell)).toBeNull();
  });

  it('a column is a share when its header says FTE or allocation, or every value is a fraction or a percentage', () => {
    expect(capacityUnit('FTE', ['1', '1'])).toBe('share');
    expect(capacityUnit('Allocation', ['100', '50'])).toBe('share');
    expect(capacityUnit('Capacity', ['0.8', '1', '0.5'])).toBe('share');
    expect(capacityUnit('Capacity', ['80%', '100%'])).toBe('share');
  });

  it('a column of points stays points, and a column of only 1s could be either, so it stays points', () => {
    expect(capacityUnit('Capacity', ['13', '10'])).toBe('points');
    expect(capacityUnit('Capacity', ['1', '1'])).toBe('points');
  });

  it("a full-time engineer has the roster's most common capacity, or 10 on an empty roster", () => {
    expect(usualCapacity([13, 13, 10, null, 6])).toBe(13);
    expect(usualCapacity([])).toBe(10);
    expect(usualCapacity([null, 0])).toBe(10);
  });
});

describe('an HR status says whether someone works, is away, or left', () => {
  it('working: Active, Employed, Yes, an empty cell', () => {
    for (const cell of ['Active', 'employed', 'Yes', '', 'Full-Time']) expect(readEmployment(cell).employment).toBe('active');
  });
  it('away (imported, not active): On Leave, Leave of absence, Sabbatical', () => {
    for (const cell of ['On Leave', 'Leave of absence', 'sabbatical']) expect(readEmployment(cell).employment).toBe('away');
  });
  it('left: Terminated, Inactive, No, Resigned', () => {
    for (const cell of ['Terminated', 'Inactive', 'No', 'resigned']) expect(readEmployment(cell).employment).toBe('left');
  });
  it('a status Rungs does not know reads as working, and says it was not known', () => {
    expect(readEmployment('Probation period')).toEqual({ employment: 'active', known: false });
  });
});
