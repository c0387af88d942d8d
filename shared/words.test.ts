import { describe, expect, it } from 'vitest';
import { article, count, loadAgainstCapacity, loadText, noun, plural, withArticle } from './words.ts';

describe('a count agrees with its noun', () => {
  it('counts read as the lead reads them: thousands grouped, fractions kept', () => {
    expect(count(999)).toBe('999');
    expect(count(1000)).toBe('1,000');
    expect(count(-1200)).toBe('-1,200');
    expect(count(2.5)).toBe('2.5');
    expect(plural(3000, 'story', 'stories')).toBe('3,000 stories');
  });
  it('one is singular, anything else plural', () => {
    expect(plural(1, 'pt')).toBe('1 pt');
    expect(plural(0, 'pt')).toBe('0 pts');
    expect(plural(13, 'pt')).toBe('13 pts');
    expect(plural(2, 'story', 'stories')).toBe('2 stories');
    expect(plural(1, 'story', 'stories')).toBe('1 story');
  });
  it('large counts are grouped as the product writes them', () => {
    expect(plural(12000, 'row')).toBe('12,000 rows');
  });
  it('the noun alone agrees the same way, for a list that follows it', () => {
    expect(noun(1, 'column')).toBe('column');
    expect(noun(2, 'column')).toBe('columns');
    expect(noun(0, 'story', 'stories')).toBe('stories');
  });
});

describe('a load reads in points, the unit agreeing with the number it follows', () => {
  it('against a capacity, and alone', () => {
    expect(loadText(3, 10)).toBe('3 / 10 pts');
    expect(loadText(0, 1)).toBe('0 / 1 pt');
    expect(loadText(1, null)).toBe('1 pt');
  });
  it('over capacity, said in words wherever a load is shown (the board, Assign to…, insights, the printed report)', () => {
    expect(loadAgainstCapacity(11, 10)).toBe('11 / 10 pts (over capacity)');
    expect(loadAgainstCapacity(10, 10)).toBe('10 / 10 pts');
    expect(loadAgainstCapacity(40, null)).toBe('40 pts');
  });
});

describe('a level name takes the article it is spoken with', () => {
  it('the map’s levels: an Intern, a Junior, a Mid, a Senior', () => {
    expect(['Intern', 'Junior', 'Mid', 'Senior'].map(withArticle)).toEqual(['an Intern', 'a Junior', 'a Mid', 'a Senior']);
  });
  it('company ladders: initialisms read letter by letter', () => {
    expect(['IC1', 'L3', 'E5', 'T5', 'SWE', 'Staff', 'Principal', 'Engineer'].map(article)).toEqual([
      'an',
      'an',
      'an',
      'a',
      'an',
      'a',
      'a',
      'an',
    ]);
  });
});
