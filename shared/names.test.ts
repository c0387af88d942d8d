import { describe, expect, it } from 'vitest';
import { filterByName, foldName } from './names.ts';

const people = [
  { name: 'José Álvarez' },
  { name: 'Sofia Lindqvist' },
  { name: 'Zoë Søndergaard' },
  { name: 'Ana Sousa' },
  { name: 'Björn Ek' },
];
const names = (q: string) => filterByName(people, q).map((p) => p.name);

describe('a name is found whatever the case and accents typed', () => {
  it('folds accents and case on both sides', () => {
    expect(foldName('José')).toBe('jose');
    expect(foldName('  ZOË ')).toBe('zoe');
    expect(names('jose')).toEqual(['José Álvarez']);
    expect(names('JOSÉ')).toEqual(['José Álvarez']);
    expect(names('alv')).toEqual(['José Álvarez']);
    expect(names('bjorn')).toEqual(['Björn Ek']);
  });

  it('matches part of a name, with names starting with it first', () => {
    expect(names('so')).toEqual(['Sofia Lindqvist', 'Ana Sousa']);
    expect(names('sof')).toEqual(['Sofia Lindqvist']);
    expect(names('qvist')).toEqual(['Sofia Lindqvist']);
  });

  it('keeps everyone, in order, for an empty query, and no one for a name not on the list', () => {
    expect(names('')).toEqual(people.map((p) => p.name));
    expect(names('   ')).toEqual(people.map((p) => p.name));
    expect(names('xavier')).toEqual([]);
  });

  it('does not decompose letters that are not accented forms (ø stays ø)', () => {
    expect(names('son')).toEqual([]);
    expect(names('søn')).toEqual(['Zoë Søndergaard']);
  });
});
