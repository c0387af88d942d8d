import { toCsv } from '../shared/csv.ts';
import { prng } from './generate.ts';

// A Jira Cloud "All fields" CSV export as Jira writes it, for the import benchmark: epics, then
// stories, tasks and bugs under them, and sub-tasks under those; one Sprint and one Labels column
// per value (Jira repeats the header), story points in either custom field, the newer Parent
// (issue id) / Parent key / Parent summary, multi-line descriptions with quotes, commas and accents.

const HEADER = [
  'Summary',
  'Issue key',
  'Issue id',
  'Issue Type',
  'Status',
  'Project key',
  'Project name',
  'Priority',
  'Resolution',
  'Assignee',
  'Reporter',
  'Created',
  'Updated',
  'Sprint',
  'Sprint',
  'Sprint',
  'Labels',
  'Labels',
  'Labels',
  'Description',
  'Custom field (Story Points)',
  'Custom field (Story point estimate)',
  'Parent',
  'Parent key',
  'Parent summary',
];

const AREAS = [
  'paiement',
  'Zahlungsfluss',
  'café checkout',
  'señal de búsqueda',
  'onboarding',
  'Søk',
  'facturação',
  'naïve retry',
  'Überweisungen',
];
const VERBS = ['Rework', 'Instrument', 'Ship', 'Migrate', 'Harden', 'Document', 'Prototype', 'Localise', 'Measure'];
const DETAILS = [
  'so that "Pay now" never double-charges',
  'for the Zürich, São Paulo and Kraków markets',
  'behind the feature flag, with a rollback plan',
  "after last quarter's incident (see the post-mortem)",
  'including the résumé upload path, again',
];
const STATUSES = ['To Do', 'Backlog', 'In Progress', 'In Review', 'Done', 'Done', 'To Do', 'Selected for Development', 'Cancelled'];
const PRIORITIES = ['Highest', 'High', 'Medium', 'Medium', 'Low'];
const STORY_TYPES = ['Story', 'Story', 'Story', 'Task', 'Bug'];
/** People a Jira site has that the roster does not: their rows are left unassigned and listed. */
const OUTSIDERS = ['Jürgen Müller', 'Zoë Ångström', 'François Lefèvre', 'Søren Kierkegård', 'José García', 'Łucja Wróbel'];
const LABELS = ['backend', 'frontend', 'rung:mid', 'tech-debt', 'compliance', 'Q3-bet', 'accessibilité'];

export type JiraExport = {
  header: string[];
  rows: (string | number | null)[][];
  csv: string;
  counts: { epics: number; stories: number; subtasks: number };
};

/** `total` rows: about 5% epics, 80% stories/tasks/bugs, 15% sub-tasks; assignees mostly from `people`. */
export function jiraExport(total: number, people: readonly string[], seed = 16): JiraExport {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const epics = Math.max(1, Math.round(total * 0.05));
  const subtasks = Math.round(total * 0.15);
  const stories = total - epics - subtasks;
  const rows: (string | number | null)[][] = [];
  let n = 0;
  const made: { id: number; key: string; summary: string }[] = [];
  const assignee = () => {
    const r = rand();
    return r < 0.15 ? '' : r < 0.25 ? pick(OUTSIDERS) : pick(people);
  };
  const date = (day: number) =>
    `${String(1 + (day % 28)).padStart(2, '0')}/Sep/26 ${1 + (day % 12)}:${String(day % 60).padStart(2, '0')} PM`;
  const add = (type: string, parent: { id: number; key: string; summary: string } | null) => {
    n += 1;
    const id = 10000 + n;
    const key = `PAY-${n}`;
    const summary = `${pick(VERBS)} ${pick(AREAS)} ${pick(DETAILS)} (${n})`;
    const status = pick(STATUSES);
    const points = type === 'Sub-task' ? null : 1 + Math.floor(rand() * 8);
    // Company-managed projects fill "Story Points", team-managed ones "Story point estimate".
    const [sp, spe] = rand() < 0.6 ? [points, null] : [null, points];
    const sprints = type === 'Epic' ? [] : ['PAY Sprint 41', 'PAY Sprint 42', 'PAY Sprint 43'].slice(0, Math.floor(rand() * 4));
    const labels = [...new Set([pick(LABELS), pick(LABELS), pick(LABELS)])].slice(0, Math.floor(rand() * 4));
    const description = `h3. Why\n${summary}, as the Zahlungs-Team asked.\n\n* Acceptance: "done" means shipped, measured, and written up\n* Risques : données de carte, délais; coût ≈ 2 semaines`;
    rows.push([
      summary,
      key,
      id,
      type,
      status,
      'PAY',
      'Paiements & Facturação',
      pick(PRIORITIES),
      status === 'Done' ? 'Done' : status === 'Cancelled' ? "Won't Do" : '',
      assignee(),
      pick(people),
      date(n),
      date(n + 3),
      sprints[0] ?? '',
      sprints[1] ?? '',
      sprints[2] ?? '',
      labels[0] ?? '',
      labels[1] ?? '',
      labels[2] ?? '',
      description,
      sp,
      spe,
      parent?.id ?? '',
      parent?.key ?? '',
      parent?.summary ?? '',
    ]);
    const it = { id, key, summary };
    made.push(it);
    return it;
  };
  const epicList = Array.from({ length: epics }, () => add('Epic', null));
  const storyList = Array.from({ length: stories }, () => add(pick(STORY_TYPES), rand() < 0.05 ? null : pick(epicList)));
  for (let i = 0; i < subtasks; i++) add('Sub-task', pick(storyList));
  return { header: HEADER, rows, csv: toCsv(HEADER, rows), counts: { epics, stories, subtasks } };
}
