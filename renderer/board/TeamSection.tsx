import { memo, useRef } from 'react';
import type { Lane as LaneModel } from '../../shared/plan.ts';
import type { Team } from '../../shared/schemas.ts';
import { useInReach } from './drag/dragState.ts';
import { Lane } from './Lane.tsx';
import { useNear } from './near.ts';

/**
 * How many lanes' cards are in the first render: about a screen's worth (two rows of lanes on a
 * wide window). The rest mount as they are seen near (near.ts), in the frames after: at 300
 * engineers the first two teams' cards were ~300 cards the first screen does not show.
 */
const FIRST_SCREEN_LANES = 8;

/** Per team, how many of its first lanes are among the board's first FIRST_SCREEN_LANES. */
export const firstLanesPerTeam = (teams: readonly { lanes: readonly LaneModel[] }[]): number[] => {
  let left = FIRST_SCREEN_LANES;
  return teams.map(({ lanes }) => {
    const here = Math.min(left, lanes.length);
    left -= here;
    return here;
  });
};

type TeamSectionProps = {
  team: Team;
  lanes: LaneModel[];
  index: number;
  teams: number;
  /** Near the first screen: in reach from the first render (dragState.ts). */
  firstScreen: boolean;
  /** How many of its first lanes have their cards in the first render. */
  firstLanes: number;
};

/**
 * A team's lanes; they take drops only while in reach (see inReach in dragState.ts), and each
 * mounts its cards only near the visible part of the board (see near.ts).
 */
export const TeamSection = memo(function TeamSection({ team, lanes, index, teams, firstScreen, firstLanes }: TeamSectionProps) {
  const ref = useRef<HTMLElement>(null);
  const near = useNear(ref, '.lanes', firstScreen);
  const reach = useInReach(index, teams, near);
  return (
    <section ref={ref} className="team" aria-label={`Team ${team.name}`}>
      <h2>{team.name}</h2>
      <div className="team-lanes">
        {lanes.map((lane, i) => (
          <Lane key={lane.engineer.id} lane={lane} firstScreen={i < firstLanes} dropTarget={reach} />
        ))}
      </div>
    </section>
  );
});
