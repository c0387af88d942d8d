import { localToday, quarterStartFromName } from '../../shared/calendar.ts';
import type { Rank, Status, Touchpoint } from '../../shared/ladder.ts';
import type { Db } from '../store/db.ts';

// The team a new user meets on first launch, so the board is alive before they import their own.
// It carries one of everything the board explains: in-reach work, a stretch with and without a
// reviewer, an overreach, a DRI gap, Intern tasks and a backlog.

type DemoEngineer = { name: string; level: Rank; team: string; capacity: number | null };
type DemoStory = {
  title: string;
  rung: Rank;
  size: number;
  touchpoints: Touchpoint[];
  owner?: string;
  reviewer?: string;
  status?: Status;
  team?: string;
};
type DemoInitiative = {
  title: string;
  team: string;
  description: string;
  rung: Rank;
  size: number;
  touchpoints: Touchpoint[];
  dri?: string;
  reviewer?: string;
  stories: DemoStory[];
};

export const DEMO_ENGINEERS: DemoEngineer[] = [
  { name: 'Priya Natarajan', level: 3, team: 'Checkout', capacity: 13 },
  { name: 'Marco Rossi', level: 2, team: 'Checkout', capacity: 13 },
  { name: 'Ana Sousa', level: 1, team: 'Checkout', capacity: 10 },
  { name: 'Tom Becker', level: 1, team: 'Checkout', capacity: 10 },
  { name: 'Lina Haddad', level: 0, team: 'Checkout', capacity: 6 },
  { name: 'Kenji Watanabe', level: 3, team: 'Growth', capacity: 13 },
  { name: 'Sofia Lindqvist', level: 2, team: 'Growth', capacity: 13 },
  { name: 'Omar Farouk', level: 2, team: 'Growth', capacity: 13 },
  { name: 'Jade Martin', level: 1, team: 'Growth', capacity: 10 },
  { name: 'Leo Okafor', level: 0, team: 'Growth', capacity: 6 },
  { name: 'Mia Chen', level: 0, team: 'Growth', capacity: null },
];

export const DEMO_INITIATIVES: DemoInitiative[] = [
  {
    title: 'Saved payment methods',
    team: 'Checkout',
    description: 'Returning buyers re-enter their card every time; let them keep one.',
    rung: 1,
    size: 8,
    touchpoints: ['Story Mapping', 'Build', 'Launch'],
    dri: 'Tom Becker',
    stories: [
      {
        title: 'Store a tokenised card on the account',
        rung: 1,
        size: 3,
        touchpoints: ['Build'],
        owner: 'Tom Becker',
        status: 'in_progress',
      },
      { title: 'Pick a saved card at checkout', rung: 1, size: 2, touchpoints: ['Build', 'Launch'], owner: 'Ana Sousa' },
      { title: 'Add the "remove card" button to settings', rung: 0, size: 1, touchpoints: ['Build'], owner: 'Lina Haddad' },
      { title: 'Track saved-card usage in the dashboard', rung: 0, size: 1, touchpoints: ['Launch', 'Learn'] },
    ],
  },
  {
    title: 'Checkout revamp',
    team: 'Checkout',
    description: 'Drop-off at the payment step doubled after the last redesign.',
    rung: 2,
    size: 13,
    touchpoints: ['Discover', 'Define', 'Build', 'Launch'],
    dri: 'Ana Sousa', // a Junior DRI on a Mid-rung initiative: a stretch, with no reviewer yet
    stories: [
      {
        title: 'Pull the payment-step funnel by device',
        rung: 0,
        size: 1,
        touchpoints: ['Discover'],
        owner: 'Lina Haddad',
        status: 'done',
      },
      { title: 'One-page payment form behind a flag', rung: 1, size: 5, touchpoints: ['Build', 'Launch'], owner: 'Marco Rossi' },
      { title: 'Inline card validation errors', rung: 1, size: 3, touchpoints: ['Build'] },
      { title: 'Write the payment form knowledge artifact', rung: 1, size: 1, touchpoints: ['Learn'] },
    ],
  },
  {
    title: 'Referral rewards',
    team: 'Growth',
    description: 'Let customers invite friends for credit; measure whether it brings retained buyers.',
    rung: 2,
    size: 13,
    touchpoints: ['Define', 'Build', 'Launch', 'Learn'],
    dri: 'Jade Martin',
    reviewer: 'Sofia Lindqvist', // a stretch, closed with review
    stories: [
      { title: 'Referral link generation', rung: 1, size: 3, touchpoints: ['Build'], owner: 'Jade Martin' },
      { title: 'Credit the referrer after the first order', rung: 2, size: 5, touchpoints: ['Define', 'Build'], owner: 'Omar Farouk' },
      { title: 'Fraud rules for self-referrals', rung: 2, size: 3, touchpoints: ['Discover', 'Define'], owner: 'Leo Okafor' }, // overreach: Mid rung on an Intern
      { title: 'Copy for the invite email', rung: 0, size: 1, touchpoints: ['Build'], owner: 'Mia Chen' },
      { title: 'Referral funnel dashboard', rung: 1, size: 2, touchpoints: ['Launch', 'Learn'] },
    ],
  },
  {
    title: 'Find why new users churn in week one',
    team: 'Growth',
    description: 'Week-one retention fell four points this year. Nobody knows why yet.',
    rung: 3,
    size: 21,
    touchpoints: ['Quarterly Planning', 'Discover', 'Define'],
    stories: [
      { title: 'Pull week-one retention by signup source', rung: 0, size: 1, touchpoints: ['Discover'], owner: 'Leo Okafor' },
      { title: 'Interview five churned users with support', rung: 2, size: 3, touchpoints: ['Discover'] },
      { title: 'Frame the churn problem statement', rung: 3, size: 3, touchpoints: ['Discover', 'Define'], owner: 'Kenji Watanabe' },
    ],
  },
];

/** Stories not yet under an initiative. */
export const DEMO_LOOSE_STORIES: DemoStory[] = [
  { title: 'Upgrade the payments SDK', rung: 1, size: 2, touchpoints: ['Build'], owner: 'Priya Natarajan', team: 'Checkout' },
  { title: 'Fix flaky checkout end-to-end test', rung: 0, size: 1, touchpoints: ['Build'], team: 'Checkout' },
];

/** The quarter holding the lead's calendar day (`localToday`, the one meaning of "today"). */
export function currentQuarterName(today = localToday()): string {
  return `${today.slice(0, 4)} Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Where the demo's rows go: straight into the file at first launch, or through a change set (undoable). */
export type DemoInsert = (
  table: 'teams' | 'engineers' | 'level_changes' | 'work_items' | 'assignments',
  row: Record<string, unknown>,
) => number;

/** Fill an empty roster with the demo team and plan. Not logged: there is nothing to undo before it. */
export function seedDemoTeam(db: Db, quarterName = currentQuarterName()): void {
  db.transaction(() => {
    const quarterId = Number(
      db.prepare('INSERT INTO quarters (name, starts_on) VALUES (?, ?)').run(quarterName, quarterStartFromName(quarterName))
        .lastInsertRowid,
    );
    plantDemoTeam((table, row) => {
      const cols = Object.keys(row);
      return Number(
        db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row).lastInsertRowid,
      );
    }, quarterId);
  })();
}

/** The demo's teams, engineers (joined today at their level) and the plan of one quarter. */
export function plantDemoTeam(insert: DemoInsert, quarterId: number): void {
  const teamIds = new Map<string, number>();
  const engineerIds = new Map<string, number>();
  const today = localToday();
  for (const e of DEMO_ENGINEERS) {
    if (!teamIds.has(e.team)) teamIds.set(e.team, insert('teams', { name: e.team }));
    const id = insert('engineers', { name: e.name, level: e.level, team_id: teamIds.get(e.team)!, capacity: e.capacity, active: 1 });
    insert('level_changes', { engineer_id: id, from_level: null, to_level: e.level, changed_on: today });
    engineerIds.set(e.name, id);
  }
  let sortKey = 0;
  const add = (
    kind: 'initiative' | 'story',
    parentId: number | null,
    w: DemoStory & { description?: string },
    team: string | undefined,
    owner?: string,
    reviewer?: string,
  ) => {
    sortKey += 1024;
    const id = insert('work_items', {
      kind,
      parent_id: parentId,
      quarter_id: quarterId,
      title: w.title,
      description: w.description ?? '',
      rung: w.rung,
      size: w.size,
      touchpoints: JSON.stringify(w.touchpoints),
      status: w.status ?? 'planned',
      sort_key: sortKey,
      team_id: team === undefined ? null : teamIds.get(team)!,
    });
    if (owner)
      insert('assignments', {
        item_id: id,
        engineer_id: engineerIds.get(owner)!,
        reviewer_id: reviewer ? engineerIds.get(reviewer)! : null,
        lead_reviews: 0,
        ack_note: null,
      });
    return id;
  };
  for (const i of DEMO_INITIATIVES) {
    const id = add('initiative', null, i, i.team, i.dri, i.reviewer);
    for (const s of i.stories) add('story', id, s, i.team, s.owner, s.reviewer);
  }
  for (const s of DEMO_LOOSE_STORIES) add('story', null, s, s.team, s.owner, s.reviewer);
}

/** A roster with no quarter gets one: the demo team, or an empty quarter when asked to start empty. */
export function ensureStarted(db: Db, { demo }: { demo: boolean }): void {
  const hasQuarter = db.prepare('SELECT 1 FROM quarters LIMIT 1').get();
  if (hasQuarter) return;
  if (demo) seedDemoTeam(db);
  else
    db.prepare('INSERT INTO quarters (name, starts_on) VALUES (?, ?)').run(
      currentQuarterName(),
      quarterStartFromName(currentQuarterName()),
    );
}
