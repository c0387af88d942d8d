import { localToday, quarterStartFromName } from '../../shared/calendar.ts';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, type RungsDocument, type transferContract } from '../../shared/contract/transfer.ts';
import { backupCommitted } from '../safety/backup.ts';
import { parseCsv, toCsv } from '../../shared/csv.ts';
import type { TrackerOptions } from '../../shared/tracker/preview.ts';
import { isRungsBacklogHeader } from '../../shared/tracker/source.ts';
import { checkTrackerFile, importTracker, rememberMapping } from './tracker-import.ts';
import { assignmentProblems, clearedSentence } from '../../shared/assignment.ts';
import { rungProblem } from '../../shared/contract/work.ts';
import { type Issue, RungsError } from '../../shared/errors.ts';
import { plural } from '../../shared/words.ts';
import { fit, FIT_LABEL, whoReviews } from '../../shared/fit.ts';
import {
  ACTIVE_CELL,
  type BacklogRow,
  type CsvFile,
  type ImportKind,
  type RosterRow,
  checkBacklog,
  checkRoster,
  matchKey,
} from '../../shared/import.ts';
import { levelName } from '../../shared/ladder.ts';
import { getLadder } from '../store/ladder.ts';
import { ladderIssues, replaceLadder } from './ladder-transfer.ts';
import type { Db } from '../store/db.ts';
import { getEngineers, getQuarter, getQuarters, getWorkItems } from '../store/queries.ts';
import { type DbLevelChange, type DbTeam, type DbWorkItemRow, fromDb, toDb } from '../store/rows.ts';
import { type Edit, addEngineer, clearedByEdits, saveEngineers } from './roster.ts';
import { type Handlers, record } from './types.ts';
import { nextSortKey } from './work.ts';
import { plucked, prepared } from '../store/statements.ts';

const teams = (db: Db) => prepared<[], DbTeam>(db, 'SELECT id, name FROM teams ORDER BY id').all().map(fromDb.team);

function check(db: Db, kind: ImportKind, quarterId: number | null, text: CsvFile, options?: TrackerOptions) {
  const quarter = quarterId === null ? null : getQuarter(db, quarterId);
  if (kind === 'roster') {
    const teamList = teams(db);
    const teamName = new Map(teamList.map((t) => [t.id, t.name]));
    const engineers = getEngineers(db).map((e) => ({ ...e, team: teamName.get(e.teamId)! }));
    return { kind, quarter, ...checkRoster(text, { engineers, teamNames: teamList.map((t) => t.name), ladder: getLadder(db) }) } as const;
  }
  if (!quarter) throw new RungsError('conflict', 'Pick the quarter the backlog goes into.');
  // Rungs' own columns are read as they always were; any other header is a tracker's or a mapping's.
  const parsed = parseCsv(text.text);
  if (parsed.ok && !isRungsBacklogHeader(parsed.header)) {
    return { kind: 'tracker', quarter, ...checkTrackerFile(db, quarter.id, quarter.name, text, options) } as const;
  }
  const teamList = teams(db);
  const teamName = new Map(teamList.map((t) => [t.id, t.name]));
  const initiatives = getWorkItems(db, quarter.id).filter((i) => i.kind === 'initiative');
  const context = {
    quarterName: quarter.name,
    ladder: getLadder(db),
    initiativeTitles: initiatives.map((i) => i.title),
    teamNames: teamList.map((t) => t.name),
    initiativeTeams: new Map(initiatives.map((i) => [matchKey(i.title), i.teamId === null ? null : teamName.get(i.teamId)!])),
  };
  return { kind, quarter, ...checkBacklog(text, context) } as const;
}

/**
 * Every import keeps a backup of the roster as it was before it. Taken last, inside the import's
 * transaction, once every check and every write has passed: the copy goes through a second
 * connection, which sees only what is committed, so it holds the roster from before the import. A
 * file refused by our checks or by the database itself makes no backup, so failed attempts never
 * push good backups out of the kept ten; a backup that fails rolls the import back.
 */
function keepingBackup<T>(db: Db, importIt: () => T): T {
  const imported = importIt();
  if (!db.memory) backupCommitted(db.name, 'import');
  return imported;
}

/** New people are added and matched ones updated, through the same writes as the Roster screen. */
function importRoster(db: Db, values: RosterRow[], newTeams: string[], from: string) {
  const today = localToday();
  const added = values.filter((v) => v.change === 'new').length;
  const updated = values.filter((v) => v.change === 'update');
  const engineers = new Map(getEngineers(db).map((e) => [e.id, e]));
  const levelChanges = updated.filter((v) => engineers.get(v.engineerId!)!.level !== v.level).length;
  const teamsAdded = newTeams.length > 0 ? plural(newTeams.length, 'team') : null;
  const imported = added > 0 ? `${plural(added, 'engineer')}${teamsAdded ? ` and ${teamsAdded}` : ''}` : teamsAdded;
  const updatedText =
    updated.length > 0
      ? `${plural(updated.length, 'engineer')}${levelChanges > 0 ? ` (${plural(levelChanges, 'level change')})` : ''}`
      : null;
  // "Imported 2 engineers, updated 1 engineer", "Updated 1 engineer": never "Imported updated".
  const what = imported
    ? `Imported ${imported}${updatedText ? `, updated ${updatedText}` : ''}`
    : updatedText
      ? `Updated ${updatedText}`
      : 'Imported nothing new';
  const edits = (teamIds: Map<string, number>): Edit[] =>
    updated.map((v) => {
      const before = engineers.get(v.engineerId!)!;
      return {
        before,
        after: {
          ...before,
          level: v.level,
          teamId: teamIds.get(v.team.toLowerCase()) ?? before.teamId,
          capacity: v.capacity,
          active: v.active,
        },
      };
    });
  // What the new levels clear depends on levels alone; the new teams' ids come with the writes.
  const cleared = clearedSentence(clearedByEdits(db, edits(new Map())));
  const summary = `${what} from ${from}${cleared ? `; ${cleared}` : ''}`;
  return record(db, summary, (rows) => {
    const teamIds = new Map(teams(db).map((t) => [t.name.toLowerCase(), t.id]));
    for (const name of newTeams) teamIds.set(name.toLowerCase(), rows.insert('teams', { name }));
    for (const v of values) {
      const teamId = teamIds.get(v.team.toLowerCase())!;
      if (v.change === 'new') addEngineer(rows, { name: v.name, level: v.level, teamId, capacity: v.capacity, active: v.active }, today);
    }
    saveEngineers(db, rows, edits(teamIds), today);
  });
}

function importBacklog(db: Db, quarterId: number, quarterName: string, values: BacklogRow[], from: string) {
  const initiatives = values.filter((v) => v.kind === 'initiative');
  const summary = `Imported ${plural(initiatives.length, 'initiative')} and ${plural(values.length - initiatives.length, 'story', 'stories')} into ${quarterName} from ${from}`;
  return record(db, summary, (rows) => {
    const parents = new Map(
      getWorkItems(db, quarterId)
        .filter((i) => i.kind === 'initiative')
        .map((i) => [i.title.toLowerCase(), { id: i.id, teamId: i.teamId }]),
    );
    const teamIds = new Map(teams(db).map((t) => [t.name.toLowerCase(), t.id]));
    let sortKey = nextSortKey(db, quarterId);
    // Initiatives first, so a story may name a parent that comes later in the file.
    for (const v of [...initiatives, ...values.filter((x) => x.kind === 'story')]) {
      const parent = v.parent === null ? null : parents.get(v.parent.toLowerCase())!;
      // The check refused a story naming another team than its initiative's: it takes the parent's.
      const teamId = parent ? parent.teamId : v.team === null ? null : teamIds.get(v.team.toLowerCase())!;
      const id = rows.insert(
        'work_items',
        toDb.workItem({
          ...v,
          parentId: parent?.id ?? null,
          quarterId,
          description: '',
          status: 'planned',
          sortKey,
          teamId,
          carriedFromQuarterId: null,
          carriedAckNote: null,
        }),
      );
      sortKey += 1024;
      if (v.kind === 'initiative') parents.set(v.title.toLowerCase(), { id, teamId });
    }
  });
}

function exportDocument(db: Db): RungsDocument {
  return {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    exportedAt: new Date().toISOString(),
    teams: teams(db),
    engineers: prepared<[], Parameters<typeof fromDb.engineer>[0]>(db, 'SELECT * FROM engineers ORDER BY id').all().map(fromDb.engineer),
    levelChanges: prepared<[], DbLevelChange>(db, 'SELECT * FROM level_changes ORDER BY id').all().map(fromDb.levelChange),
    quarters: getQuarters(db),
    ladder: getLadder(db),
    workItems: prepared<[], DbWorkItemRow>(
      db,
      `SELECT w.*, a.engineer_id AS a_engineer_id, a.reviewer_id AS a_reviewer_id,
                a.lead_reviews AS a_lead_reviews, a.ack_note AS a_ack_note
         FROM work_items w LEFT JOIN assignments a ON a.item_id = w.id ORDER BY w.id`,
    )
      .all()
      .map(fromDb.workItem),
  };
}

// SQLite's NOCASE, which the name columns use, folds ASCII letters only; two names it calls equal
// are refused here with words, before the database refuses them with its own.
const nocase = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * Everything the board would refuse, found before anything is written: ids that point nowhere,
 * names used twice, a story's parent, an initiative's rung, and every assignment's rules (the same
 * functions the board's handlers use). Every problem is listed, each naming its row.
 */
function documentIssues(doc: RungsDocument): Issue[] {
  const issues: Issue[] = ladderIssues(doc, doc.ladder);
  const add = (path: string, message: string) => issues.push({ path, message });
  const idsOf = (name: keyof RungsDocument & string, what: string, list: { id: number }[]) => {
    const seen = new Set<number>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) add(`${name}[${i}].id`, `two ${what} share the id ${x.id}`);
      seen.add(x.id);
    });
    return seen;
  };
  const uniqueNames = (name: 'teams' | 'quarters' | 'engineers', what: string, list: { name: string }[]) => {
    const seen = new Map<string, string>();
    list.forEach((x, i) => {
      const other = seen.get(nocase(x.name));
      if (other !== undefined) add(`${name}[${i}].name`, `there are two ${what} called ${other}`);
      else seen.set(nocase(x.name), x.name);
    });
  };
  const teamIds = idsOf('teams', 'teams', doc.teams);
  idsOf('engineers', 'engineers', doc.engineers);
  idsOf('levelChanges', 'level changes', doc.levelChanges);
  const quarterIds = idsOf('quarters', 'quarters', doc.quarters);
  idsOf('workItems', 'work items', doc.workItems);
  uniqueNames('teams', 'teams', doc.teams);
  uniqueNames('quarters', 'quarters', doc.quarters);
  uniqueNames('engineers', 'engineers', doc.engineers);
  const engineers = new Map(doc.engineers.map((e) => [e.id, e]));
  doc.engineers.forEach((e, i) => {
    if (!teamIds.has(e.teamId)) add(`engineers[${i}].teamId`, `${e.name} is in team ${e.teamId}, which is not in the document`);
  });
  doc.levelChanges.forEach((c, i) => {
    if (!engineers.has(c.engineerId)) add(`levelChanges[${i}].engineerId`, `level change ${c.id} is for a missing engineer`);
  });
  const items = new Map(doc.workItems.map((w) => [w.id, w]));
  doc.workItems.forEach((w, i) => {
    const at = `workItems[${i}]`;
    if (!quarterIds.has(w.quarterId)) add(`${at}.quarterId`, `'${w.title}' is in a missing quarter`);
    if (w.teamId !== null && !teamIds.has(w.teamId))
      add(`${at}.teamId`, `'${w.title}' is in team ${w.teamId}, which is not in the document`);
    if (w.carriedFromQuarterId !== null && !quarterIds.has(w.carriedFromQuarterId))
      add(`${at}.carriedFromQuarterId`, `'${w.title}' was carried over from a missing quarter`);
    const rung = rungProblem(doc.ladder, w.kind, w.rung);
    if (rung) add(`${at}.rung`, `'${w.title}': ${rung}`);
    if (w.parentId !== null) {
      const p = items.get(w.parentId);
      if (w.kind !== 'story' || !p || p.kind !== 'initiative' || p.quarterId !== w.quarterId)
        add(`${at}.parentId`, `'${w.title}' has a parent that is not an initiative of its quarter`);
      else if (p.teamId !== w.teamId) add(`${at}.teamId`, `'${w.title}' is in another team than its initiative '${p.title}'`);
    }
    const a = w.assignment;
    if (!a) return;
    const assignee = engineers.get(a.engineerId);
    const reviewer = a.reviewerId === null ? null : engineers.get(a.reviewerId);
    if (!assignee || reviewer === undefined) {
      add(`${at}.assignment`, `'${w.title}' is assigned to a missing engineer`);
      return;
    }
    for (const problem of assignmentProblems({ title: w.title, rung: w.rung, assignee, reviewer, ackNote: a.ackNote }, doc.ladder)) {
      add(`${at}.assignment`, `assignment of '${w.title}': ${problem.message}`);
    }
  });
  return issues;
}

/** Enough to fix a hand-edited file by; a document broken on every row would make a list no one reads. */
const LISTED_ISSUES = 200;

/** A document the board could not have written is refused whole, every problem named. */
function checkDocument(doc: RungsDocument): void {
  const issues = documentIssues(doc);
  if (issues.length === 0) return;
  const listed = issues.slice(0, LISTED_ISSUES);
  const more =
    issues.length === 1
      ? ''
      : ` (and ${plural(issues.length - 1, 'more problem')}, ${listed.length < issues.length ? `the first ${listed.length} listed` : 'listed below'})`;
  throw new RungsError(
    'conflict',
    `This document is inconsistent: ${issues[0]!.message.replace(/\.$/, '')}${more}. Nothing was imported.`,
    listed,
  );
}

function refuseNonEmpty(db: Db) {
  const count = (table: string) => plucked<[], number>(db, `SELECT count(*) FROM ${table}`).get() ?? 0;
  const present = [
    ['team', count('teams')],
    ['engineer', count('engineers')],
    ['work item', count('work_items')],
  ].filter(([, n]) => (n as number) > 0);
  if (present.length > 0 || count('level_changes') > 0) {
    const what = present.map(([name, n]) => plural(n as number, name as string)).join(', ');
    throw new RungsError(
      'conflict',
      `This roster is not empty (${what}). A Rungs document imports only into an empty roster, so nothing is merged by accident: open an empty one (start Rungs with --empty and a new --db file) and import there.`,
    );
  }
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export const transferHandlers: Handlers<typeof transferContract> = {
  'import.previewCsv': (db, { kind, quarterId, bytes, tracker }) => check(db, kind, quarterId, bytes, tracker).preview,

  'import.commitCsv': (db, { kind, quarterId, bytes, fingerprint, tracker }) => {
    const checked = check(db, kind, quarterId, bytes, tracker);
    const { preview } = checked;
    if (!preview.clean) {
      const problem = preview.fileErrors[0]?.replace(/\.$/, '') ?? `${plural(preview.summary.invalid, 'row has', 'rows have')} errors`;
      throw new RungsError('conflict', `Nothing was imported: ${problem}. Fix the file and preview it again.`);
    }
    if (fingerprint !== undefined && fingerprint !== preview.fingerprint) {
      throw new RungsError('conflict', 'Nothing was imported: the roster changed since this preview. Preview the file again.');
    }
    if (preview.summary.new + preview.summary.updated === 0) {
      return { changeId: null, summary: 'Nothing to import: every row already matches the roster', rows: 0, newTeams: [] };
    }
    if (checked.kind === 'tracker') {
      // The mapping that read this file well is the one the next file with its header starts from.
      rememberMapping(db, checked.header, checked.mapping);
      const name = preview.source?.name ?? 'tracker export';
      const m = keepingBackup(db, () => importTracker(db, checked.quarter.id, checked.quarter.name, name, checked.values));
      return { ...m, rows: preview.summary.new + preview.summary.updated, newTeams: [] };
    }
    // The change log says where the rows came from: History lists "from an Excel workbook" apart from CSV.
    const from = bytes.sheets ? 'an Excel workbook' : 'CSV';
    const m = keepingBackup(db, () =>
      checked.kind === 'roster'
        ? importRoster(db, checked.values, preview.summary.newTeams, from)
        : importBacklog(db, checked.quarter.id, checked.quarter.name, checked.values, from),
    );
    return { ...m, rows: preview.summary.new + preview.summary.updated, newTeams: preview.summary.newTeams };
  },

  'export.rosterCsv': (db) => {
    const teamName = new Map(teams(db).map((t) => [t.id, t.name]));
    const ladder = getLadder(db);
    // Every field the import reads, so a file exported and imported again changes nothing.
    const rows = getEngineers(db).map((e) => [
      e.name,
      levelName(ladder, e.level),
      teamName.get(e.teamId)!,
      e.capacity,
      e.active ? ACTIVE_CELL.true : ACTIVE_CELL.false,
    ]);
    return {
      filename: `rungs-roster-${localToday()}.csv`,
      mediaType: 'text/csv',
      text: toCsv(['name', 'level', 'team', 'capacity', 'active'], rows),
    };
  },

  'export.planCsv': (db, { quarterId }) => {
    const quarter = getQuarter(db, quarterId);
    const items = getWorkItems(db, quarterId);
    const title = new Map(items.map((i) => [i.id, i.title]));
    const engineers = new Map(getEngineers(db).map((e) => [e.id, e]));
    const teamName = new Map(teams(db).map((t) => [t.id, t.name]));
    // The tracker's key, so the plan can be matched back to the tracker it came from.
    const keys = new Map(
      prepared<[number], { id: number; external_key: string | null }>(db, 'SELECT id, external_key FROM work_items WHERE quarter_id = ?')
        .all(quarterId)
        .map((r) => [r.id, r.external_key]),
    );
    const rows = items.map((i) => {
      const assignee = i.assignment ? engineers.get(i.assignment.engineerId)! : null;
      const reviewer = i.assignment
        ? (whoReviews(i.assignment.reviewerId ? engineers.get(i.assignment.reviewerId)!.name : null, i.assignment.leadReviews) ?? '')
        : '';
      return [
        i.kind,
        i.title,
        i.parentId !== null ? (title.get(i.parentId) ?? '') : '',
        levelName(getLadder(db), i.rung),
        i.size,
        i.touchpoints.join('; '),
        i.teamId === null ? '' : teamName.get(i.teamId)!,
        i.status,
        assignee?.name ?? '',
        assignee ? FIT_LABEL[fit(i.rung, assignee.level).kind] : '',
        reviewer,
        keys.get(i.id) ?? '',
      ];
    });
    const header = ['kind', 'title', 'parent', 'rung', 'size', 'touchpoints', 'team', 'status', 'assignee', 'fit', 'reviewer', 'key'];
    return { filename: `rungs-plan-${slug(quarter.name)}.csv`, mediaType: 'text/csv', text: toCsv(header, rows) };
  },

  'export.json': (db) => ({
    filename: `rungs-${localToday()}.json`,
    mediaType: 'application/json',
    text: `${JSON.stringify(exportDocument(db), null, 2)}\n`,
  }),

  'import.json': (db, { text: doc }) => {
    refuseNonEmpty(db);
    checkDocument(doc);
    const summary = `Imported a Rungs document: ${plural(doc.engineers.length, 'engineer')}, ${plural(doc.workItems.length, 'work item')} in ${plural(doc.quarters.length, 'quarter')}`;
    return keepingBackup(db, () =>
      record(db, summary, (rows) => {
        replaceLadder(db, rows, doc.ladder);
        // The empty roster still has its starting quarter; the document's quarters replace it.
        for (const id of plucked<[], number>(db, 'SELECT id FROM quarters').all()) rows.remove('quarters', id);
        for (const t of doc.teams) rows.insert('teams', { id: t.id, name: t.name });
        for (const e of doc.engineers) rows.insert('engineers', { id: e.id, ...toDb.engineer(e) });
        for (const c of doc.levelChanges) {
          rows.insert('level_changes', {
            id: c.id,
            engineer_id: c.engineerId,
            from_level: c.fromLevel,
            to_level: c.toLevel,
            changed_on: c.changedOn,
          });
        }
        for (const q of doc.quarters)
          rows.insert('quarters', { id: q.id, name: q.name, starts_on: q.startsOn ?? quarterStartFromName(q.name) });
        // Parents before their stories: the foreign key is checked row by row.
        const ordered = [...doc.workItems.filter((w) => w.parentId === null), ...doc.workItems.filter((w) => w.parentId !== null)];
        for (const w of ordered) rows.insert('work_items', { id: w.id, ...toDb.workItem(w) });
        for (const w of doc.workItems) if (w.assignment) rows.insert('assignments', toDb.assignment(w.id, w.assignment));
      }),
    );
  },
};
