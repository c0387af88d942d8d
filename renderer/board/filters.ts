import type { FitKind } from '../../shared/fit.ts';
import type { Rank, Status } from '../../shared/ladder.ts';
import { type BacklogGroup, type Lane, type TeamLanes, backlog, itemFit, teamLanes } from '../../shared/plan.ts';
import type { Engineer, Snapshot, WorkItem } from '../../shared/schemas.ts';
import { namesOf } from '../store/engineerNames.ts';

export type FitFilter = 'all' | 'warnings' | FitKind;

/** How lanes are ordered within a team: by level (most senior first), by load, or by free capacity. */
export type LaneOrder = 'level' | 'load' | 'free';

export type BoardFilter = {
  teamId: number | null;
  level: Rank | null;
  fit: FitFilter;
  status: Status | null;
  /** Matches a card's title or an engineer's name. */
  query: string;
  /** Not a filter: kept when the filters are cleared. */
  order: LaneOrder;
};

export const NO_FILTER: BoardFilter = { teamId: null, level: null, fit: 'all', status: null, query: '', order: 'level' };

/** Points not yet spoken for: capacity minus load; none when no capacity is set (those lanes go last). */
const freeOf = (lane: Lane) => (lane.engineer.capacity === null ? -Infinity : lane.engineer.capacity - lane.load.points);

const LANE_ORDER: Record<Exclude<LaneOrder, 'level'>, (a: Lane, b: Lane) => number> = {
  load: (a, b) => b.load.points - a.load.points,
  // Compared, not subtracted: two lanes without capacity are -Infinity each, and their difference NaN.
  free: (a, b) => (freeOf(a) === freeOf(b) ? 0 : freeOf(a) > freeOf(b) ? -1 : 1),
};

/** Each team's lanes in the chosen order; ties keep the level order teamLanes gives. */
export function orderLanes(teams: TeamLanes[], order: LaneOrder): TeamLanes[] {
  if (order === 'level') return teams;
  const by = LANE_ORDER[order];
  return teams.map((t) => ({ ...t, lanes: t.lanes.toSorted(by) }));
}

export const isFiltered = (f: BoardFilter) =>
  f.teamId !== null || f.level !== null || f.fit !== 'all' || f.status !== null || f.query.trim() !== '';

/** What the board's view is made of: a reply that changes only the history (most moves) leaves it as it was. */
export type BoardPlan = Pick<Snapshot, 'teams' | 'engineers' | 'items'>;

export type BoardView = { teams: TeamLanes[]; groups: BacklogGroup[]; loose: WorkItem[] };

/**
 * What the board shows under a filter. Lanes keep their true load and fit counts (computed from
 * everything the engineer carries); only the cards listed are narrowed.
 */
export function boardView(snapshot: BoardPlan, filter: BoardFilter): BoardView {
  // Unfiltered, as the board mostly is: every lane and backlog card as they are, nothing copied.
  if (!isFiltered(filter)) {
    const { groups, loose } = backlog(snapshot.items);
    return { teams: orderLanes(teamLanes(snapshot.teams, snapshot.engineers, snapshot.items), filter.order), groups, loose };
  }
  const query = filter.query.trim().toLowerCase();
  // A namesake is found by their label too: "e1042" finds Alex Kim (E1042).
  const nameOf = namesOf(snapshot);
  const titleMatches = (i: WorkItem) => query === '' || i.title.toLowerCase().includes(query);
  const statusMatches = (i: WorkItem) => filter.status === null || i.status === filter.status;
  const narrowLanes = query !== '' || filter.fit !== 'all';

  const teams = orderLanes(teamLanes(snapshot.teams, snapshot.engineers, snapshot.items), filter.order)
    .filter((t) => filter.teamId === null || t.team.id === filter.teamId)
    .map((t) => ({
      team: t.team,
      lanes: t.lanes
        .filter((lane) => filter.level === null || lane.engineer.level === filter.level)
        .map((lane) => {
          const nameMatches = query !== '' && nameOf(lane.engineer).toLowerCase().includes(query);
          const items = lane.items.filter((i) => {
            if (!statusMatches(i)) return false;
            if (!nameMatches && !titleMatches(i)) return false;
            if (filter.fit === 'all') return true;
            const f = itemFit(i, lane.engineer);
            return filter.fit === 'warnings' ? f.kind === 'overreach' : f.kind === filter.fit;
          });
          return { lane: { ...lane, items }, keep: !narrowLanes || nameMatches || items.length > 0 };
        })
        .filter((l) => l.keep)
        .map((l) => l.lane),
    }))
    .filter((t) => t.lanes.length > 0);

  // Backlog cards have no fit yet, so a fit filter leaves the backlog empty (still a drop target).
  // The team is the work's own: a team's backlog is what that team has to staff.
  const teamMatches = (i: WorkItem) => filter.teamId === null || i.teamId === filter.teamId;
  const shown = (i: WorkItem) => filter.fit === 'all' && statusMatches(i) && titleMatches(i) && teamMatches(i);
  const { groups, loose } = backlog(snapshot.items);
  return {
    teams,
    groups: groups
      .map((g) => ({ ...g, stories: g.stories.filter(shown) }))
      .filter((g) => g.stories.length > 0 || (g.initiative !== null && !g.initiative.assignment && shown(g.initiative))),
    loose: loose.filter(shown),
  };
}

export type Warning = { item: WorkItem; engineer: Engineer };

/** Every overreach in the quarter, until it is fixed or kept with a note (then muted, still listed). */
export function overreaches(items: readonly WorkItem[], engineers: readonly Engineer[]): Warning[] {
  const byId = new Map(engineers.map((e) => [e.id, e]));
  const out: Warning[] = [];
  for (const item of items) {
    const engineer = item.assignment ? byId.get(item.assignment.engineerId) : undefined;
    if (engineer && itemFit(item, engineer).kind === 'overreach') out.push({ item, engineer });
  }
  return out;
}

/**
 * The warnings a team filter keeps: an overreach on one of the team's engineers (a card in its
 * lanes) or on the team's own work, wherever it was handed out. Without a team filter, all of them.
 */
export function teamWarnings(warnings: Warning[], teamId: number | null): Warning[] {
  if (teamId === null) return warnings;
  return warnings.filter((w) => w.engineer.teamId === teamId || w.item.teamId === teamId);
}
