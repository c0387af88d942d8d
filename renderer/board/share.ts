import { type Load, type LoadPart, loadsFor } from '../../shared/load.ts';
import { type BacklogGroup, type Lane, type TeamLanes, backlog, laneOf } from '../../shared/plan.ts';
import type { Snapshot, WorkItem } from '../../shared/schemas.ts';
import { useState } from 'react';
import { type BoardFilter, type BoardPlan, type BoardView, boardView, isFiltered } from './filters.ts';

// Structural sharing between one board and the next. A snapshot fetched after a move is all new
// objects, and a board view rebuilt from it is all new lanes: every memoized lane and card would
// render again (~300 lanes at the target scale) although one card moved. These functions keep the
// previous object wherever the new one is equal, so memo() sees the same reference and skips it.

/** Deep equality of plain JSON data (what the contract carries): no Dates, Maps or cycles. */
export function equalData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equalData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k) || !equalData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

const sameElements = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** `next`'s rows, each replaced by the previous row with the same id when equal; the previous array if nothing changed. */
function shareRows<T extends { id: number }>(prev: readonly T[], next: T[]): T[] {
  const before = new Map(prev.map((r) => [r.id, r]));
  const rows = next.map((r) => {
    const old = before.get(r.id);
    return old !== undefined && equalData(old, r) ? old : r;
  });
  return sameElements(prev, rows) ? (prev as T[]) : rows;
}

/** The server's snapshot, sharing every unchanged item, engineer and team with the one on screen. */
export function shareSnapshot(prev: Snapshot | null, next: Snapshot): Snapshot {
  if (prev === null) return next;
  const shared: Snapshot = { ...next };
  for (const key of Object.keys(next) as (keyof Snapshot)[]) {
    const a = prev[key];
    const b = next[key];
    if (Array.isArray(a) && Array.isArray(b) && a.every((r) => typeof r === 'object' && r !== null && typeof r.id === 'number')) {
      (shared as Record<string, unknown>)[key] = shareRows(a as { id: number }[], b as { id: number }[]);
    } else if (equalData(a, b)) (shared as Record<string, unknown>)[key] = a;
  }
  return (Object.keys(next) as (keyof Snapshot)[]).every((k) => shared[k] === prev[k]) ? prev : shared;
}

/**
 * Loads are rebuilt with every view; equal when they hold the same items for the same points and
 * the lane would say the same of them. Of an initiative's estimate a lane shows only how much is in
 * stories and whether they outgrew it, not who owns them: taking one of its stories from the
 * backlog renders the taker's lane, not the DRI's too (the kept lane's inUnassignedStories may lag;
 * the lane never reads it).
 */
const sameLoad = (a: Load, b: Load) =>
  a.points === b.points && a.parts.length === b.parts.length && a.parts.every((p, i) => samePart(p, b.parts[i]!));

const samePart = (a: LoadPart, b: LoadPart) =>
  a.item === b.item &&
  a.points === b.points &&
  (a.kind !== 'dri_remainder' || b.kind !== 'dri_remainder'
    ? a.kind === b.kind
    : a.estimate.inStories === b.estimate.inStories && a.estimate.overEstimateBy === b.estimate.overEstimateBy);

const sameLane = (a: Lane, b: Lane) =>
  a.engineer === b.engineer &&
  sameLoad(a.load, b.load) &&
  a.counts.in_reach === b.counts.in_reach &&
  a.counts.stretch === b.counts.stretch &&
  a.counts.overreach === b.counts.overreach &&
  sameElements(a.items, b.items);

function shareTeams(prev: readonly TeamLanes[], next: TeamLanes[]): TeamLanes[] {
  const lanesBefore = new Map<number, Lane>();
  const teamsBefore = new Map<number, TeamLanes>();
  for (const t of prev) {
    teamsBefore.set(t.team.id, t);
    for (const l of t.lanes) lanesBefore.set(l.engineer.id, l);
  }
  const teams = next.map((t) => {
    const lanes = t.lanes.map((l) => {
      const old = lanesBefore.get(l.engineer.id);
      return old !== undefined && sameLane(old, l) ? old : l;
    });
    const old = teamsBefore.get(t.team.id);
    if (old !== undefined && old.team === t.team && sameElements(old.lanes, lanes)) return old;
    return sameElements(t.lanes, lanes) ? t : { ...t, lanes };
  });
  return sameElements(prev, teams) ? (prev as TeamLanes[]) : teams;
}

function shareGroups(prev: readonly BacklogGroup[], next: BacklogGroup[]): BacklogGroup[] {
  const before = new Map(prev.map((g) => [g.initiative?.id ?? null, g]));
  const groups = next.map((g) => {
    const old = before.get(g.initiative?.id ?? null);
    return old !== undefined &&
      old.initiative === g.initiative &&
      sameElements(old.stories, g.stories) &&
      equalData(old.estimate, g.estimate)
      ? old
      : g;
  });
  return sameElements(prev, groups) ? (prev as BacklogGroup[]) : groups;
}

/**
 * A board view that keeps the previous view's lanes, teams and backlog groups wherever they hold
 * the same objects (which shareSnapshot and the optimistic move preserve), so only the lanes a move
 * touched render again.
 */
export function shareView(prev: BoardView | null, next: BoardView): BoardView {
  if (prev === null) return next;
  const teams = shareTeams(prev.teams, next.teams);
  const groups = shareGroups(prev.groups, next.groups);
  const loose = sameElements(prev.loose, next.loose) ? prev.loose : next.loose;
  return teams === prev.teams && groups === prev.groups && loose === prev.loose ? prev : { teams, groups, loose };
}

/** More changed items than this and the whole view is worked out again: a bulk change, not a move. */
const FEW_ITEMS = 64;

/**
 * The board view after a few items changed, from the view before: the lanes of the engineers they
 * touch (who carried them before and after, and the DRIs of the initiatives they are stories of)
 * are worked out again and every other lane is kept as it was. Equal to the whole view worked out
 * afresh (tests/unit/board-share.test.ts); at 1,000 engineers the lanes were most of a drop's render.
 * Null when the change is not a few items' edit (rows added or removed or reordered, a kind
 * changed, many items) or the board is filtered or ordered by load: the caller works it all out.
 */
export function movedView(prev: BoardView, before: readonly WorkItem[], after: readonly WorkItem[], filter: BoardFilter): BoardView | null {
  if (isFiltered(filter) || filter.order !== 'level' || before.length !== after.length) return null;
  const touched = new Set<number>();
  const parents = new Set<number>();
  let changed = 0;
  for (let n = 0; n < after.length; n++) {
    const a = before[n]!;
    const b = after[n]!;
    if (a === b) continue;
    // A kind decides how other items count against it (a story of an initiative, or loose).
    if (a.id !== b.id || a.kind !== b.kind || ++changed > FEW_ITEMS) return null;
    for (const i of [a, b]) {
      if (i.assignment) touched.add(i.assignment.engineerId);
      if (i.parentId !== null) parents.add(i.parentId);
    }
  }
  if (changed === 0) return prev;
  if (parents.size > 0) for (const i of after) if (i.assignment && parents.has(i.id)) touched.add(i.assignment.engineerId);
  // A load has a part for each item its engineer carries, in plan order: the lane's cards.
  const loadOf = loadsFor({ items: after }, touched);
  const teams = prev.teams.map((t) => {
    if (!t.lanes.some((l) => touched.has(l.engineer.id))) return t;
    const lanes = t.lanes.map((l) => {
      if (!touched.has(l.engineer.id)) return l;
      const load = loadOf.get(l.engineer.id);
      const lane = laneOf(
        l.engineer,
        load?.parts.map((p) => p.item),
        load,
      );
      return sameLane(l, lane) ? l : lane;
    });
    return sameElements(lanes, t.lanes) ? t : { ...t, lanes };
  });
  const next = backlog(after);
  const shared = {
    teams: sameElements(prev.teams, teams) ? prev.teams : teams,
    groups: shareGroups(prev.groups, next.groups),
    loose: sameElements(prev.loose, next.loose) ? prev.loose : next.loose,
  };
  return shared.teams === prev.teams && shared.groups === prev.groups && shared.loose === prev.loose ? prev : shared;
}

/**
 * The board view of a snapshot under a filter, sharing the previous view's unchanged parts. Kept
 * in state (React's pattern for information from the previous render): a new snapshot or filter
 * stores the shared view and renders again at once, before any child renders.
 */
export function useSharedView({ teams, engineers, items }: BoardPlan, filter: BoardFilter): BoardView {
  const [last, setLast] = useState(() => ({ teams, engineers, items, filter, view: boardView({ teams, engineers, items }, filter) }));
  // Keyed on the rows the view reads, not the snapshot: a confirmed move's reply brings a new history
  // and the same rows, and rebuilding 300 lanes to find them unchanged was most of its cost.
  if (last.teams === teams && last.engineers === engineers && last.items === items && last.filter === filter) return last.view;
  const moved =
    last.teams === teams && last.engineers === engineers && last.filter === filter ? movedView(last.view, last.items, items, filter) : null;
  const view = moved ?? shareView(last.view, boardView({ teams, engineers, items }, filter));
  const next = { teams, engineers, items, filter, view };
  setLast(next);
  return next.view;
}
