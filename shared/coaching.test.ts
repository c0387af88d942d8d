import { describe, expect, it } from 'vitest';
import { type AgendaEntry, agendaMarkdown, coachingAgenda, pointText } from './coaching.ts';
import { DEFAULT_LADDER } from './default-ladder.ts';
import { engineerGaps } from './gaps.ts';
import type { Ladder, Rank, Touchpoint, WorkKind } from './ladder.ts';
import type { Engineer, WorkItem } from './schemas.ts';
import { eng, item as planItem } from '../tests/helpers/plan.ts';

// PRODUCT.md, "Coaching agenda", and the map's "If you can’t yet delegate at the level someone is
// supposed to be, that gap is the coaching agenda": one describe per thing the agenda holds.

// A map whose every cell names its own touchpoint and level, so a test can see which cell was picked.
// The shipped map's words are checked against the document in tests/unit/competency-map.test.ts.
const map: Ladder = {
  ...DEFAULT_LADDER,
  levels: DEFAULT_LADDER.levels.map((l) => ({ ...l, delegate: `The delegate bullet for ${l.name}`, nextMove: `The move from ${l.name}` })),
  touchpoints: DEFAULT_LADDER.touchpoints.map((t) => ({ ...t, cells: DEFAULT_LADDER.levels.map((l) => `${t.name} at ${l.name}`) })),
};

/** An item carrying `touchpoints`: the agenda quotes the map's cells for them. */
const item = (
  title: string,
  kind: WorkKind,
  rung: Rank,
  on: Engineer | null,
  touchpoints: Touchpoint[] = [],
  extra: Parameters<typeof planItem>[4] = {},
): WorkItem => planItem(title, kind, rung, on, { touchpoints, ...extra });

const agendaOf = (engineers: Engineer[], items: WorkItem[]): AgendaEntry[] =>
  coachingAgenda(engineerGaps({ engineers, items, ladder: DEFAULT_LADDER }), engineers, map);
/** One engineer's agenda lines as "label: text", the way both renderings read them. */
const lines = (entry: AgendaEntry | undefined) => entry?.points.map((p) => `${p.label}: ${pointText(map, p)}`);

describe('every stretch, with who closes it with review', () => {
  const sofia = eng('Sofia', 2);
  const jade = eng('Jade', 1);
  it('a stretch with a reviewer names the reviewer; an engineer whose only entry it is still appears', () => {
    const rewards = item('Referral rewards', 'initiative', 2, jade, ['Define'], { a: { reviewerId: sofia.id } });
    const agenda = agendaOf([sofia, jade], [rewards, item('Link generation', 'story', 1, jade), item('Fraud', 'initiative', 2, sofia)]);
    expect(agenda.map((e) => e.engineer.name)).toEqual(['Jade']);
    expect(lines(agenda[0])).toEqual(["Stretch, reviewed by Sofia: 'Referral rewards' (Mid-rung initiative)"]);
  });
  it('a stretch the lead reviews says so', () => {
    const funnel = item('Referral funnel', 'story', 2, jade, [], { a: { leadReviews: true } });
    const agenda = agendaOf([jade], [funnel, item('Link generation', 'story', 1, jade)]);
    expect(lines(agenda[0])).toEqual(["Stretch, reviewed by the lead: 'Referral funnel' (Mid-rung story)"]);
  });
  it('a stretch with no reviewer says it needs one', () => {
    const revamp = item('Checkout revamp', 'initiative', 2, jade);
    const agenda = agendaOf([jade], [revamp, item('Pick card', 'story', 1, jade)]);
    expect(lines(agenda[0])).toEqual(["Stretch, needs a reviewer: 'Checkout revamp' (Mid-rung initiative)"]);
  });
});

describe('every overreach, a kept one with the note it was kept with', () => {
  const leo = eng('Leo', 0);
  const task = item('Pull retention', 'story', 0, leo);
  it('an overreach is listed with its item', () => {
    const agenda = agendaOf([leo], [item('Fraud rules', 'story', 2, leo), task]);
    expect(lines(agenda[0])).toEqual(["Overreach: 'Fraud rules' (Mid-rung story)"]);
    expect(agenda[0]!.points[0]!.muted).toBe(false);
  });
  it('a kept overreach stays on the agenda, muted, with its note; it alone puts the engineer on the agenda', () => {
    const kept = item('Fraud rules', 'story', 2, leo, [], { a: { ackNote: 'pairs with Marcus' } });
    const agenda = agendaOf([leo], [kept, task]);
    expect(lines(agenda[0])).toEqual(["Overreach, kept on purpose: 'Fraud rules' (Mid-rung story); note: pairs with Marcus"]);
    expect(agenda[0]!.points[0]!.muted).toBe(true);
  });
  it('open overreach comes before kept overreach and before stretches', () => {
    const junior = eng('Ana', 1);
    const work = [
      item('Kept', 'story', 3, junior, [], { a: { ackNote: 'on purpose' } }),
      item('Stretchy', 'story', 2, junior),
      item('Open', 'story', 3, junior),
      item('Own story', 'story', 1, junior),
    ];
    expect(agendaOf([junior], work)[0]!.points.map((p) => p.label)).toEqual([
      'Overreach',
      'Overreach, kept on purpose',
      'Stretch, needs a reviewer',
    ]);
  });
});

describe('nothing at their own rung, said for their level, naming what they carry instead', () => {
  it('a Mid with only Junior-rung work is DRI of no Mid-rung initiative', () => {
    const marco = eng('Marco', 2);
    const agenda = agendaOf([marco], [item('Payment form', 'story', 1, marco)]);
    expect(lines(agenda[0])).toEqual(["DRI of no Mid-rung initiative: 'Payment form' (Junior-rung story)"]);
  });
  it('a Mid who owns Mid-rung stories is told what they do own at their rung', () => {
    const omar = eng('Omar', 2);
    const stories = [item('Credit referrer', 'story', 2, omar), item('Payout', 'story', 2, omar)];
    expect(lines(agendaOf([omar], stories)[0])).toEqual([
      "DRI of no Mid-rung initiative (owns 2 Mid-rung stories): 'Credit referrer' (Mid-rung story), 'Payout' (Mid-rung story)",
    ]);
  });
  it('a Senior with no Senior-rung item, and only below-level work, names the items on both lines', () => {
    const priya = eng('Priya', 3);
    expect(lines(agendaOf([priya], [item('Upgrade SDK', 'story', 1, priya)])[0])).toEqual([
      "No Senior-rung item: 'Upgrade SDK' (Junior-rung story)",
      "Only below-level work: 'Upgrade SDK' (Junior-rung story)",
    ]);
  });
});

describe('load over capacity, or no load at all', () => {
  it('over capacity names every item and says the load against the capacity', () => {
    const tom = eng('Tom', 1, { capacity: 4 });
    const work = [item('Saved cards', 'initiative', 1, tom, [], { size: 3 }), item('Store card', 'story', 1, tom, [], { size: 2 })];
    expect(lines(agendaOf([tom], work)[0])).toEqual([
      "Load over capacity: 'Saved cards' (Junior-rung initiative), 'Store card' (Junior-rung story); 5 pts against a capacity of 4",
    ]);
  });
  it('no load is on the agenda with nothing to name', () => {
    const sofia = eng('Sofia', 2);
    expect(lines(agendaOf([sofia], [])[0])).toEqual(['No load: Sofia (Mid) has nothing assigned this quarter']);
  });
});

describe('the map’s cells at their level, for the touchpoints the agenda’s items carry', () => {
  it('each touchpoint once, in the map’s row order, with the items that carry it', () => {
    const ana = eng('Ana', 1);
    const revamp = item('Checkout revamp', 'initiative', 2, ana, ['Launch', 'Discover', 'Build']);
    const pick = item('Pick card', 'story', 1, ana, ['Build']);
    const [entry] = agendaOf([ana], [revamp, pick]);
    // The stretch names only the revamp: the story Ana owns at her rung is not on the agenda, nor its touchpoints.
    expect(entry!.cells.map((c) => [c.touchpoint, c.text, c.items.map((i) => i.title)])).toEqual([
      ['Discover', 'Discover at Junior', ['Checkout revamp']],
      ['Build', 'Build at Junior', ['Checkout revamp']],
      ['Launch', 'Launch at Junior', ['Checkout revamp']],
    ]);
  });
  it('cells come from the engineer’s level, not the rung of the work', () => {
    const leo = eng('Leo', 0);
    const [entry] = agendaOf([leo], [item('Fraud rules', 'story', 2, leo, ['Define']), item('Task', 'story', 0, leo, ['Build'])]);
    expect(entry!.cells.map((c) => c.text)).toEqual(['Define at Intern']);
  });
  it('with the level’s "what you can delegate" and the move to the next level', () => {
    const leo = eng('Leo', 0);
    const [entry] = agendaOf([leo], [item('Fraud rules', 'story', 2, leo)]);
    expect(entry!.delegate).toBe('The delegate bullet for Intern');
    expect(entry!.move.text).toBe('The move from Intern');
  });
});

describe('who is not on it', () => {
  it('an engineer with work in reach at their own rung, and nothing past it, has nothing to coach', () => {
    const ana = eng('Ana', 1);
    expect(agendaOf([ana], [item('Pick card', 'story', 1, ana)])).toEqual([]);
  });
});

describe('the Markdown download says what the screen says', () => {
  const sofia = eng('Sofia', 2);
  const jade = eng('Jade', 1);
  const leo = eng('Leo', 0);
  const engineers = [sofia, jade, leo];
  const items = [
    item('Referral rewards', 'initiative', 2, jade, ['Define', 'Build'], { a: { reviewerId: sofia.id } }),
    item('Link generation', 'story', 1, jade, ['Build']),
    item('Fraud rules', 'story', 2, leo, ['Discover'], { a: { ackNote: 'pairs with Marcus' } }),
    item('Pull retention', 'story', 0, leo),
    item('Credit referrer', 'initiative', 2, sofia),
  ];
  const agenda = agendaOf(engineers, items);
  const md = agendaMarkdown(agenda, '2026 Q4', map);
  it('one section per entry, every line of every entry, every cell with its items', () => {
    expect(md.match(/^## .*$/gm)).toEqual(['## Jade (Junior)', '## Leo (Intern)']);
    for (const entry of agenda) {
      for (const p of entry.points) expect(md).toContain(`- **${p.label}**: ${pointText(map, p)}`);
    }
    expect(md).toContain("- **Define**: Define at Junior ('Referral rewards')");
    expect(md).toContain("- **Discover**: Discover at Intern ('Fraud rules')");
    expect(md).toContain("- **Overreach, kept on purpose**: 'Fraud rules' (Mid-rung story); note: pairs with Marcus");
  });
  it('with a/an before the level', () => {
    expect(md).toContain('### What you can delegate to an Intern');
    expect(md).toContain('### What the map says a Junior does at these touchpoints');
  });
});
