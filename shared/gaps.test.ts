import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from './default-ladder.ts';
import { type EngineerGaps, type Plan, delegation, engineerGaps, gapSummary, gapsOf, itemWarnings, teamGaps } from './gaps.ts';
import { loadOf } from './load.ts';
import type { Rank } from './ladder.ts';
import type { Engineer, WorkItem } from './schemas.ts';
import { eng, item } from '../tests/helpers/plan.ts';
import { type NameOf, engineerLabels } from './namesakes.ts';

// One describe per sentence of PRODUCT.md, "Delegation gaps" (per engineer, per quarter).

/** An engineer's gaps when `items` is the whole plan. */
const gapsIn = (engineer: Engineer, items: WorkItem[]) => gapsOf(DEFAULT_LADDER, engineer, items, loadOf(engineer.id, { items }));
const kinds = (engineer: Engineer, items: WorkItem[]) => gapsIn(engineer, items).map((g) => g.kind);

describe('nothing at their own rung', () => {
  it('a Mid who is DRI of no Mid-rung initiative', () => {
    const mid = eng('Marco', 2);
    const stories = [item('Card errors', 'story', 1, mid)];
    expect(kinds(mid, stories)).toEqual(['no_own_rung']);
    expect(gapsIn(mid, stories)[0]).toMatchObject({
      label: 'DRI of no Mid-rung initiative',
      message: 'Marco (Mid) is DRI of no Mid-rung initiative',
      items: stories,
    });
    expect(kinds(mid, [...stories, item('Checkout revamp', 'initiative', 2, mid)])).toEqual([]);
  });
  it('a Mid who owns Mid-rung stories but leads no initiative is not said to have nothing at their rung', () => {
    const mid = eng('Marco', 2);
    const stories = [item('Payment form', 'story', 2, mid), item('Fraud rules', 'story', 2, mid), item('Card errors', 'story', 1, mid)];
    expect(gapsIn(mid, stories)).toMatchObject([
      {
        kind: 'no_own_rung',
        label: 'DRI of no Mid-rung initiative',
        message: 'Marco (Mid) is DRI of no Mid-rung initiative (owns 2 Mid-rung stories)',
      },
    ]);
    expect(gapsIn(mid, stories.slice(1))[0]!.message).toBe('Marco (Mid) is DRI of no Mid-rung initiative (owns 1 Mid-rung story)');
  });
  it('each level’s gap is headed by what it means at that level', () => {
    const labels = ([0, 1, 2, 3] as const).map((level) => {
      const who = eng('X', level);
      return gapsIn(who, [item('Other', 'story', level === 0 ? 1 : 0, who)]).find((g) => g.kind === 'no_own_rung')!.label;
    });
    expect(labels).toEqual([
      'No task of their own',
      'No Junior-rung story of their own',
      'DRI of no Mid-rung initiative',
      'No Senior-rung item',
    ]);
  });
  it('a Mid who is DRI of a Junior-rung initiative only still has nothing at their rung', () => {
    const mid = eng('Marco', 2);
    expect(kinds(mid, [item('Saved cards', 'initiative', 1, mid)])).toEqual(['no_own_rung']);
  });
  it('a Senior with no Senior-rung item', () => {
    const senior = eng('Priya', 3);
    expect(kinds(senior, [item('Checkout revamp', 'initiative', 2, senior)])).toEqual(['no_own_rung']);
    expect(kinds(senior, [item('Frame churn', 'story', 3, senior)])).toEqual([]);
  });
  it('a Junior with no story of their own', () => {
    const junior = eng('Ana', 1);
    const initiative = item('Saved cards', 'initiative', 1, junior);
    expect(kinds(junior, [initiative])).toEqual(['no_own_rung']);
    expect(gapsIn(junior, [initiative])[0]!.message).toBe(
      'Ana (Junior) owns no Junior-rung story of their own (DRI of 1 Junior-rung initiative)',
    );
    expect(kinds(junior, [initiative, item('Pick a saved card', 'story', 1, junior)])).toEqual([]);
  });
  it('an Intern with no task', () => {
    const intern = eng('Leo', 0);
    expect(kinds(intern, [item('Link generation', 'story', 1, intern, { a: { leadReviews: true } })])).toEqual(['no_own_rung']);
    expect(kinds(intern, [item('Remove card button', 'story', 0, intern)])).toEqual([]);
  });
});

describe('only below-level work', () => {
  it('a Senior whose every item is two or more rungs below their level', () => {
    const senior = eng('Priya', 3, { name: 'Priya' });
    const work = [item('Upgrade SDK', 'story', 1, senior), item('Flaky test', 'story', 0, senior)];
    const gaps = gapsIn(senior, work);
    expect(gaps.map((g) => g.kind)).toEqual(['no_own_rung', 'only_below_level']);
    expect(gaps[1]!.items).toEqual(work);
  });
  it('one item one rung below is enough to clear it (in reach, not below level)', () => {
    const senior = eng('Priya', 3);
    expect(kinds(senior, [item('Upgrade SDK', 'story', 1, senior), item('Revamp', 'initiative', 2, senior)])).not.toContain(
      'only_below_level',
    );
  });
});

describe('overreach items; stretch items without a reviewer', () => {
  it('an overreach is listed with its item', () => {
    const intern = eng('Leo', 0);
    const fraud = item('Fraud rules for self-referrals', 'story', 2, intern);
    const gaps = gapsIn(intern, [fraud, item('Pull retention', 'story', 0, intern)]);
    expect(gaps).toMatchObject([{ kind: 'overreach', items: [fraud], acknowledged: false }]);
    expect(gaps[0]!.message).toBe("'Fraud rules for self-referrals' (Mid rung) is 2 rungs past Leo’s level (Intern)");
  });
  it('an acknowledged overreach stays listed, muted, and is counted apart', () => {
    const intern = eng('Leo', 0);
    const fraud = item('Fraud rules', 'story', 2, intern, { a: { ackNote: 'pairs with Omar' } });
    const per = [{ engineer: intern, items: [fraud], load: loadOf(intern.id, { items: [fraud] }), gaps: gapsIn(intern, [fraud]) }];
    expect(per[0]!.gaps[0]).toMatchObject({ kind: 'overreach', acknowledged: true });
    const summary = Object.fromEntries(gapSummary(per, DEFAULT_LADDER).map((r) => [r.kind, r.count]));
    expect(summary.overreach).toBe(0);
    expect(summary.overreach_acknowledged).toBe(1);
  });
  it('a stretch with neither a reviewer nor the lead reviewing is listed', () => {
    const junior = eng('Ana', 1);
    const revamp = item('Checkout revamp', 'initiative', 2, junior);
    expect(kinds(junior, [revamp, item('Pick card', 'story', 1, junior)])).toEqual(['stretch_without_reviewer']);
  });
  it('a stretch closed with a reviewer, or by the lead, is not', () => {
    const junior = eng('Jade', 1);
    const reviewed = item('Referral rewards', 'initiative', 2, junior, { a: { reviewerId: 7 } });
    const lead = item('Referral funnel', 'story', 2, junior, { a: { leadReviews: true } });
    expect(kinds(junior, [reviewed, lead, item('Link generation', 'story', 1, junior)])).toEqual([]);
  });
});

describe('load over capacity, or no load at all', () => {
  it('one point over is one point, not "1 pts"', () => {
    const intern = eng('Lina', 0, { capacity: 0 });
    expect(gapsIn(intern, [item('Remove card button', 'story', 0, intern, { size: 1 })])[0]!.message).toBe(
      "Lina (Intern) carries 1 pt against a capacity of 0: 1 pt 'Remove card button'",
    );
  });
  it('load over capacity names the points', () => {
    const mid = eng('Omar', 2, { capacity: 5 });
    const work = [item('Credit referrer', 'initiative', 2, mid, { size: 4 }), item('More', 'story', 2, mid, { size: 2 })];
    const gaps = gapsIn(mid, work);
    expect(gaps.map((g) => g.kind)).toEqual(['over_capacity']);
    expect(gaps[0]!.message).toBe("Omar (Mid) carries 6 pts against a capacity of 5: 4 pts 'Credit referrer' as DRI, 2 pts 'More'");
  });
  it('the sentence written when first read is the same sentence as JSON and as a structured clone', () => {
    const mid = eng('Omar', 2, { capacity: 5 });
    const [gap] = gapsIn(mid, [item('Credit referrer', 'initiative', 2, mid, { size: 6 })]);
    const said = "Omar (Mid) carries 6 pts against a capacity of 5: 6 pts 'Credit referrer' as DRI";
    expect(JSON.parse(JSON.stringify(gap)).message).toBe(said);
    expect(structuredClone(gap!).message).toBe(said);
    expect(Object.keys(gap!)).toEqual(['kind', 'label', 'items', 'acknowledged', 'message']);
    expect(gap!.message).toBe(said);
  });
  it('a DRI who owns a story of their initiative is not charged its points twice', () => {
    const junior = eng('Tom', 1, { capacity: 10 });
    const saved = item('Saved payment methods', 'initiative', 2, junior, { size: 8 });
    const work = [saved, item('Store a tokenised card', 'story', 1, junior, { size: 3, parentId: saved.id })];
    expect(kinds(junior, work)).not.toContain('over_capacity');
  });
  it('load at capacity, or with no capacity set, is fine', () => {
    const mid = eng('Omar', 2, { capacity: 6 });
    expect(kinds(mid, [item('Credit referrer', 'initiative', 2, mid, { size: 6 })])).toEqual([]);
    const open = eng('Mia', 0, { capacity: null });
    expect(kinds(open, [item('Invite copy', 'story', 0, open, { size: 40 })])).toEqual([]);
  });
  it('no load at all is one gap (it already says there is nothing at their rung)', () => {
    expect(kinds(eng('Sofia', 2), [])).toEqual(['no_load']);
  });
  it('unsized items are still load: an engineer with only unsized items is not "no load"', () => {
    const junior = eng('Tom', 1);
    expect(kinds(junior, [item('Story', 'story', 1, junior, { size: null })])).toEqual([]);
  });
});

describe('the team summary counts each gap, the own-rung gap per level on the roster', () => {
  it('one row per level on the roster, most senior first, each in that level’s words', () => {
    const senior = eng('Priya', 3);
    const mid = eng('Marco', 2);
    const omar = eng('Omar', 2);
    const per: EngineerGaps[] = [
      [senior, [item('SDK', 'story', 1, senior)]],
      [mid, [item('Form', 'story', 2, mid)]],
      [omar, [item('Credit', 'story', 2, omar)]],
    ].map(([e, items]) => ({
      engineer: e as Engineer,
      items: items as WorkItem[],
      load: loadOf((e as Engineer).id, { items: items as WorkItem[] }),
      gaps: gapsIn(e as Engineer, items as WorkItem[]),
    }));
    const rows = gapSummary(per, DEFAULT_LADDER).filter((r) => r.kind === 'no_own_rung');
    expect(rows.map((r) => [r.label, r.count])).toEqual([
      ['No Senior-rung item', 1],
      ['DRI of no Mid-rung initiative', 2],
    ]);
    expect(new Set(gapSummary(per, DEFAULT_LADDER).map((r) => r.key)).size).toBe(gapSummary(per, DEFAULT_LADDER).length);
  });
});

describe('team level: initiatives without a DRI, stories without an owner, rungs assigned against levels on the roster', () => {
  const senior = eng('Kenji', 3);
  const mid = eng('Sofia', 2);
  const churn = item('Find why users churn', 'initiative', 3, null);
  const loose = item('Fix flaky test', 'story', 0, null); // a story without a parent
  const child = item('Interview users', 'story', 2, null, { parentId: churn.id });
  const plan: Plan = {
    engineers: [senior, mid],
    items: [churn, loose, child, item('Revamp', 'initiative', 2, mid)],
    ladder: DEFAULT_LADDER,
  };
  it('lists initiatives without a DRI and stories without an owner, with or without a parent', () => {
    const team = teamGaps(plan);
    expect(team.initiativesWithoutDri).toEqual([churn]);
    expect(team.storiesWithoutOwner).toEqual([loose, child]);
  });
  it('counts items per rung against engineers per level', () => {
    const team = teamGaps(plan);
    expect(team.spread.map((s) => [s.items, s.assigned, s.engineers])).toEqual([
      [1, 0, 0],
      [0, 0, 0],
      [2, 1, 1],
      [1, 0, 1],
    ]);
  });
  it('names rungs of work nobody on the roster reaches, and levels with no work at their rung', () => {
    const intern = eng('Lina', 0);
    const hard = item('Find the problem', 'initiative', 3, null);
    expect(teamGaps({ engineers: [intern, eng('Marco', 2)], items: [hard], ladder: DEFAULT_LADDER }).spreadNotes).toEqual([
      '1 Intern on the roster and no Intern-rung work this quarter',
      '1 Mid on the roster and no Mid-rung work this quarter',
      '1 Senior-rung item and no one at Senior or above on the roster: each is a stretch at best',
    ]);
  });
});

describe('edge cases', () => {
  it('inactive engineers have no gaps, and their items still warn', () => {
    const gone = eng('Former', 0, { active: false });
    const stay = eng('Ana', 1);
    const fraud = item('Fraud rules', 'story', 2, gone);
    const plan: Plan = { engineers: [gone, stay], items: [fraud, item('Story', 'story', 1, stay)], ladder: DEFAULT_LADDER };
    expect(engineerGaps(plan).map((e) => e.engineer.name)).toEqual(['Ana']);
    expect(itemWarnings(plan).map((w) => [w.kind, w.item.title])).toEqual([
      ['overreach', 'Fraud rules'],
      ['inactive_assignee', 'Fraud rules'],
    ]);
  });
  it('a story without a parent counts for its owner like any story', () => {
    const junior = eng('Tom', 1);
    const loose = item('Upgrade SDK', 'story', 1, junior, { parentId: null });
    expect(kinds(junior, [loose])).toEqual([]);
  });
  it('an engineer promoted mid-quarter is judged at their current level', () => {
    // Jade was a Junior when the quarter was staffed; now a Mid. Her Mid-rung initiative is in reach,
    // and a Junior-rung story alone no longer counts as her own rung.
    const before = eng('Jade', 1);
    const after: Engineer = { ...before, level: 2 };
    const work = [item('Referral rewards', 'initiative', 2, before), item('Link generation', 'story', 1, before)];
    expect(kinds(before, work)).toEqual(['stretch_without_reviewer']);
    expect(kinds(after, work)).toEqual([]);
    expect(kinds(after, work.slice(1))).toEqual(['no_own_rung']);
  });
  it('acknowledged warnings sink below the others', () => {
    const intern = eng('Leo', 0);
    const kept = item('Kept', 'story', 3, intern, { a: { ackNote: 'on purpose' } });
    const open = item('Open', 'story', 2, intern);
    expect(itemWarnings({ engineers: [intern], items: [kept, open], ladder: DEFAULT_LADDER }).map((w) => w.item.title)).toEqual([
      'Open',
      'Kept',
    ]);
  });
});

describe('the sentences name each engineer as the screens do', () => {
  it('a namesake by their label, in their gaps and in the warnings on their items', () => {
    const [core, payments] = [eng('Alex Kim', 0, { employeeId: 'E1042' }), eng('Alex Kim', 1, { employeeId: 'E2211', active: false })];
    const items = [item('Fraud rules', 'story', 2, core), item('Card errors', 'story', 2, payments)];
    const plan: Plan = { engineers: [core, payments], items, ladder: DEFAULT_LADDER };
    const labels = engineerLabels([core, payments], []);
    const nameOf: NameOf = (e) => labels.get(e.id) ?? e.name;
    expect(engineerGaps(plan, nameOf)[0]!.gaps.map((g) => g.message)).toContain(
      "'Fraud rules' (Mid rung) is 2 rungs past Alex Kim (E1042)’s level (Intern)",
    );
    expect(itemWarnings(plan, nameOf).map((w) => w.message)).toEqual([
      "'Fraud rules' (Mid rung) is 2 rungs past Alex Kim (E1042)’s level (Intern)",
      "'Card errors' (Mid rung) is a stretch for Alex Kim (E2211) (Junior) with no reviewer",
      "'Card errors' is on Alex Kim (E2211), who is inactive",
    ]);
  });
});

describe('the warnings and the gaps worked out together (Insights, the report) say what each says alone', () => {
  const person = fc.record({
    level: fc.integer({ min: 0, max: 3 }),
    active: fc.boolean(),
    capacity: fc.option(fc.integer({ min: 0, max: 6 })),
  });
  const work = fc.record({
    rung: fc.integer({ min: 0, max: 3 }),
    kind: fc.constantFrom('story' as const, 'initiative' as const),
    on: fc.integer({ min: -1, max: 5 }),
    reviewer: fc.integer({ min: -1, max: 5 }),
    leadReviews: fc.boolean(),
    ackNote: fc.option(fc.constantFrom('agreed in 1:1', 'pairing with Ana')),
  });
  it('for any plan: the same warnings, the same gaps with the same sentences, in the same order', () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 6 }), fc.array(work, { maxLength: 24 }), (people, works) => {
        const engineers = people.map((p, i) => eng(`Person ${i}`, p.level as Rank, { active: p.active, capacity: p.capacity }));
        const at = (i: number) => (i < 0 ? null : (engineers[i % engineers.length] ?? null));
        const items = works.map((w, i) =>
          item(`Item ${i}`, w.kind, w.rung as Rank, at(w.on), {
            a: { reviewerId: at(w.reviewer)?.id ?? null, leadReviews: w.leadReviews, ackNote: w.ackNote },
          }),
        );
        const plan: Plan = { engineers, items, ladder: DEFAULT_LADDER };
        const together = delegation(plan);
        // JSON: the sentences written when read are compared as words.
        expect(JSON.stringify(together.warnings)).toBe(JSON.stringify(itemWarnings(plan)));
        expect(JSON.stringify(together.perEngineer)).toBe(JSON.stringify(engineerGaps(plan)));
      }),
      { numRuns: 300 },
    );
  });
});
