import type { Lane } from '../../shared/plan.ts';

/**
 * How many lanes' cards are in the first render: about a screen's worth (two rows of lanes on a
 * wide window). The rest mount as they are seen near (near.ts), in the frames after: at 300
 * engineers the first two teams' cards were ~300 cards the first screen does not show.
 */
const FIRST_SCREEN_LANES = 8;

/** Per team, how many of its first lanes are among the board's first FIRST_SCREEN_LANES. */
export const firstLanesPerTeam = (teams: readonly { lanes: readonly Lane[] }[]): number[] => {
  let left = FIRST_SCREEN_LANES;
  return teams.map(({ lanes }) => {
    const here = Math.min(left, lanes.length);
    left -= here;
    return here;
  });
};
