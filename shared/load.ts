import type { WorkItem } from './schemas.ts';
import { perList } from './per-list.ts';
import { plural } from './words.ts';

// Load counts every point once (PRODUCT.md, "Load"). An initiative's size is its whole estimate
// and its stories are parts of it: a story's points go to its owner, and the DRI carries only
// what is not yet split into stories. Charging the DRI the initiative's size as well as the
// stories' points counted the same work twice, and made a DRI who also owns one of its stories
// look over capacity when they were not.
//
// Every screen that shows a load (lanes, insights, the heatmap, the report) and the over-capacity
// gap read it from `loads`, so they cannot disagree.

/** The only items a load reads: one quarter's plan. A story counts against its parent only when both are in it. */
export type Items = { readonly items: readonly WorkItem[] };

export type Estimate = {
  /** The initiative's own size, its whole estimate; null when it has none (then its stories are all there is). */
  size: number | null;
  /** Points in its stories, owned or not. */
  inStories: number;
  /** Of those, points in stories nobody owns yet: carried by nobody until someone takes them. */
  inUnassignedStories: number;
  /** The part not yet split into stories: its DRI carries it (nobody does while it has no DRI). */
  unsplit: number;
  /** How far its stories run past its size: the estimate is out of date. 0 when they fit or it has no size. */
  overEstimateBy: number;
};

/**
 * What one item adds to the load of whoever carries it:
 * - `story`: a story of an initiative in the plan, its own size;
 * - `loose`: a story with no initiative (in this plan), its own size;
 * - `dri_remainder`: an initiative, the part of its size not yet in its stories.
 */
export type LoadPart =
  | { kind: 'story' | 'loose'; item: WorkItem; points: number }
  | { kind: 'dri_remainder'; item: WorkItem; points: number; estimate: Estimate };

export type Load = { readonly points: number; readonly parts: readonly LoadPart[] };

export const NO_LOAD: Load = { points: 0, parts: [] };

const sizeOf = (item: WorkItem) => item.size ?? 0;

/**
 * Every initiative of the plan with its estimate, read against the stories in the same plan. Once
 * per list of items (per-list.ts): the loads and the backlog both read them after each change.
 */
export const estimates = (plan: Items): ReadonlyMap<number, Estimate> => estimatesPerList(plan.items, () => estimatesOf(plan));

function estimatesOf(plan: Items): Map<number, Estimate> {
  const sums = new Map<number, { inStories: number; inUnassignedStories: number }>();
  for (const i of plan.items) if (i.kind === 'initiative') sums.set(i.id, { inStories: 0, inUnassignedStories: 0 });
  for (const s of plan.items) {
    const sum = s.kind === 'story' && s.parentId !== null ? sums.get(s.parentId) : undefined;
    if (!sum) continue;
    sum.inStories += sizeOf(s);
    if (s.assignment === null) sum.inUnassignedStories += sizeOf(s);
  }
  const out = new Map<number, Estimate>();
  for (const i of plan.items) {
    const sum = sums.get(i.id);
    if (!sum || i.kind !== 'initiative') continue;
    out.set(i.id, {
      size: i.size,
      ...sum,
      unsplit: i.size === null ? 0 : Math.max(0, i.size - sum.inStories),
      overEstimateBy: i.size === null ? 0 : Math.max(0, sum.inStories - i.size),
    });
  }
  return out;
}

/** One initiative's estimate. For many, call `estimates` once. */
export function estimateOf(initiative: WorkItem, plan: Items): Estimate {
  return estimatesOf({ items: [initiative, ...plan.items.filter((i) => i.kind === 'story' && i.parentId === initiative.id)] }).get(
    initiative.id,
  )!;
}

// Each worked out once per list of items (per-list.ts): the lanes, the gaps, the team spread and
// the heatmap all read the same loads after each change.
const estimatesPerList = perList<readonly WorkItem[], ReadonlyMap<number, Estimate>>();
const loadsPerList = perList<readonly WorkItem[], ReadonlyMap<number, Load>>();

/** What one item adds to its holder's load; `est` holds every initiative of the plan the item could belong to. */
function partOf(item: WorkItem, est: ReadonlyMap<number, Estimate>): LoadPart {
  const e = est.get(item.id);
  if (e) return { kind: 'dri_remainder', item, points: e.unsplit, estimate: e };
  return { kind: item.parentId !== null && est.has(item.parentId) ? 'story' : 'loose', item, points: sizeOf(item) };
}

/** One item's part of the quarter's load, whether or not anyone carries it yet. */
export const loadPart = (item: WorkItem, plan: Items): LoadPart => partOf(item, estimates(plan));

/**
 * The points each item adds to the load of whoever carries it (its `loadPart`'s points), without
 * making the part: the team spread and the heatmap sum them over every item of the quarter. A map
 * of every item's part, read for this, took the delegation figures from 6.2 to 7.2 MB allocated a
 * pass at 1,000 engineers, and their median from ~4.3 to ~5 ms (npm run bench).
 */
export function loadPoints(plan: Items): (item: WorkItem) => number {
  const est = estimates(plan);
  return (item) => est.get(item.id)?.unsplit ?? sizeOf(item);
}

/** Each engineer's load, keyed by engineer id; parts in plan order. Engineers who carry nothing are absent (NO_LOAD). */
export const loads = (plan: Items): ReadonlyMap<number, Load> => loadsPerList(plan.items, () => byHolder(plan.items, estimates(plan)));

/** The parts of the items someone carries, summed per engineer, in the order given. */
function byHolder(items: readonly WorkItem[], est: ReadonlyMap<number, Estimate>): Map<number, Load> {
  const out = new Map<number, { points: number; parts: LoadPart[] }>();
  for (const item of items) {
    const id = item.assignment?.engineerId;
    if (id === undefined) continue;
    const part = partOf(item, est);
    const load = out.get(id);
    if (load) {
      load.points += part.points;
      load.parts.push(part);
    } else out.set(id, { points: part.points, parts: [part] });
  }
  return out;
}

/**
 * Some engineers' loads, equal to what `loads` says of them, from only the items they carry and
 * the initiatives and stories those depend on: after a move the board works out the lanes it
 * touched, not every lane (renderer/board/share.ts).
 */
export function loadsFor(plan: Items, engineerIds: ReadonlySet<number>): Map<number, Load> {
  const carried = plan.items.filter((i) => i.assignment !== null && engineerIds.has(i.assignment.engineerId));
  const led = new Set(carried.filter((i) => i.kind === 'initiative').map((i) => i.id));
  const parents = new Set(carried.flatMap((i) => (i.kind === 'story' && i.parentId !== null ? [i.parentId] : [])));
  // The initiatives they lead, with every story of theirs (the estimate), and the initiatives their
  // stories belong to (whether a story counts as part of one).
  const read = plan.items.filter((i) =>
    i.kind === 'initiative' ? led.has(i.id) || parents.has(i.id) : i.parentId !== null && led.has(i.parentId),
  );
  return byHolder(carried, estimatesOf({ items: read }));
}

/** One engineer's load. For many, call `loads` once. */
export const loadOf = (engineerId: number, plan: Items): Load => loads(plan).get(engineerId) ?? NO_LOAD;

/** Points in words: "1 pt", "3 pts". */
export const pts = (n: number): string => plural(n, 'pt');

const partWords = (part: LoadPart): string => {
  const title = `'${part.item.title}'`;
  if (part.kind !== 'dri_remainder') return part.item.size === null ? `${title} (no size)` : `${pts(part.points)} ${title}`;
  const e = part.estimate;
  if (e.size === null) return `${title} as DRI (no size: its stories count)`;
  if (e.inStories === 0) return `${pts(part.points)} ${title} as DRI`;
  if (e.overEstimateBy > 0) return `${title} as DRI (its stories outgrew its estimate)`;
  if (part.points === 0) return `${title} as DRI (all in its stories)`;
  return `${pts(part.points)} of ${title} not yet in its stories`;
};

/** A load's parts in words: "3 pts of 'Checkout revamp' not yet in its stories, 2 pts 'Pick a saved card'". */
export const partsInWords = (load: Load): string => load.parts.map(partWords).join(', ');

/** A load in words, part by part: "5 pts: 3 pts of 'Checkout revamp' not yet in its stories, 2 pts 'Pick a saved card'". */
export const describeLoad = (load: Load): string =>
  load.parts.length === 0 ? pts(load.points) : `${pts(load.points)}: ${partsInWords(load)}`;

/**
 * An initiative's estimate in words, as the insights and the report show it: "13 pts: 10 in its
 * stories (4 pts in unassigned stories), 3 with the DRI". Stories that add up to more than its
 * size say the estimate is out of date; the surplus is never counted twice.
 */
export function describeEstimate(initiative: WorkItem, e: Estimate): string {
  const unassigned = e.inUnassignedStories > 0 ? ` (${pts(e.inUnassignedStories)} in unassigned stories)` : '';
  if (e.size === null) return e.inStories === 0 ? 'No size' : `No size: ${pts(e.inStories)} in its stories${unassigned}`;
  if (e.overEstimateBy > 0)
    return `${pts(e.size)}, but its stories add up to ${pts(e.inStories)}${unassigned}: the estimate is out of date`;
  const holder = initiative.assignment ? 'with the DRI' : 'not yet in stories, no DRI yet';
  if (e.inStories === 0) return `${pts(e.size)}, not yet split into stories`;
  return `${pts(e.size)}: ${e.inStories} in its stories${unassigned}, ${e.unsplit} ${holder}`;
}

/**
 * The line an initiative's card adds under its size, once it has stories: how much of it is split
 * out, or that its stories have outgrown it. Null while it has no stories (the size says it all).
 */
export function estimateNote(e: Estimate): string | null {
  if (e.inStories === 0) return null;
  if (e.size === null) return `${pts(e.inStories)} in its stories`;
  if (e.overEstimateBy > 0) return `Its stories add up to ${pts(e.inStories)}: the estimate is out of date`;
  return `${e.inStories} in its stories, ${e.unsplit} not yet split`;
}
