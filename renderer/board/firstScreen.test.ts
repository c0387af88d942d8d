import { describe, expect, it } from 'vitest';
import { firstLanesPerTeam, stageEnds, teamStages } from './firstScreen.ts';

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

// The teams whose lanes are mounted in each stage: the first screen's and more at once, then about
// 120 lanes a stage; a stage never splits a team.
describe('the stages in which teams mount their lanes', () => {
  it('are one for a board of a couple of dozen lanes: all of it in the first render', () => {
    expect(teamStages(teams(5, 6, 4, 3, 6))).toEqual([5]);
    expect(teamStages(teams(3))).toEqual([1]);
  });
  it('begin with the teams that hold the first 24 lanes, then add about 120 lanes a stage', () => {
    // 60 teams of 17 (1,000 engineers): 2 teams (34 lanes), then to 154 lanes and more, 8 teams a stage.
    const ends = teamStages(teams(...Array.from({ length: 60 }, () => 17)));
    expect(ends.slice(0, 3)).toEqual([2, 10, 18]);
    expect(ends.at(-1)).toBe(60);
  });
  it('end with every team, however the last stage falls', () => {
    expect(teamStages(teams(30, 100, 21, 1))).toEqual([1, 3, 4]);
  });
  it('are one empty stage for a board with no lanes', () => {
    expect(teamStages([])).toEqual([0]);
  });
});

describe('stages of any list', () => {
  it('hold at least the first count, then at least a step more each', () => {
    expect(stageEnds([1, 1, 1, 1, 1, 1, 1], 2, 3)).toEqual([2, 5, 7]);
  });
  it('are one stage when the list is shorter than the first', () => {
    expect(stageEnds([1, 1], 12, 100)).toEqual([2]);
  });
});
