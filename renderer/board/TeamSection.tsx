import { memo, useRef } from 'react';
import type { Lane as LaneModel } from '../../shared/plan.ts';
import type { Team } from '../../shared/schemas.ts';
import { useInReach } from './drag/dragState.ts';
import { Lane } from './Lane.tsx';
import { useNear } from './near.ts';

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
