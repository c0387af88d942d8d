import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from '../default-ladder.ts';
import { type ExistingItem, type TrackerContext, checkTracker } from './check.ts';
import { MAP_FIELDS, type ColumnMapping } from './source.ts';

// Reading a tracker's export into initiatives and stories, one describe per promise of the import.

const file = (text: string) => ({ text, encoding: 'utf-8' as const, note: '' });
const engineers = [
  { id: 1, name: 'José García', level: 2 as const, active: true },
  { id: 2, name: 'Ana Sousa', level: 1 as const, active: true },
  { id: 3, name: 'Lina Haddad', level: 0 as const, active: true },
  { id: 4, name: 'Old Timer', level: 3 as const, active: false },
];
const context = (items: ExistingItem[] = []): TrackerContext => ({ quarterName: '2026 Q4', ladder: DEFAULT_LADDER, items, engineers });

const JIRA = [
  'Summary,Issue key,Issue id,Issue Type,Status,Assignee,Sprint,Sprint,Labels,Labels,Custom field (Story Points),Custom field (Story point estimate),Parent,Parent key',
  'Wallets,PAY-1,101,Epic,In Progress,jose garcia,,,rung:senior,,13,,,',
  'Apple Pay,PAY-2,102,Story,In Review,Ana Sousa,S14,S15,frontend,rung:mid,5,,101,',
  'Google Pay,PAY-3,103,Bug,To Do,Nobody Known,,,,,,3,,PAY-1',
  'Copy review,PAY-4,104,Sub-task,To Do,Ana Sousa,,,,,1,,102,PAY-2',
  'Refunds,PAY-5,105,Story,Cancelled,,,,,,2,,,',
  'Intern epic,PAY-6,106,Epic,Backlog,Lina Haddad,,,,,8,,,',
].join('\n');

describe('Jira: epics become initiatives, stories, tasks and bugs stories under their epic', () => {
  const { preview, values } = checkTracker(file(JIRA), context());
  it('is recognised and clean', () => {
    expect(preview.source?.preset).toBe('jira');
    expect(preview.fileErrors).toEqual([]);
    expect(preview.clean).toBe(true);
  });
  it('reads parents by issue id (Parent) and by key (Parent key)', () => {
    const byKey = new Map(values.map((v) => [v.externalKey, v]));
    expect(byKey.get('PAY-2')!.parent).toBe('key:PAY-1');
    expect(byKey.get('PAY-3')!.parent).toBe('key:PAY-1');
    expect(byKey.get('PAY-1')!.kind).toBe('initiative');
  });
  it('reads story points from either custom field, and rungs from labels in repeated Labels columns', () => {
    const byKey = new Map(values.map((v) => [v.externalKey, v]));
    expect(byKey.get('PAY-2')).toMatchObject({ size: 5, rung: 2, status: 'in_progress' });
    expect(byKey.get('PAY-3')).toMatchObject({ size: 3, rung: 1, status: 'planned' });
    expect(byKey.get('PAY-1')).toMatchObject({ rung: 3, assigneeId: 1 });
  });
  it('lists sub-tasks and cancelled work as skipped, with why', () => {
    expect(preview.source!.skipped).toEqual([
      { line: 5, title: 'Copy review', why: 'a sub-task: part of its story' },
      { line: 6, title: 'Refunds', why: 'Cancelled: cancelled work is not planned' },
    ]);
    expect(values.map((v) => v.externalKey)).toEqual(['PAY-1', 'PAY-2', 'PAY-3', 'PAY-6']);
  });
  it('shows how each status was read', () => {
    expect(preview.source!.statuses).toContainEqual({ from: 'In Review', to: 'in_progress', known: true, rows: 1 });
    expect(preview.source!.statuses).toContainEqual({ from: 'Cancelled', to: 'skipped', known: true, rows: 1 });
  });
  it('lists unmatched assignees without inventing anyone, and an imported overreach as a warning', () => {
    expect(preview.source!.assignees).toContainEqual({ name: 'Nobody Known', engineer: null, why: 'not on the roster', rows: 1 });
    expect(values.find((v) => v.externalKey === 'PAY-3')!.assigneeId).toBeNull();
    expect(preview.source!.warnings).toEqual([
      { line: 7, title: 'Intern epic', message: "Overreach: 'Intern epic' (Mid) is more than one rung past Lina Haddad (Intern)." },
    ]);
  });
});

const LINEAR = [
  'ID,Title,Status,Estimate,Assignee,Project,Parent issue,Labels,Cycle Number,Cycle Name',
  'GRO-1,Invite flow,In Progress,5,Ana Sousa,Onboarding,,Feature,12,Cycle 12',
  "GRO-2,'=Welcome email,Todo,3,josé garcía,Onboarding,,,12,Cycle 12",
  'GRO-3,Welcome copy,Todo,1,Ana Sousa,Onboarding,GRO-2,,,',
  'GRO-4,Referral codes,Done,8,,Referrals,,,,',
  'GRO-5,Loose bug,Canceled,1,,,,,,',
  'GRO-6,Signup events,In Progress,2,Old Timer,,,,,',
].join('\n');

describe('Linear: one initiative per project, issues become its stories', () => {
  const { preview, values } = checkTracker(file(LINEAR), context());
  it('makes Onboarding and Referrals initiatives, keyed by project', () => {
    expect(preview.source?.preset).toBe('linear');
    const initiatives = values.filter((v) => v.kind === 'initiative');
    expect(initiatives.map((v) => [v.title, v.externalKey])).toEqual([
      ['Onboarding', 'Linear project: Onboarding'],
      ['Referrals', 'Linear project: Referrals'],
    ]);
    expect(values.find((v) => v.externalKey === 'GRO-1')!.parent).toBe('key:Linear project: Onboarding');
    expect(values.find((v) => v.externalKey === 'GRO-6')!.parent).toBeNull();
  });
  it("takes off the quote Linear puts before a formula-like value, and matches 'josé garcía'", () => {
    expect(values.find((v) => v.externalKey === 'GRO-2')).toMatchObject({ title: '=Welcome email', assigneeId: 1 });
  });
  it('skips sub-issues and cancelled issues; an inactive engineer is not matched', () => {
    expect(preview.source!.skipped.map((s) => s.title)).toEqual(['Welcome copy', 'Loose bug']);
    expect(preview.source!.assignees).toContainEqual({ name: 'Old Timer', engineer: null, why: 'Old Timer is inactive', rows: 1 });
  });
});

describe('GitHub Projects: the TSV of "Export view data"', () => {
  const tsv = [
    'Title\tURL\tAssignees\tStatus\tParent issue\tEstimate',
    'Search revamp\thttps://github.com/acme/app/issues/1\tjose-garcia, Ana Sousa\tTodo\t\t8',
    'Index builder\thttps://github.com/acme/app/issues/2\tAna Sousa\tIn Progress\tacme/app#1\t3',
    'Draft: ranking\t\t\tTodo\thttps://github.com/acme/app/issues/1\t',
  ].join('\n');
  it('reads parents by URL or owner/repo#n, and infers that a parent is an initiative', () => {
    const { preview, values } = checkTracker(file(tsv), context());
    expect(preview.source?.preset).toBe('github');
    expect(values.map((v) => [v.title, v.kind, v.parent])).toEqual([
      ['Search revamp', 'initiative', null],
      ['Index builder', 'story', 'key:https://github.com/acme/app/issues/1'],
      ['Draft: ranking', 'story', 'key:https://github.com/acme/app/issues/1'],
    ]);
    expect(values[0]!.assigneeId).toBe(1);
  });
});

const mapping = (m: Partial<ColumnMapping>): ColumnMapping => Object.fromEntries(MAP_FIELDS.map((f) => [f, m[f] ?? []])) as ColumnMapping;

describe('a sheet no preset knows is read through a column mapping', () => {
  const sheet =
    'Ref,Task,Type,Epic,Points,State,Owner,Level\nW-1,Payments,Epic,,13,Open,Ana Sousa,\nW-2,Refund API,Story,W-1,3,Doing,Lina Haddad,mid\n';
  it('guesses a first mapping and shows samples of each column', () => {
    const { preview } = checkTracker(file(sheet), context());
    expect(preview.source?.preset).toBeNull();
    expect(preview.source!.mapping).toMatchObject({ title: ['Task'], kind: ['Type'], parent: ['Epic'], size: ['Points'] });
    expect(preview.source!.columns.find((c) => c.name === 'Owner')!.samples).toEqual(['Ana Sousa', 'Lina Haddad']);
  });
  it('reads what the lead mapped, including a rung column', () => {
    const m = mapping({
      key: ['Ref'],
      title: ['Task'],
      kind: ['Type'],
      parent: ['Epic'],
      size: ['Points'],
      status: ['State'],
      assignee: ['Owner'],
      rung: ['Level'],
    });
    const { preview, values } = checkTracker(file(sheet), context(), { mapping: m });
    expect(preview.clean).toBe(true);
    expect(values[1]).toMatchObject({ externalKey: 'W-2', parent: 'key:W-1', rung: 2, status: 'in_progress', assigneeId: 3 });
  });
  it('a saved mapping for this header is used, and said to be remembered', () => {
    const m = mapping({ title: ['Ref'] });
    const { preview } = checkTracker(file(sheet), { ...context(), saved: m });
    expect(preview.source!.remembered).toBe(true);
    expect(preview.rows[0]!.cells[2]).toBe('W-1');
  });
  it('without a title column mapped, the file is refused with what to do', () => {
    const { preview } = checkTracker(file('A,B\n1,2\n'), context());
    expect(preview.fileErrors[0]).toMatch(/^No column is mapped to the title/);
    expect(preview.source!.columns.map((c) => c.name)).toEqual(['A', 'B']);
  });
});

describe('the lead sets the rung for every row of a kind at once', () => {
  it('overrides defaults, columns and labels', () => {
    const { values } = checkTracker(file(JIRA), context(), { rungs: { story: 0, initiative: 1 } });
    expect(values.map((v) => [v.kind, v.rung])).toEqual([
      ['initiative', 1],
      ['story', 0],
      ['story', 0],
      ['initiative', 1],
    ]);
  });
});

describe('a re-import updates what the last one made, found by its key', () => {
  const existing: ExistingItem[] = [
    { id: 10, kind: 'initiative', title: 'Wallets', size: 13, status: 'in_progress', externalKey: 'PAY-1', parent: null },
    {
      id: 11,
      kind: 'story',
      title: 'Apple Pay (old)',
      size: 5,
      status: 'planned',
      externalKey: 'PAY-2',
      parent: { key: 'PAY-1', title: 'Wallets' },
    },
    {
      id: 12,
      kind: 'story',
      title: 'Google Pay',
      size: 3,
      status: 'planned',
      externalKey: 'PAY-3',
      parent: { key: 'PAY-1', title: 'Wallets' },
    },
  ];
  it('marks rows new, update (with differences) or unchanged', () => {
    const { preview, values } = checkTracker(file(JIRA), context(existing));
    expect(preview.rows.map((r) => [r.cells[0], r.change])).toEqual([
      ['PAY-1', 'unchanged'],
      ['PAY-2', 'update'],
      ['PAY-3', 'unchanged'],
      ['PAY-6', 'new'],
    ]);
    expect(preview.rows[1]!.differences).toEqual([
      { field: 'title', from: 'Apple Pay (old)', to: 'Apple Pay' },
      { field: 'status', from: 'Planned', to: 'In progress' },
    ]);
    expect(values[1]).toMatchObject({ change: 'update', existingId: 11 });
    expect(preview.summary).toMatchObject({ new: 1, updated: 1, unchanged: 2 });
  });
  it('a parent outside the file is found in the quarter by its key', () => {
    const only = JIRA.split('\n')
      .filter((l, i) => i === 0 || l.startsWith('Google Pay'))
      .join('\n');
    const { values } = checkTracker(file(only), context(existing));
    expect(values[0]).toMatchObject({ parent: null, parentId: 10, change: 'unchanged' });
  });
  it('a key that is now another kind of item is refused on its row', () => {
    const flipped = existing.map((e) => (e.id === 12 ? { ...e, kind: 'initiative' as const, parent: null } : e));
    const { preview } = checkTracker(file(JIRA), context(flipped));
    expect(preview.clean).toBe(false);
    expect(preview.rows[2]!.errors[0]!.message).toBe("PAY-3 is an initiative in 2026 Q4; a re-import does not change an item's kind.");
  });
});

describe('hostile files', () => {
  it('a header of 5,000 columns is refused before any row is read', () => {
    const header = ['Summary', 'Issue key', ...Array.from({ length: 4998 }, (_, i) => `Custom field (${i})`)].join(',');
    const { preview } = checkTracker(file(`${header}\nA,B\n`), context());
    expect(preview.fileErrors[0]).toMatch(/^The header names 5,000 columns; Rungs reads files of at most 1,000\./);
  });
  it('a Jira export missing its Issue key column is refused, naming it', () => {
    const { preview } = checkTracker(file('Summary,Issue Type,Status\nWallets,Epic,To Do\n'), context());
    expect(preview.clean).toBe(false);
    expect(preview.fileErrors[0]).toMatch(/^This looks like a Jira Cloud CSV, but it has no "Issue key" column/);
  });
  it('repeated Sprint and Labels columns keep every value; a key repeated on two rows is an error', () => {
    const twice = `${JIRA}\nWallets again,PAY-1,107,Epic,To Do,,,,,,,,,`;
    const { preview } = checkTracker(file(twice), context());
    expect(preview.rows.at(-1)!.errors[0]!.message).toBe('Duplicate key: PAY-1 is also on line 2.');
  });
});
