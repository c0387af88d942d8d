import { describe, expect, it } from 'vitest';
import { firstLanesPerTeam } from './firstScreen.ts';

// The first render holds the cards of the board's first eight lanes (about a screen), counted
// across teams in board order; every other lane mounts its cards as it comes near.

const teams = (...sizes: number[]) => sizes.map((n) => ({ lanes: Array.from({ length: n }, () => ({}) as never) }));

describe('the lanes whose cards are in the first render', () => {
  it('are the first eight of a big team', () => {
    expect(firstLanesPerTeam(teams(15, 15))).toEqual([8, 0]);
  });
  it('run on into the next teams when the first ones are small', () => {
    expect(firstLanesPerTeam(teams(5, 2, 4, 3))).toEqual([5, 2, 1, 0]);
  });
  it('are every lane of a board smaller than a screen', () => {
    expect(firstLanesPerTeam(teams(3, 2))).toEqual([3, 2]);
    expect(firstLanesPerTeam([])).toEqual([]);
  });
});
