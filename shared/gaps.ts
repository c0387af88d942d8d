import { type Fit, fit } from './fit.ts';
import { type Ladder, type Rank, type WorkKind, levelName, ranksOf } from './ladder.ts';
import { type Load, NO_LOAD, loadPoints, loads, partsInWords, pts } from './load.ts';
import { type Plan, activeCarriers } from './plan.ts';

export type { Plan } from './plan.ts';
import type { Engineer, WorkItem } from './schemas.ts';
import { type NameOf, plainName } from './namesakes.ts';
import { isOverCapacity, plural, withArticle } from './words.ts';

// Delegation gaps (PRODUCT.md, "Delegation gaps"): where the work a lead hands out falls short of
// an engineer's level or runs past it. Pure functions of one quarter's plan, so the renderer (live,
// as the board changes) and the main process (reports, exports) compute the same answer.
// Fits always use the engineer's current level: a promotion re-evaluates them at once.

export type GapKind = 'no_own_rung' | 'only_below_level' | 'overreach' | 'stretch_without_reviewer' | 'over_capacity' | 'no_load';

export const GAP_KINDS: readonly GapKind[] = [
  'overreach',
  'stretch_without_reviewer',
  'no_own_rung',
  'only_below_level',
  'over_capacity',
  'no_load',
];

/**
 * Each kind of gap as a heading. "Nothing at their own rung" means something different at each
 * level (a Mid who owns Mid-rung stories but leads no initiative has not "nothing"), so that kind
 * is always named for the level: see ownRungWork and gapLabel.
 */
export const GAP_LABEL: Record<Exclude<GapKind, 'no_own_rung'>, string> = {
  only_below_level: 'Only below-level work',
  overreach: 'Overreach',
  stretch_without_reviewer: 'Stretch without a reviewer',
  over_capacity: 'Load over capacity',
  no_load: 'No load',
};

export type Gap = {
  kind: GapKind;
  /** The heading the gap is listed under, for the engineer's level ("DRI of no Mid-rung initiative"). */
  label: string;
  /**
   * The concrete items the gap is about: the item of an overreach or stretch; everything the
   * engineer carries for the gaps about their whole quarter (what sits where their own rung should
   * be, the below-level work, the load); empty for "no load".
   */
  items: readonly WorkItem[];
  /** An overreach the lead kept with a note: still listed, muted. */
  acknowledged: boolean;
  message: string;
};

export type EngineerGaps = { engineer: Engineer; items: readonly WorkItem[]; load: Load; gaps: Gap[] };

/**
 * What "their own rung" means for a level, in the product's words, read from where the level sits
 * against the ladder's default rungs: below a story's default it is a task (a story at their rung),
 * up to it a story of their own, at an initiative's default an initiative as DRI, above it anything
 * at their rung. On the map's ladder: an Intern's task, a Junior's story, a Mid's initiative, a
 * Senior's anything. `label` heads the gap (and its count on the team summary); `phrase` follows
 * the engineer's name.
 */
export function ownRungWork(ladder: Ladder, level: Rank): { kind: WorkKind | null; label: string; phrase: string } {
  const rung = `${levelName(ladder, level)}-rung`;
  const kind = ownRungKind(ladder, level);
  if (level < ladder.kinds.story.defaultRung)
    return { kind, label: 'No task of their own', phrase: `has no task of their own (${withArticle(rung)} story)` };
  if (kind === 'initiative') return { kind, label: `DRI of no ${rung} initiative`, phrase: `is DRI of no ${rung} initiative` };
  if (kind === 'story') return { kind, label: `No ${rung} story of their own`, phrase: `owns no ${rung} story of their own` };
  return { kind, label: `No ${rung} item`, phrase: `carries no ${rung} item` };
}

/** Which kind of work at their own rung counts for a level (ownRungWork); null: any kind. */
function ownRungKind(ladder: Ladder, level: Rank): WorkKind | null {
  const { story, initiative } = ladder.kinds;
  if (level < story.defaultRung) return 'story';
  if (level === initiative.defaultRung) return 'initiative';
  if (level < initiative.defaultRung) return 'story';
  return null;
}

/** The own-rung test for one level, worked out once for all of an engineer's items (no words needed). */
const ownRungTest = (ladder: Ladder, level: Rank): ((item: WorkItem) => boolean) => {
  const kind = ownRungKind(ladder, level);
  return (item) => item.rung === level && (kind === null || item.kind === kind);
};

/** A gap's heading; the own-rung gap is named for the level it is about. */
export const gapLabel = (ladder: Ladder, kind: GapKind, level: Rank): string =>
  kind === 'no_own_rung' ? ownRungWork(ladder, level).label : GAP_LABEL[kind];

/**
 * Work at their rung of the other kind is not "nothing": a Mid who owns two Mid-rung stories
 * but leads no initiative is "DRI of no Mid-rung initiative (owns 2 Mid-rung stories)".
 */
function atRungBesides(ladder: Ladder, level: Rank, items: readonly WorkItem[]): string {
  const atRung = items.filter((i) => i.rung === level);
  const rung = `${levelName(ladder, level)}-rung`;
  const stories = atRung.filter((i) => i.kind === 'story').length;
  const initiatives = atRung.length - stories;
  const besides = [
    initiatives > 0 && `DRI of ${plural(initiatives, `${rung} initiative`)}`,
    stories > 0 && `owns ${plural(stories, `${rung} story`, `${rung} stories`)}`,
  ].filter(Boolean);
  return besides.length > 0 ? ` (${besides.join('; ')})` : '';
}

/** The own-rung gap of one engineer as a heading, with what they do carry at their rung. */
export const ownRungLabel = (ladder: Ladder, level: Rank, items: readonly WorkItem[]): string =>
  `${ownRungWork(ladder, level).label}${atRungBesides(ladder, level, items)}`;

/** No gaps: one shared empty list, for the thousands of assignments that have none. */
const NONE: Gap[] = [];

const quote = (items: readonly WorkItem[]) => items.map((i) => `'${i.title}'`).join(', ');

export const needsReviewer = (item: WorkItem, f: Fit): boolean =>
  f.kind === 'stretch' && item.assignment !== null && item.assignment.reviewerId === null && !item.assignment.leadReviews;

/** The item-level gaps of one assignment: an overreach, or a stretch nobody reviews. */
function itemGaps(ladder: Ladder, item: WorkItem, engineer: Engineer, f: Fit, name: string): Gap[] {
  if (f.kind === 'in_reach' || (f.kind === 'stretch' && !needsReviewer(item, f))) return NONE;
  const rung = `${levelName(ladder, item.rung)} rung`;
  const level = levelName(ladder, engineer.level);
  if (f.kind === 'overreach') {
    const ack = item.assignment?.ackNote ?? null;
    return [
      {
        kind: 'overreach',
        label: GAP_LABEL.overreach,
        items: [item],
        acknowledged: ack !== null,
        message: `'${item.title}' (${rung}) is ${f.gap} rungs past ${name}’s level (${level})${ack !== null ? `; kept: ${ack}` : ''}`,
      },
    ];
  }
  if (needsReviewer(item, f)) {
    return [
      {
        kind: 'stretch_without_reviewer',
        label: GAP_LABEL.stretch_without_reviewer,
        items: [item],
        acknowledged: false,
        message: `'${item.title}' (${rung}) is a stretch for ${name} (${level}) with no reviewer`,
      },
    ];
  }
  return NONE;
}

/**
 * One engineer's gaps for the quarter, given the items they carry and their load (load.ts: it reads
 * the whole plan). `name` is how the sentences name them: their name, or a namesake's label.
 */
export function gapsOf(
  ladder: Ladder,
  engineer: Engineer,
  items: readonly WorkItem[],
  load: Load,
  name = engineer.name,
  warned?: ReadonlyMap<number, ItemWarning>,
): Gap[] {
  const gaps: Gap[] = [];
  for (const i of items) {
    const warning = warned?.get(i.id);
    if (warning) gaps.push(gapOfWarning(warning));
    else if (!warned) {
      const found = itemGaps(ladder, i, engineer, fit(i.rung, engineer.level), name);
      if (found !== NONE) gaps.push(...found);
    }
  }
  const who = `${name} (${levelName(ladder, engineer.level)})`;
  if (items.length === 0) {
    // "No load" already says there is nothing at their rung; one gap, not two.
    gaps.push({
      kind: 'no_load',
      label: GAP_LABEL.no_load,
      items: [],
      acknowledged: false,
      message: `${who} has nothing assigned this quarter`,
    });
    return gaps;
  }
  if (!items.some(ownRungTest(ladder, engineer.level))) {
    gaps.push({
      kind: 'no_own_rung',
      label: gapLabel(ladder, 'no_own_rung', engineer.level),
      items,
      acknowledged: false,
      message: `${who} ${ownRungWork(ladder, engineer.level).phrase}${atRungBesides(ladder, engineer.level, items)}`,
    });
  }
  if (items.every((i) => fit(i.rung, engineer.level).belowLevel)) {
    gaps.push({
      kind: 'only_below_level',
      label: GAP_LABEL.only_below_level,
      items,
      acknowledged: false,
      message: `${who} has only work two or more rungs below their level: ${quote(items)}`,
    });
  }
  const capacity = engineer.capacity;
  if (isOverCapacity(load.points, capacity)) {
    gaps.push(
      saidWhenRead(
        { kind: 'over_capacity', label: GAP_LABEL.over_capacity, items, acknowledged: false },
        // The parts say where the points come from, so the lead can tell real overload from a stale estimate.
        () => `${who} carries ${pts(load.points)} against a capacity of ${capacity}: ${partsInWords(load)}`,
      ),
    );
  }
  return gaps;
}

/**
 * A gap whose sentence is written the first time it is read. Gaps are worked out for the whole org
 * on every change to the plan, and the sentence of an overloaded engineer names every part of their
 * load: at 1,000 engineers writing them all was two thirds of the gaps' cost (npm run bench), for
 * screens that show a few at a time. Reading it (a screen, a clone, JSON) gives the same words.
 * Every such gap shares one getter: a getter made per gap gave each its own hidden class, and the
 * garbage collector then spent 20–40 ms a pass on them (a 3 ms gaps run at 300 engineers had a 25 ms p95).
 */
function saidWhenRead(gap: Omit<Gap, 'message'>, say: () => string): Gap {
  Object.defineProperty(gap, 'message', { get: readMessage, enumerable: true });
  return Object.defineProperty(gap, SENTENCE, { value: say, writable: true }) as Gap;
}

/** Where a lazily said gap keeps its sentence: first the function that says it, then the words. */
const SENTENCE = Symbol('sentence');

function readMessage(this: { [SENTENCE]: string | (() => string) }): string {
  const said = this[SENTENCE];
  if (typeof said === 'string') return said;
  return (this[SENTENCE] = said());
}

/**
 * Every active engineer with their gaps. Inactive engineers have no gaps; their items still warn
 * (itemWarnings). `warned`: the plan's warnings by item (delegation), whose sentences the item gaps reuse.
 */
export function engineerGaps(plan: Plan, nameOf: NameOf = plainName, warned?: ReadonlyMap<number, ItemWarning>): EngineerGaps[] {
  const loadOf = loads(plan);
  return activeCarriers(plan).map(({ engineer, items }) => {
    const load = loadOf.get(engineer.id) ?? NO_LOAD;
    return { engineer, items, load, gaps: gapsOf(plan.ladder, engineer, items, load, nameOf(engineer), warned) };
  });
}

/** An item gap is the warning about the same assignment, under the gap's heading, with its sentence. */
const gapOfWarning = (w: ItemWarning): Gap => ({
  kind: w.kind as 'overreach' | 'stretch_without_reviewer',
  label: GAP_LABEL[w.kind as 'overreach' | 'stretch_without_reviewer'],
  items: [w.item],
  acknowledged: w.acknowledged,
  message: w.message,
});

/**
 * The org's warnings and every engineer's gaps, as Insights and the report show them together:
 * each overreach and unreviewed stretch is judged and said once, for both. Written twice, the
 * ~2,000 sentences at 1,000 engineers took a pass from 5.5 to 6.2 MB allocated.
 */
export function delegation(plan: Plan, nameOf: NameOf = plainName): { warnings: ItemWarning[]; perEngineer: EngineerGaps[] } {
  const warnings = itemWarnings(plan, nameOf);
  const warned = new Map<number, ItemWarning>();
  for (const w of warnings) if (w.kind !== 'inactive_assignee') warned.set(w.item.id, w);
  return { warnings, perEngineer: engineerGaps(plan, nameOf, warned) };
}

export type ItemWarning = {
  kind: 'overreach' | 'stretch_without_reviewer' | 'inactive_assignee';
  item: WorkItem;
  engineer: Engineer;
  fit: Fit;
  acknowledged: boolean;
  message: string;
};

/** Warnings about assigned items, whoever carries them (an inactive engineer's items still warn). */
export function itemWarnings(plan: Plan, nameOf: NameOf = plainName): ItemWarning[] {
  const engineers = new Map(plan.engineers.map((e) => [e.id, e]));
  const out: ItemWarning[] = [];
  for (const item of plan.items) {
    const engineer = item.assignment ? engineers.get(item.assignment.engineerId) : undefined;
    if (!engineer) continue;
    const f = fit(item.rung, engineer.level);
    for (const g of itemGaps(plan.ladder, item, engineer, f, nameOf(engineer))) {
      out.push({ kind: g.kind as ItemWarning['kind'], item, engineer, fit: f, acknowledged: g.acknowledged, message: g.message });
    }
    if (!engineer.active) {
      out.push({
        kind: 'inactive_assignee',
        item,
        engineer,
        fit: f,
        acknowledged: false,
        message: `'${item.title}' is on ${nameOf(engineer)}, who is inactive`,
      });
    }
  }
  // Unacknowledged first: muted rows sink to the bottom.
  return out.toSorted((a, b) => Number(a.acknowledged) - Number(b.acknowledged));
}

export type RungSpread = {
  rank: Rank;
  /** Items of the quarter at this rung, and how many of them are assigned. */
  items: number;
  assigned: number;
  /** Their points, each counted once (load.ts): an initiative adds only what is not yet in its stories. */
  points: number;
  /** Active engineers at this level, and their capacity. */
  engineers: number;
  capacity: number;
};

export type TeamGaps = {
  initiativesWithoutDri: WorkItem[];
  storiesWithoutOwner: WorkItem[];
  spread: RungSpread[];
  /** Where the rungs of work and the levels on the roster do not meet, one sentence each. */
  spreadNotes: string[];
};

export function teamGaps(plan: Plan): TeamGaps {
  const active = plan.engineers.filter((e) => e.active);
  const pointsOf = loadPoints(plan);
  // One pass over the items and one over the people, not one per rung: at 1,000 engineers and
  // 10,000 items the per-rung filters were a third of the delegation figures (npm run bench).
  const spread: RungSpread[] = ranksOf(plan.ladder).map((rank) => ({ rank, items: 0, assigned: 0, points: 0, engineers: 0, capacity: 0 }));
  for (const i of plan.items) {
    const s = spread[i.rung];
    if (!s) continue;
    s.items += 1;
    if (i.assignment !== null) s.assigned += 1;
    s.points += pointsOf(i);
  }
  for (const e of active) {
    const s = spread[e.level];
    if (!s) continue;
    s.engineers += 1;
    s.capacity += e.capacity ?? 0;
  }
  const spreadNotes: string[] = [];
  for (const s of spread) {
    const level = levelName(plan.ladder, s.rank);
    if (s.items > 0 && !active.some((e) => e.level >= s.rank)) {
      spreadNotes.push(`${plural(s.items, `${level}-rung item`)} and no one at ${level} or above on the roster: each is a stretch at best`);
    }
    if (s.engineers > 0 && s.items === 0) {
      spreadNotes.push(`${plural(s.engineers, level)} on the roster and no ${level}-rung work this quarter`);
    }
  }
  return {
    initiativesWithoutDri: plan.items.filter((i) => i.kind === 'initiative' && i.assignment === null),
    storiesWithoutOwner: plan.items.filter((i) => i.kind === 'story' && i.assignment === null),
    spread,
    spreadNotes,
  };
}

export type GapSummaryRow = {
  /** Unique per row: the kind, and for the own-rung gap its level too. */
  key: string;
  kind: GapKind | 'overreach_acknowledged';
  label: string;
  count: number;
};
export type GapSummary = GapSummaryRow[];

/** A summary row's key: the kind, and for the own-rung gap its level too. */
const summaryKey = (kind: GapKind, level: Rank): string => (kind === 'no_own_rung' ? `${kind}-${level}` : kind);

/**
 * The team summary: how many of each kind of gap, acknowledged overreach counted apart. The
 * own-rung gap is counted per level, one row for each level on the roster, because it says a
 * different thing at each ("DRI of no Mid-rung initiative", "No Senior-rung item").
 */
export function gapSummary(perEngineer: readonly EngineerGaps[], ladder: Ladder): GapSummary {
  // One pass over every gap: the count of each row by its key, acknowledged overreach apart.
  const counts = new Map<string, number>();
  const onRoster = new Set<Rank>();
  let kept = 0;
  for (const { engineer, gaps } of perEngineer) {
    onRoster.add(engineer.level);
    for (const g of gaps) {
      if (g.acknowledged) kept += 1;
      else {
        const key = summaryKey(g.kind, engineer.level);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  const levels = ranksOf(ladder)
    .filter((r) => onRoster.has(r))
    .toReversed();
  const rows: GapSummary = GAP_KINDS.flatMap((kind): GapSummary => {
    if (kind !== 'no_own_rung') return [{ key: kind, kind, label: GAP_LABEL[kind], count: counts.get(kind) ?? 0 }];
    return levels.map((level) => {
      const key = summaryKey(kind, level);
      return { key, kind, label: gapLabel(ladder, kind, level), count: counts.get(key) ?? 0 };
    });
  });
  rows.push({ key: 'overreach_acknowledged', kind: 'overreach_acknowledged', label: 'Overreach kept on purpose', count: kept });
  return rows;
}
