import { startTransition, useEffect, useMemo, useState } from 'react';
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

/**
 * Lanes in the board's first render: its first screen and more. The teams after them mount in
 * stages of about STAGE_LANES lanes, each a transition React interrupts for input, after the first
 * paint. Lanes stay mounted once there (near.ts), so every engineer is soon a drop target and found
 * by find-in-page; at 1,000 engineers rendering every lane's frame first made the first render
 * ~400 ms (npm run bench).
 */
const FIRST_LANES = 24;
const STAGE_LANES = 120;

/** How many teams, from the first, end each stage of mounting: the board shows `ends[k]` teams after stage k. */
export function teamStages(teams: readonly { lanes: readonly unknown[] }[]): number[] {
  const ends: number[] = [];
  let lanes = 0;
  let goal = FIRST_LANES;
  teams.forEach((t, i) => {
    lanes += t.lanes.length;
    if (lanes >= goal) {
      ends.push(i + 1);
      goal = lanes + STAGE_LANES;
    }
  });
  if (ends.at(-1) !== teams.length) ends.push(teams.length);
  return ends;
}

/** How many teams the board mounts now: the first stage at once, each next one after the last has committed. */
export function useTeamsMounted(teams: readonly { lanes: readonly unknown[] }[]): number {
  const ends = useMemo(() => teamStages(teams), [teams]);
  const [stage, setStage] = useState(0);
  const last = ends.length - 1;
  useEffect(() => {
    if (stage < last) startTransition(() => setStage((s) => s + 1));
  }, [stage, last]);
  return ends[Math.min(stage, last)] ?? 0;
}
