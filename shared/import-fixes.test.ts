import { describe, expect, it } from 'vitest';
import { nearestName, renamed, suggestions, typoDistance } from './import-fixes.ts';

describe('a name within a typo of one already there is offered as "did you mean …?"', () => {
  const teams = ['Platform', 'Mobile', 'Web', 'Data'];

  it('counts swapped neighbours as one edit', () => {
    expect(typoDistance('platfrom', 'platform')).toBe(1);
    expect(typoDistance('kitten', 'sitting')).toBe(3);
    expect(typoDistance('abc', 'abc')).toBe(0);
    expect(typoDistance('', 'ab')).toBe(2);
  });

  it.each([
    ['Platfrom', 'Platform'],
    ['platfom', 'Platform'],
    ['Plátform', 'Platform'],
    ['  PLATFORM ', 'Platform'],
    ['Mobil', 'Mobile'],
    ['Wen', 'Web'],
  ])('"%s" → %s', (value, meant) => {
    expect(nearestName(value, teams)).toBe(meant);
  });

  it.each([
    ['Mobiles Team', 'more edits than two'],
    ['Dada Team', 'more edits than two'],
    ['Growth', 'no name near it'],
    ['Da', 'two letters: one edit is half the name'],
    ['UX', 'two letters: no edit is within a third of it'],
  ])('"%s" is not offered a name (%s)', (value) => {
    expect(nearestName(value, [...teams, 'QA', 'UI'])).toBeNull();
  });

  it('never suggests the name itself, nor a name for an empty cell', () => {
    expect(nearestName('Platform', ['Platform'])).toBeNull();
    expect(nearestName('   ', teams)).toBeNull();
  });

  it('prefers the nearest of several names', () => {
    expect(nearestName('Platfomr', ['Platforms', 'Platform'])).toBe('Platform');
  });

  it("points a file's rare spelling at the file's common one, not the other way round", () => {
    const created = new Map([
      ['Growth', 5],
      ['Grwoth', 1],
    ]);
    expect(suggestions('team', created, [])).toEqual([{ column: 'team', value: 'Grwoth', suggestion: 'Growth', rows: 1 }]);
  });

  it('a fix rewrites every cell naming the same value, whatever its case', () => {
    const fixes = { renames: [{ column: 'team' as const, from: 'Platfrom', to: 'Platform' }], titles: [] };
    expect(renamed(fixes, 'team', 'platfrom ')).toBe('Platform');
    expect(renamed(fixes, 'parent', 'Platfrom')).toBe('Platfrom');
    expect(renamed(fixes, 'team', 'Web')).toBe('Web');
  });
});
