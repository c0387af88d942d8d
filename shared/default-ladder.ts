import type { Ladder } from './ladder.ts';

// The competency map's ladder (data/competency-map.md), the ladder a new roster starts with. It is
// written out here, not read from the file, because migration 0005 fills every existing roster with
// it and a shipped migration must not change with a later edit of the file;
// tests/unit/ladder.test.ts holds it equal to the file's parse, cell for cell.

export const DEFAULT_LADDER: Ladder = {
  levels: [
    {
      id: 1,
      name: 'Intern',
      code: 'Intern',
      aliases: [],
      delegate:
        'Hand off well-scoped tasks with acceptance criteria spelled out. Stay close on anything ambiguous, and check the output against the definition doc yourself.',
      nextMove: 'Stop needing acceptance criteria spelled out. Take a scoped task and bring it to completion without being told each step.',
    },
    {
      id: 2,
      name: 'Junior',
      code: 'Junior',
      aliases: [],
      delegate:
        'Hand off a scoped story end to end, including its Build and its release. Stay close when scope shifts or the problem needs reframing; those are the moments they’ll come back to you.',
      nextMove: 'Take a reported symptom and produce the problem statement yourself, then own the definition doc through to a green light.',
    },
    {
      id: 3,
      name: 'Mid',
      code: 'Mid',
      aliases: [],
      delegate:
        'Hand off a whole initiative, from problem statement to launch, with them as DRI. They size, define, build, and ship without supervision. Your job becomes direction and review, not steering.',
      nextMove:
        'Stop waiting for the problem. Find and frame it from vague direction, and start shaping how the work runs, not just your own output.',
    },
    {
      id: 4,
      name: 'Senior',
      code: 'Senior',
      aliases: [],
      delegate:
        'Hand off ambiguous direction, not problems. They find the problem, shape the solution, and raise the bar for the engineers around them. Delegate the things you would otherwise keep for yourself.',
      nextMove: 'The shift is from individual execution to raising the whole team’s ceiling. That conversation happens with leadership.',
    },
  ],
  touchpoints: [
    {
      id: 1,
      name: 'Quarterly Planning',
      cells: [
        'Sits in to see how bets get made; does not size.',
        'Gives a rough size signal on a familiar candidate when asked; says so when unsure.',
        'Sizes non-trivial candidates on request; names the Define-and-testing effort, not just the build.',
        'Challenges scope and sequencing; flags which bets carry the most technical uncertainty so they run first.',
      ],
    },
    {
      id: 2,
      name: 'Story Mapping',
      cells: [
        'Reads the board to see where their work sits; updates the status of stories they own.',
        'Keeps their stories current; acts as DRI on a small initiative with support.',
        'Owns an initiative end to end as DRI; posts its weekly update; keeps its releases honest.',
        'Shapes the backbone and the initiative breakdown; catches when a board should split or an initiative is spanning two journeys.',
      ],
    },
    {
      id: 3,
      name: 'Discover',
      cells: [
        'Pulls a specific metric or log when asked; reports what they see.',
        'Surfaces patterns from usage data and error rates; needs the problem framed for them.',
        'Turns a symptom into a clear problem statement and checks it against the data before calling it done.',
        'Finds the problem worth solving from vague direction; rules out non-tech fixes early.',
      ],
    },
    {
      id: 4,
      name: 'Define',
      cells: [
        'Contributes in the session; follows the definition doc, does not write the engineer section.',
        'Writes the engineer section with review; sees the solution once the problem is clear.',
        'Owns the engineer section and gives the green light; argues build/buy/open-source and boring technology.',
        'Co-leads the session; finds the elegant solution from first principles; sets performance expectations up front.',
      ],
    },
    {
      id: 5,
      name: 'Build',
      cells: [
        'Drives AI on tasks with explicit acceptance criteria; asks when the output looks off.',
        'Drives AI on a scoped story; reviews output against the doc; escalates when scope shifts.',
        'Drives AI on complex work; ships small PRs behind flags, instrumented; keeps the project’s CLAUDE.md current.',
        'Directs implementation and reviews others’ output for correctness and maintainability; unblocks the team.',
      ],
    },
    {
      id: 6,
      name: 'Launch',
      cells: [
        'Executes assigned release steps; does not own the rollout.',
        'Follows the release plan reliably; confirms the feature is live.',
        'Owns a feature’s rollout behind a flag; confirms the instrumentation reports before calling it done.',
        'Owns the release end to end; mitigates before investigating when a number moves; anticipates risk before it surfaces.',
      ],
    },
    {
      id: 7,
      name: 'Learn',
      cells: [
        'Reflects on their own work in the session.',
        'Writes the knowledge artifact for the area they built.',
        'Reviews what was built for maintainability and performance; names regressions honestly.',
        'Connects the miss or the win to how the team builds next; turns a learning into a process change.',
      ],
    },
  ],
  kinds: {
    initiative: {
      defaultRung: 2,
      allowed: [1, 2, 3],
    },
    story: {
      defaultRung: 1,
      allowed: [0, 1, 2, 3],
    },
  },
  delegateRule: 'delegate one rung past what’s comfortable, then close the gap with review.',
  coachingLine: 'If you can’t yet delegate at the level someone is supposed to be, that gap is the coaching agenda.',
};
