import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkKind } from './ladder.ts';
import {
  describeEstimate,
  describeLoad,
  estimateNote,
  estimateOf,
  estimates,
  loadOf,
  loadPart,
  loadPoints,
  loads,
  loadsFor,
  pts,
} from './load.ts';
import type { WorkItem } from './schemas.ts';

// One describe per sentence of PRODUCT.md, "Load counts every point once".

const TOM = 1;
const ANA = 2;
const LINA = 3;

let nextId = 100;
const item = (title: string, kind: WorkKind, size: number | null, on: number | null, parent?: WorkItem): WorkItem => ({
  id: nextId++,
  kind,
  parentId: parent?.id ?? null,
  quarterId: 1,
  title,
  description: '',
  rung: kind === 'initiative' ? 2 : 1,
  size,
  touchpoints: [],
  status: 'planned',
  sortKey: nextId,
  teamId: null,
  carriedFromQuarterId: null,
  carriedAckNote: null,
  assignment: on === null ? null : { engineerId: on, reviewerId: null, leadReviews: false, ackNote: null },
});
const initiative = (size: number | null, dri: number | null, title = 'Saved payment methods') => item(title, 'initiative', size, dri);
const story = (parent: WorkItem | undefined, size: number | null, owner: number | null, title = 'Story') =>
  item(title, 'story', size, owner, parent);
const points = (engineerId: number, items: WorkItem[]) => loadOf(engineerId, { items }).points;

describe("an initiative's size is its whole estimate; its stories are parts of it", () => {
  it('an initiative without stories: its DRI carries its whole size', () => {
    const saved = initiative(8, TOM);
    expect(points(TOM, [saved])).toBe(8);
    expect(estimateOf(saved, { items: [saved] })).toEqual({ size: 8, inStories: 0, inUnassignedStories: 0, unsplit: 8, overEstimateBy: 0 });
  });
  it('an initiative with stories: the team carries its size once, whoever holds the parts', () => {
    const saved = initiative(8, TOM);
    const items = [saved, story(saved, 3, ANA), story(saved, 2, LINA)];
    expect(points(TOM, items) + points(ANA, items) + points(LINA, items)).toBe(8);
  });
});

describe("a story's points go to its owner", () => {
  it('its owner carries its size', () => {
    const saved = initiative(8, TOM);
    expect(points(ANA, [saved, story(saved, 3, ANA)])).toBe(3);
  });
  it('a DRI who owns a story of their own initiative carries the story and the unsplit part, not the size again', () => {
    const saved = initiative(8, TOM);
    const token = story(saved, 3, TOM, 'Store a tokenised card');
    const load = loadOf(TOM, { items: [saved, token, story(saved, 2, ANA)] });
    expect(load.points).toBe(3 + 3);
    expect(load.parts.map((p) => [p.kind, p.item.title, p.points])).toEqual([
      ['dri_remainder', 'Saved payment methods', 3],
      ['story', 'Store a tokenised card', 3],
    ]);
  });
  it('a story without an initiative is loose: its owner carries its size', () => {
    const sdk = story(undefined, 2, ANA, 'Upgrade the payments SDK');
    expect(loadOf(ANA, { items: [sdk] }).parts).toEqual([{ kind: 'loose', item: sdk, points: 2 }]);
  });
  it('an unsized story is carried, for 0 points', () => {
    const saved = initiative(8, TOM);
    expect(loadOf(ANA, { items: [saved, story(saved, null, ANA)] })).toMatchObject({ points: 0, parts: [{ kind: 'story', points: 0 }] });
  });
});

describe("the DRI carries what is not yet split into stories: the initiative's size minus its stories' sizes", () => {
  it('the DRI carries the rest of the estimate', () => {
    const revamp = initiative(13, ANA, 'Checkout revamp');
    const items = [revamp, story(revamp, 5, TOM), story(revamp, 1, LINA)];
    expect(points(ANA, items)).toBe(7);
    expect(estimateOf(revamp, { items })).toMatchObject({ inStories: 6, unsplit: 7, overEstimateBy: 0 });
  });
  it('a fully split initiative leaves its DRI nothing of it, though they still carry it', () => {
    const saved = initiative(5, TOM);
    const load = loadOf(TOM, { items: [saved, story(saved, 5, ANA)] });
    expect(load).toMatchObject({ points: 0, parts: [{ kind: 'dri_remainder', item: saved, points: 0 }] });
  });
});

describe('never below zero: stories that add up to more than the size say the estimate is out of date', () => {
  const referral = initiative(13, TOM, 'Referral rewards');
  const items = [referral, story(referral, 8, TOM), story(referral, 6, ANA)];
  it('the DRI carries nothing of it, and each story is counted once, for its owner', () => {
    expect(points(TOM, items)).toBe(8);
    expect(points(ANA, items)).toBe(6);
  });
  it('the estimate says by how much its stories run past it', () => {
    expect(estimateOf(referral, { items })).toEqual({ size: 13, inStories: 14, inUnassignedStories: 0, unsplit: 0, overEstimateBy: 1 });
    expect(describeEstimate(referral, estimateOf(referral, { items }))).toBe(
      '13 pts, but its stories add up to 14 pts: the estimate is out of date',
    );
    expect(estimateNote(estimateOf(referral, { items }))).toBe('Its stories add up to 14 pts: the estimate is out of date');
  });
  it("the DRI's load says so rather than counting the surplus", () => {
    expect(describeLoad(loadOf(TOM, { items }))).toBe("8 pts: 'Referral rewards' as DRI (its stories outgrew its estimate), 8 pts 'Story'");
  });
});

describe('an initiative without a size counts its stories only', () => {
  const churn = initiative(null, TOM, 'Find why new users churn');
  const items = [churn, story(churn, 3, ANA), story(churn, 1, null)];
  it('its DRI carries none of it; its stories go to their owners', () => {
    expect(loadOf(TOM, { items })).toMatchObject({ points: 0, parts: [{ kind: 'dri_remainder', points: 0 }] });
    expect(points(ANA, items)).toBe(3);
  });
  it('it is never over its estimate: it has none', () => {
    expect(estimateOf(churn, { items })).toEqual({ size: null, inStories: 4, inUnassignedStories: 1, unsplit: 0, overEstimateBy: 0 });
    expect(describeEstimate(churn, estimateOf(churn, { items }))).toBe('No size: 4 pts in its stories (1 pt in unassigned stories)');
  });
});

describe('a story nobody owns yet is carried by nobody: not by the DRI', () => {
  const saved = initiative(8, TOM);
  const items = [saved, story(saved, 3, ANA), story(saved, 1, null, 'Track saved-card usage')];
  it('the DRI carries only the unsplit part', () => {
    expect(points(TOM, items)).toBe(4);
    expect([...loads({ items }).values()].reduce((sum, l) => sum + l.points, 0)).toBe(8 - 1);
  });
  it('the estimate says how much waits in unassigned stories', () => {
    expect(describeEstimate(saved, estimateOf(saved, { items }))).toBe(
      '8 pts: 4 in its stories (1 pt in unassigned stories), 4 with the DRI',
    );
  });
});

describe('an initiative without a DRI: its stories still go to their owners', () => {
  const churn = initiative(21, null, 'Find why new users churn');
  const items = [churn, story(churn, 3, ANA), story(churn, 1, LINA)];
  it("each owner carries their story; the unsplit part waits for a DRI, on nobody's load", () => {
    expect(points(ANA, items)).toBe(3);
    expect(points(LINA, items)).toBe(1);
    expect(loads({ items }).size).toBe(2);
    expect(loadPart(churn, { items })).toMatchObject({ kind: 'dri_remainder', points: 17 });
    expect(items.map(loadPoints({ items }))).toEqual([17, 3, 1]);
    expect(describeEstimate(churn, estimateOf(churn, { items }))).toBe('21 pts: 4 in its stories, 17 not yet in stories, no DRI yet');
  });
});

describe('only the stories in the plan count: a story belongs to its initiative’s quarter', () => {
  it('a story whose initiative is not in the plan is loose, and the initiative counts no story outside it', () => {
    const elsewhere = initiative(8, TOM);
    const orphan = story(elsewhere, 3, ANA);
    expect(loadPart(orphan, { items: [orphan] })).toMatchObject({ kind: 'loose', points: 3 });
    expect(estimates({ items: [elsewhere] }).get(elsewhere.id)).toMatchObject({ inStories: 0, unsplit: 8 });
  });
});

describe('load in words', () => {
  it('one point is "1 pt", any other number is "pts"', () => {
    expect([0, 1, 2].map(pts)).toEqual(['0 pts', '1 pt', '2 pts']);
  });
  it('a load names each part and what of an initiative the DRI carries', () => {
    const revamp = initiative(13, ANA, 'Checkout revamp');
    const items = [revamp, story(revamp, 5, TOM), story(revamp, 2, ANA, 'Pick a saved card'), story(undefined, 1, ANA, 'Fix flaky test')];
    expect(describeLoad(loadOf(ANA, { items }))).toBe(
      "9 pts: 6 pts of 'Checkout revamp' not yet in its stories, 2 pts 'Pick a saved card', 1 pt 'Fix flaky test'",
    );
  });
  it('an initiative with no stories, all split, or no size is named for what it is', () => {
    const whole = initiative(5, TOM, 'Whole');
    const split = initiative(2, TOM, 'Split');
    const open = initiative(null, TOM, 'Open');
    const items = [whole, split, open, story(split, 2, ANA), story(undefined, null, TOM, 'Unsized')];
    expect(describeLoad(loadOf(TOM, { items }))).toBe(
      "5 pts: 5 pts 'Whole' as DRI, 'Split' as DRI (all in its stories), 'Open' as DRI (no size: its stories count), 'Unsized' (no size)",
    );
  });
  it('nothing carried is "0 pts"', () => {
    expect(describeLoad(loadOf(TOM, { items: [] }))).toBe('0 pts');
  });
  it("an initiative's card notes its stories once it has some", () => {
    const saved = initiative(8, TOM);
    expect(estimateNote(estimateOf(saved, { items: [saved] }))).toBeNull();
    expect(estimateNote(estimateOf(saved, { items: [saved, story(saved, 3, ANA)] }))).toBe('3 in its stories, 5 not yet split');
  });
});

describe("some engineers' loads, worked out alone, are what the whole plan's loads say of them", () => {
  it('for any plan and any engineers', () => {
    const people = fc.constantFrom(TOM, ANA, LINA, null);
    const size = fc.option(fc.integer({ min: 0, max: 13 }));
    const plan = fc
      .record({
        initiatives: fc.array(fc.record({ size, dri: people }), { maxLength: 4 }),
        stories: fc.array(fc.record({ size, owner: people, parent: fc.nat() }), { maxLength: 10 }),
      })
      .map(({ initiatives, stories }) => {
        const made = initiatives.map((i) => initiative(i.size, i.dri));
        // A parent index past the initiatives makes a loose story.
        const parts = stories.map((s) => story(made[s.parent % (made.length + 1)], s.size, s.owner));
        return [...made, ...parts];
      });
    fc.assert(
      fc.property(plan, fc.subarray([TOM, ANA, LINA]), (items, some) => {
        const alone = loadsFor({ items }, new Set(some));
        const whole = loads({ items });
        for (const id of some) expect(alone.get(id)).toEqual(whole.get(id));
        expect([...alone.keys()].every((id) => some.includes(id))).toBe(true);
      }),
    );
  });
});
