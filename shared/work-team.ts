// Work belongs to a team. An initiative is one team's; its stories are parts of it, so they are
// that team's too; a story without an initiative may name a team or none.

export type TeamParent = { title: string; teamId: number | null };

/**
 * The team a work item ends up in. A story under an initiative takes the initiative's team (moved
 * under another initiative, it follows); asking it for another one is refused, since the lead
 * would expect the story to leave its initiative's team, which it cannot. Without a parent, the
 * team asked for, or the one it had when nothing is asked.
 */
export function workTeam(
  parent: TeamParent | null,
  asked: number | null | undefined,
  current: number | null,
): { ok: true; teamId: number | null } | { ok: false; problem: string } {
  if (parent) {
    if (asked !== undefined && asked !== parent.teamId) {
      return {
        ok: false,
        problem: `A story's team is its initiative's: to move it, change the team of '${parent.title}' or take the story out of it.`,
      };
    }
    return { ok: true, teamId: parent.teamId };
  }
  return { ok: true, teamId: asked === undefined ? current : asked };
}

/** How a copy names where it came from: "carried over from 2026 Q4". */
export const carriedOverText = (quarterName: string) => `carried over from ${quarterName}`;

/** The note an overreach was kept with in the quarter it came from, as its open warning names it. */
export const earlierNoteText = (quarterName: string, note: string) => `kept in ${quarterName}: ${note}`;
