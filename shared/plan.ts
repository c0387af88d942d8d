import { type Fit, fit } from './fit.ts';
import { type Estimate, type Load, NO_LOAD, estimates, loads } from './load.ts';
import type { Ladder } from './ladder.ts';
import { perList } from './per-list.ts';
import type { Engineer, Team, WorkItem } from './schemas.ts';

// Pure views of a quarter's plan, used by the board's lanes and by the insights alike.

export type FitCounts = { in_reach: number; stretch: number; overreach: number };

export type Lane = {
  engineer: Engineer;
  items: WorkItem[];
  /** What they carry, every point counted once (load.ts); its parts follow `items`' order. */
  load: Load;
  counts: FitCounts;
};

export type TeamLanes = { team: Team; lanes: Lane[] };

export const itemFit = (item: WorkItem, engineer: Engineer): Fit => fit(item.rung, engineer.level);

export function fitCounts(items: readonly WorkItem[], engineer: Engineer): FitCounts {
  const counts: FitCounts = { in_reach: 0, stretch: 0, overreach: 0 };
  for (const i of items) counts[itemFit(i, engineer).kind] += 1;
  return counts;
}

export function itemsByEngineer(items: readonly WorkItem[]): Map<number, WorkItem[]> {
  const map = new Map<number, WorkItem[]>();
  for (const item of items) {
    const id = item.assignment?.engineerId;
    if (id === undefined) continue;
    const list = map.get(id);
    if (list) list.push(item);
    else map.set(id, [item]);
  }
  return map;
}

/** The part of a quarter's plan the rules read. */
export type Plan = { engineers: readonly Engineer[]; items: readonly WorkItem[]; ladder: Ladder };

// One collator for every name sort: String#localeCompare builds its comparison afresh on each
// call, ~8× slower in Chromium (300 names: 1.2 ms against 0.15 ms), and the board sorts on each move.
const collator = new Intl.Collator();

/** Teams, people and anything else named: alphabetical, as the lead's language sorts. */
export const byName = (a: { name: string }, b: { name: string }): number => collator.compare(a.name, b.name);

/** Lanes' order: most senior first, then by name. */
export const byLevelThenName = (a: Engineer, b: Engineer): number => b.level - a.level || byName(a, b);

/** Active engineers, most senior first, then by name; once per list of engineers: a move changes items, not people. */
const seniorityPerList = perList<readonly Engineer[], readonly Engineer[]>();
const bySeniority = (engineers: readonly Engineer[]): readonly Engineer[] =>
  seniorityPerList(engineers, () => engineers.filter((e) => e.active).sort(byLevelThenName));

/** Every active engineer, most senior first, with the items they carry this quarter. */
export function activeCarriers(plan: Plan): { engineer: Engineer; items: WorkItem[] }[] {
  const carried = itemsByEngineer(plan.items);
  return bySeniority(plan.engineers).map((engineer) => ({ engineer, items: carried.get(engineer.id) ?? [] }));
}

/**
 * Each team's active engineers in lane order (bySeniority, grouped by team). Once per list of
 * engineers: sorting 1,000 names team by team on every move was half of the board's view (npm run
 * bench).
 */
const laneOrderPerList = perList<readonly Engineer[], ReadonlyMap<number, readonly Engineer[]>>();
const laneOrder = (engineers: readonly Engineer[]): ReadonlyMap<number, readonly Engineer[]> =>
  laneOrderPerList(engineers, () => Map.groupBy(bySeniority(engineers), (e) => e.teamId));

/** An engineer's lane: what they carry (in plan order), its load and its fits. */
export const laneOf = (engineer: Engineer, carried: WorkItem[] | undefined, load: Load | undefined): Lane => ({
  engineer,
  items: carried ?? [],
  load: load ?? NO_LOAD,
  counts: fitCounts(carried ?? [], engineer),
});

/** Lanes grouped by team (by name) and ordered by level, most senior first, then name. */
export function teamLanes(teams: readonly Team[], engineers: readonly Engineer[], items: readonly WorkItem[]): TeamLanes[] {
  const byEngineer = itemsByEngineer(items);
  const loadOf = loads({ items });
  const order = laneOrder(engineers);
  const lane = (engineer: Engineer): Lane => laneOf(engineer, byEngineer.get(engineer.id), loadOf.get(engineer.id));
  return teams
    .toSorted(byName)
    .map((team) => ({ team, lanes: (order.get(team.id) ?? []).map(lane) }))
    .filter((t) => t.lanes.length > 0);
}

export type BacklogGroup = {
  initiative: WorkItem | null;
  stories: WorkItem[];
  /** The initiative's estimate against all its stories, owned or not (load.ts). */
  estimate: Estimate;
};

/**
 * The backlog: every unassigned initiative with its stories, initiatives that still have unassigned
 * stories, and loose stories (no parent) last.
 */
export function backlog(items: readonly WorkItem[]): { groups: BacklogGroup[]; loose: WorkItem[] } {
  const groups = new Map<number, BacklogGroup>();
  const loose: WorkItem[] = [];
  const initiatives = new Map(items.filter((i) => i.kind === 'initiative').map((i) => [i.id, i]));
  const estimateOf = estimates({ items });
  const group = (i: WorkItem): BacklogGroup => ({ initiative: i, stories: [], estimate: estimateOf.get(i.id)! });
  for (const i of initiatives.values()) if (!i.assignment) groups.set(i.id, group(i));
  for (const s of items) {
    if (s.kind !== 'story' || s.assignment) continue;
    const parent = s.parentId !== null ? initiatives.get(s.parentId) : undefined;
    if (!parent) {
      loose.push(s);
      continue;
    }
    const g = groups.get(parent.id) ?? group(parent);
    g.stories.push(s);
    groups.set(parent.id, g);
  }
  const order = new Map([...initiatives.keys()].map((id, i) => [id, i]));
  return { groups: [...groups.values()].sort((a, b) => order.get(a.initiative!.id)! - order.get(b.initiative!.id)!), loose };
}
