import { localToday, quarterStartFromName } from '../../shared/calendar.ts';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, type RungsDocument, type transferContract } from '../../shared/contract/transfer.ts';
import { assignmentProblems } from '../../shared/assignment.ts';
import { rungProblem } from '../../shared/contract/work.ts';
import { type Issue, RungsError } from '../../shared/errors.ts';
import { plural } from '../../shared/words.ts';
import type { Db } from '../store/db.ts';
import { getQuarters } from '../store/queries.ts';
import { type DbEngineer, type DbLevelChange, type DbWorkItemRow, fromDb, toDb } from '../store/rows.ts';
import { plucked, prepared } from '../store/statements.ts';
import { keepingBackup, teams } from './import-writes.ts';
import { ladderIssues, replaceLadder } from './ladder-transfer.ts';
import { getLadder } from '../store/ladder.ts';
import { type Handlers, record } from './types.ts';

// The whole roster as one JSON document, and that document restored into an empty roster.

function exportDocument(db: Db): RungsDocument {
  return {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    exportedAt: new Date().toISOString(),
    teams: teams(db),
    engineers: prepared<[], DbEngineer>(db, 'SELECT * FROM engineers ORDER BY id')
      .all()
      .map((row) => {
        const { employeeId, ...engineer } = fromDb.engineer(row);
        return { ...engineer, externalKey: employeeId };
      }),
    levelChanges: prepared<[], DbLevelChange>(db, 'SELECT * FROM level_changes ORDER BY id').all().map(fromDb.levelChange),
    quarters: getQuarters(db),
    ladder: getLadder(db),
    workItems: prepared<[], DbWorkItemRow & { external_key: string | null }>(
      db,
      `SELECT w.*, a.engineer_id AS a_engineer_id, a.reviewer_id AS a_reviewer_id,
                a.lead_reviews AS a_lead_reviews, a.ack_note AS a_ack_note
         FROM work_items w LEFT JOIN assignments a ON a.item_id = w.id ORDER BY w.id`,
    )
      .all()
      .map((row) => ({ ...fromDb.workItem(row), externalKey: row.external_key })),
  };
}

// SQLite's NOCASE, which the name columns use, folds ASCII letters only; two names it calls equal
// are refused here with words, before the database refuses them with its own.
const nocase = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * Everything the board would refuse, found before anything is written: ids that point nowhere,
 * names used twice (but for namesakes told apart by employee ids), a story's parent, an
 * initiative's rung, and every assignment's rules (the same functions the board's handlers use).
 * Every problem is listed, each naming its row.
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
  // Two engineers of one name are two people when each has an employee id (an HR import keeps both).
  const uniqueNames = (name: 'teams' | 'quarters' | 'engineers', what: string, list: { name: string; externalKey?: string | null }[]) => {
    const seen = new Map<string, { name: string; externalKey?: string | null }>();
    list.forEach((x, i) => {
      const other = seen.get(nocase(x.name));
      if (other !== undefined && !(x.externalKey && other.externalKey))
        add(`${name}[${i}].name`, `there are two ${what} called ${other.name}`);
      else if (other === undefined) seen.set(nocase(x.name), x);
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
  const employeeIds = new Map<string, string>();
  doc.engineers.forEach((e, i) => {
    if (e.externalKey === null) return;
    const other = employeeIds.get(e.externalKey);
    if (other !== undefined) add(`engineers[${i}].externalKey`, `${e.name} and ${other} have the same employee id ${e.externalKey}`);
    else employeeIds.set(e.externalKey, e.name);
  });
  const engineers = new Map(doc.engineers.map((e) => [e.id, e]));
  doc.engineers.forEach((e, i) => {
    if (!teamIds.has(e.teamId)) add(`engineers[${i}].teamId`, `${e.name} is in team ${e.teamId}, which is not in the document`);
  });
  doc.levelChanges.forEach((c, i) => {
    if (!engineers.has(c.engineerId)) add(`levelChanges[${i}].engineerId`, `level change ${c.id} is for a missing engineer`);
  });
  const items = new Map(doc.workItems.map((w) => [w.id, w]));
  // One item per tracker key in a quarter, as the database keeps it: a re-import must know which it updates.
  const keys = new Map<string, string>();
  doc.workItems.forEach((w, i) => {
    const at = `workItems[${i}]`;
    if (w.externalKey !== null) {
      const k = `${w.quarterId}\u0000${w.externalKey}`;
      const other = keys.get(k);
      if (other !== undefined) add(`${at}.externalKey`, `'${w.title}' and '${other}' have the same tracker key ${w.externalKey}`);
      else keys.set(k, w.title);
    }
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

type DocumentChannels = Pick<typeof transferContract, 'export.json' | 'import.json'>;

export const documentHandlers: Handlers<DocumentChannels> = {
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
        for (const e of doc.engineers) rows.insert('engineers', { id: e.id, ...toDb.engineer(e), external_key: e.externalKey });
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
        for (const w of ordered) rows.insert('work_items', { id: w.id, ...toDb.workItem(w), external_key: w.externalKey });
        for (const w of doc.workItems) if (w.assignment) rows.insert('assignments', toDb.assignment(w.id, w.assignment));
      }),
    );
  },
};
