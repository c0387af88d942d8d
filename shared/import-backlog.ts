import {
  type BacklogContext,
  type BacklogRow,
  type Checked,
  type CsvFile,
  type RowCheck,
  asFile,
  failed,
  finish,
  firstMessage,
  matchKey as key,
  points,
  rank,
  table,
  width,
} from './import.ts';
import { NO_CORRECTIONS, renamed, suggestions } from './import-fixes.ts';
import { type Rank, type Touchpoint, type WorkKind, allowedRungs, defaultRung, touchpointNames } from './ladder.ts';
import { Title } from './schemas.ts';

// Checking a backlog file in Rungs' own columns row by row: kinds, parents, rungs the ladder allows
// for each kind, sizes and touchpoints.

const KINDS: Record<string, WorkKind> = { initiative: 'initiative', initiatives: 'initiative', story: 'story', stories: 'story' };

export function checkBacklog(file: CsvFile | string, context: BacklogContext): Checked<BacklogRow> {
  const parsed = table('backlog', asFile(file));
  if ('fileErrors' in parsed) return failed('backlog', parsed);
  const { table: t, notes, reading: read } = parsed;
  const existingInitiatives = new Map(context.initiativeTitles.map((n) => [key(n), n]));
  const touchpoints = touchpointNames(context.ladder);
  const touchpointKeys = new Map<string, Touchpoint>(touchpoints.map((t) => [t.toLowerCase().replace(/\s+/g, ''), t]));
  const teams = new Map((context.teamNames ?? []).map((n) => [key(n), n]));
  // Parents may come later in the file than their stories: collect the file's initiatives first.
  const fileInitiatives = new Map<string, number>();
  const fileTitles: string[] = [];
  const parentTeams = new Map(context.initiativeTeams ?? []);
  for (const row of t.rows) {
    if (KINDS[key(row.get('kind'))] === 'initiative' && row.get('title') !== '' && !fileInitiatives.has(key(row.get('title')))) {
      fileInitiatives.set(key(row.get('title')), row.line);
      fileTitles.push(row.get('title'));
      parentTeams.set(key(row.get('title')), teams.get(key(row.get('team'))) ?? null);
    }
  }
  const seenStories = new Map<string, number>();
  const corrections = context.corrections ?? NO_CORRECTIONS;
  const unknownParents = new Map<string, number>();
  const checks = t.rows.map((row) => {
    const check: RowCheck = { errors: [], mappings: [] };
    width(row, t, check);
    const kindCell = row.get('kind');
    const kind = KINDS[key(kindCell)] ?? null;
    if (kind === null) {
      check.errors.push({
        column: 'kind',
        message: kindCell === '' ? 'Enter a kind: initiative or story' : `Unknown kind: "${kindCell}"; use initiative or story.`,
      });
    } else if (kindCell !== kind) check.mappings.push({ column: 'kind', from: kindCell, to: kind });
    const titleR = Title.safeParse(row.get('title'));
    if (!titleR.success) check.errors.push({ column: 'title', message: firstMessage(titleR) });
    const title = titleR.success ? titleR.data : '';
    const parentCell = renamed(corrections, 'parent', row.get('parent'));
    let parent: string | null = null;
    if (kind === 'initiative') {
      if (parentCell !== '') check.errors.push({ column: 'parent', message: 'An initiative has no parent; leave the cell empty.' });
      const earlier = fileInitiatives.get(key(title));
      if (title && existingInitiatives.has(key(title))) {
        check.errors.push({ column: 'title', message: `Duplicate initiative: "${title}" is already in ${context.quarterName}.` });
      } else if (title && earlier !== undefined && earlier !== row.line) {
        check.errors.push({ column: 'title', message: `Duplicate initiative: "${title}" is also on line ${earlier}.` });
      }
    } else if (kind === 'story' && parentCell !== '') {
      const existing = existingInitiatives.get(key(parentCell));
      if (existing === undefined && !fileInitiatives.has(key(parentCell))) {
        check.errors.push({
          column: 'parent',
          message: `Unknown parent: no initiative "${parentCell}" in this file or in ${context.quarterName}.`,
        });
        unknownParents.set(parentCell, (unknownParents.get(parentCell) ?? 0) + 1);
      }
      parent = existing ?? parentCell;
      if (parent !== row.get('parent')) check.mappings.push({ column: 'parent', from: row.get('parent'), to: parent });
      if (title) {
        const storyKey = `${key(parent)}\u0000${key(title)}`;
        const earlier = seenStories.get(storyKey);
        if (earlier !== undefined)
          check.errors.push({ column: 'title', message: `Duplicate story: "${title}" under the same parent is also on line ${earlier}.` });
        else seenStories.set(storyKey, row.line);
      }
    }
    const rungCell = row.get('rung');
    const rung: Rank | null =
      kind === null
        ? null
        : rungCell === ''
          ? defaultRung(context.ladder, kind)
          : rank(
              context.ladder,
              rungCell,
              'rung',
              check,
              allowedRungs(context.ladder, kind),
              kind === 'initiative' ? "An initiative's rung" : "A story's rung",
            );
    const size = points(row.get('size'), 'size', check);
    const touchpoints: Touchpoint[] = [];
    for (const part of row
      .all('touchpoints')
      .join(';')
      .split(/[;|,]/)
      .map((p) => p.trim())
      .filter((p) => p !== '')) {
      const tp = touchpointKeys.get(part.toLowerCase().replace(/\s+/g, ''));
      if (!tp)
        check.errors.push({ column: 'touchpoints', message: `Unknown touchpoint: "${part}" (the map has ${touchpoints.join(', ')}).` });
      else if (!touchpoints.includes(tp)) touchpoints.push(tp);
    }
    const teamCell = row.get('team');
    let team: string | null = null;
    if (teamCell !== '') {
      team = teams.get(key(teamCell)) ?? null;
      if (team === null) {
        const known = [...teams.values()].join(', ') || 'none yet';
        check.errors.push({ column: 'team', message: `Unknown team: "${teamCell}" is not on the roster (teams: ${known}).` });
      } else if (team !== teamCell) check.mappings.push({ column: 'team', from: teamCell, to: team });
      const parentTeam = parent === null ? undefined : parentTeams.get(key(parent));
      if (team !== null && parentTeam !== undefined && parentTeam !== team) {
        check.errors.push({
          column: 'team',
          message: `A story's team is its initiative's: "${parent}" is ${parentTeam === null ? 'in no team' : `${parentTeam}'s`}; leave the cell empty.`,
        });
      }
    }
    const value: BacklogRow | null =
      check.errors.length === 0 ? { kind: kind!, title, parent, rung: rung!, size, touchpoints, team } : null;
    return { row, check, value };
  });
  const checked = finish('backlog', t, notes, read, checks);
  // A parent is an initiative already in the quarter or one the file adds; another unknown parent is no fix.
  const initiatives = [...context.initiativeTitles, ...fileTitles];
  return { ...checked, preview: { ...checked.preview, suggestions: suggestions('parent', unknownParents, initiatives, false) } };
}
