import { startTransition, useEffect, useState } from 'react';
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

/**
 * Where each stage of mounting ends, for a list whose entries weigh `weights` (a team, its lanes): the
 * first stage holds at least `first`, each next one at least `step` more; a stage never splits an entry.
 */
export function stageEnds(weights: readonly number[], first: number, step: number): number[] {
  const ends: number[] = [];
  let total = 0;
  let goal = first;
  weights.forEach((w, i) => {
    total += w;
    if (total >= goal) {
      ends.push(i + 1);
      goal = total + step;
    }
  });
  if (ends.at(-1) !== weights.length) ends.push(weights.length);
  return ends;
}

/** The teams that end each stage of mounting their lanes. */
export const teamStages = (teams: readonly { lanes: readonly unknown[] }[]): number[] =>
  stageEnds(
    teams.map((t) => t.lanes.length),
    FIRST_LANES,
    STAGE_LANES,
  );

/** How many entries to mount now: the first stage at once, each next one after the last has committed. */
export function useMountedInStages(ends: readonly number[]): number {
  const [stage, setStage] = useState(0);
  const last = ends.length - 1;
  useEffect(() => {
    if (stage < last) startTransition(() => setStage((s) => s + 1));
  }, [stage, last]);
  return ends[Math.min(stage, last)] ?? 0;
}
