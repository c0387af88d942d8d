import { DOCUMENT_FORMAT, DOCUMENT_VERSION, type RungsDocument, type transferContract } from '../../shared/contract/transfer.ts';
import { backupCommitted } from '../backup.ts';
import { toCsv } from '../../shared/csv.ts';
import { RungsError } from '../../shared/errors.ts';
import { fit, FIT_LABEL, whoReviews } from '../../shared/fit.ts';
import { type BacklogRow, type CsvFile, type ImportKind, type RosterRow, checkBacklog, checkRoster } from '../../shared/import.ts';
import { levelName } from '../../shared/ladder.ts';
import type { Db } from '../db.ts';
import { getEngineers, getQuarter, getQuarters, getWorkItems } from '../queries.ts';
import { type DbLevelChange, type DbTeam, type DbWorkItemRow, fromDb, toDb } from '../rows.ts';
import { addEngineer, localToday, saveEngineer } from './roster.ts';
import { type Handlers, record } from './types.ts';
import { nextSortKey } from './work.ts';

const teams = (db: Db) => db.prepare<[], DbTeam>('SELECT id, name FROM teams ORDER BY id').all().map(fromDb.team);

function check(db: Db, kind: ImportKind, quarterId: number | null, text: CsvFile) {
  const quarter = quarterId === null ? null : getQuarter(db, quarterId);
  if (kind === 'roster') {
    const teamList = teams(db);
    const teamName = new Map(teamList.map((t) => [t.id, t.name]));
    const engineers = getEngineers(db).map((e) => ({ ...e, team: teamName.get(e.teamId)! }));
    return { kind, quarter, ...checkRoster(text, { engineers, teamNames: teamList.map((t) => t.name) }) } as const;
  }
  if (!quarter) throw new RungsError('conflict', 'Pick the quarter the backlog goes into.');
  const initiativeTitles = getWorkItems(db, quarter.id)
    .filter((i) => i.kind === 'initiative')
    .map((i) => i.title);
  return { kind, quarter, ...checkBacklog(text, { quarterName: quarter.name, initiativeTitles }) } as const;
}

/**
 * Every import is preceded by a backup of the roster as it stands, so the roster as it was before
 * an import can be restored (Import/Export → Backups). Called inside the
 * import's transaction once the file has passed its checks and before the first write: the copy is
 * taken through a second connection, which sees only what is committed. A refused file makes no
 * backup, so failed attempts never push good backups out of the kept ten.
 */
function backupBeforeImport(db: Db): void {
  if (!db.memory) backupCommitted(db.name, 'import');
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** New people are added and matched ones updated, through the same writes as the Roster screen. */
function importRoster(db: Db, values: RosterRow[], newTeams: string[]) {
  const today = localToday();
  const added = values.filter((v) => v.change === 'new').length;
  const updated = values.filter((v) => v.change === 'update');
  const engineers = new Map(getEngineers(db).map((e) => [e.id, e]));
  const levelChanges = updated.filter((v) => engineers.get(v.engineerId!)!.level !== v.level).length;
  const parts = [
    added > 0 && `${plural(added, 'engineer')}${newTeams.length ? ` and ${plural(newTeams.length, 'team')}` : ''}`,
    updated.length > 0 &&
      `updated ${plural(updated.length, 'engineer')}${levelChanges > 0 ? ` (${plural(levelChanges, 'level change')})` : ''}`,
    added === 0 && newTeams.length > 0 && plural(newTeams.length, 'team'),
  ].filter(Boolean);
  const summary = `Imported ${parts.join(', ')} from CSV`;
  return record(db, summary, (rows) => {
    const teamIds = new Map(teams(db).map((t) => [t.name.toLowerCase(), t.id]));
    for (const name of newTeams) teamIds.set(name.toLowerCase(), rows.insert('teams', { name }));
    for (const v of values) {
      const teamId = teamIds.get(v.team.toLowerCase())!;
      if (v.change === 'new') addEngineer(rows, { name: v.name, level: v.level, teamId, capacity: v.capacity, active: true }, today);
      else if (v.change === 'update') {
        const before = engineers.get(v.engineerId!)!;
        saveEngineer(db, rows, before, { ...before, level: v.level, teamId, capacity: v.capacity }, today);
      }
    }
  });
}

function importBacklog(db: Db, quarterId: number, quarterName: string, values: BacklogRow[]) {
  const initiatives = values.filter((v) => v.kind === 'initiative');
  const summary = `Imported ${plural(initiatives.length, 'initiative')} and ${plural(values.length - initiatives.length, 'story', 'stories')} into ${quarterName} from CSV`;
  return record(db, summary, (rows) => {
    const parents = new Map(
      getWorkItems(db, quarterId)
        .filter((i) => i.kind === 'initiative')
        .map((i) => [i.title.toLowerCase(), i.id]),
    );
    let sortKey = nextSortKey(db, quarterId);
    // Initiatives first, so a story may name a parent that comes later in the file.
    for (const v of [...initiatives, ...values.filter((x) => x.kind === 'story')]) {
      const parentId = v.parent === null ? null : parents.get(v.parent.toLowerCase())!;
      const id = rows.insert('work_items', toDb.workItem({ ...v, parentId, quarterId, description: '', status: 'planned', sortKey }));
      sortKey += 1024;
      if (v.kind === 'initiative') parents.set(v.title.toLowerCase(), id);
    }
  });
}

function exportDocument(db: Db): RungsDocument {
  return {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    exportedAt: new Date().toISOString(),
    teams: teams(db),
    engineers: db.prepare<[], Parameters<typeof fromDb.engineer>[0]>('SELECT * FROM engineers ORDER BY id').all().map(fromDb.engineer),
    levelChanges: db.prepare<[], DbLevelChange>('SELECT * FROM level_changes ORDER BY id').all().map(fromDb.levelChange),
    quarters: getQuarters(db),
    workItems: db
      .prepare<[], DbWorkItemRow>(
        `SELECT w.*, a.engineer_id AS a_engineer_id, a.reviewer_id AS a_reviewer_id,
                a.lead_reviews AS a_lead_reviews, a.ack_note AS a_ack_note
         FROM work_items w LEFT JOIN assignments a ON a.item_id = w.id ORDER BY w.id`,
      )
      .all()
      .map(fromDb.workItem),
  };
}

/** Every id a document refers to must be in it; say which one is not, before anything is written. */
function checkDocument(doc: RungsDocument): void {
  const refuse = (what: string) => {
    throw new RungsError('conflict', `This document is inconsistent: ${what}. Nothing was imported.`);
  };
  const idsOf = (name: string, list: { id: number }[]) => {
    const set = new Set(list.map((x) => x.id));
    if (set.size !== list.length) refuse(`two ${name} share an id`);
    return set;
  };
  const teamIds = idsOf('teams', doc.teams);
  const engineerIds = idsOf('engineers', doc.engineers);
  idsOf('level changes', doc.levelChanges);
  const quarterIds = idsOf('quarters', doc.quarters);
  idsOf('work items', doc.workItems);
  for (const e of doc.engineers) if (!teamIds.has(e.teamId)) refuse(`${e.name} is in team ${e.teamId}, which is not in the document`);
  for (const c of doc.levelChanges) if (!engineerIds.has(c.engineerId)) refuse(`level change ${c.id} is for a missing engineer`);
  const items = new Map(doc.workItems.map((w) => [w.id, w]));
  for (const w of doc.workItems) {
    if (!quarterIds.has(w.quarterId)) refuse(`'${w.title}' is in a missing quarter`);
    if (w.parentId !== null) {
      const p = items.get(w.parentId);
      if (w.kind !== 'story' || !p || p.kind !== 'initiative' || p.quarterId !== w.quarterId)
        refuse(`'${w.title}' has a parent that is not an initiative of its quarter`);
    }
    const a = w.assignment;
    if (a && (!engineerIds.has(a.engineerId) || (a.reviewerId !== null && !engineerIds.has(a.reviewerId)))) {
      refuse(`'${w.title}' is assigned to a missing engineer`);
    }
  }
}

function refuseNonEmpty(db: Db) {
  const count = (table: string) => db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get() ?? 0;
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
  'import.previewCsv': (db, { kind, quarterId, bytes }) => check(db, kind, quarterId, bytes).preview,

  'import.commitCsv': (db, { kind, quarterId, bytes, fingerprint }) => {
    const checked = check(db, kind, quarterId, bytes);
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
    backupBeforeImport(db);
    const m =
      checked.kind === 'roster'
        ? importRoster(db, checked.values, preview.summary.newTeams)
        : importBacklog(db, checked.quarter.id, checked.quarter.name, checked.values);
    return { ...m, rows: preview.summary.new + preview.summary.updated, newTeams: preview.summary.newTeams };
  },

  'export.rosterCsv': (db) => {
    const teamName = new Map(teams(db).map((t) => [t.id, t.name]));
    const rows = getEngineers(db).map((e) => [e.name, levelName(e.level), teamName.get(e.teamId)!, e.capacity]);
    return {
      filename: `rungs-roster-${localToday()}.csv`,
      mediaType: 'text/csv',
      text: toCsv(['name', 'level', 'team', 'capacity'], rows),
    };
  },

  'export.planCsv': (db, { quarterId }) => {
    const quarter = getQuarter(db, quarterId);
    const items = getWorkItems(db, quarterId);
    const title = new Map(items.map((i) => [i.id, i.title]));
    const engineers = new Map(getEngineers(db).map((e) => [e.id, e]));
    const rows = items.map((i) => {
      const assignee = i.assignment ? engineers.get(i.assignment.engineerId)! : null;
      const reviewer = i.assignment
        ? (whoReviews(i.assignment.reviewerId ? engineers.get(i.assignment.reviewerId)!.name : null, i.assignment.leadReviews) ?? '')
        : '';
      return [
        i.kind,
        i.title,
        i.parentId !== null ? (title.get(i.parentId) ?? '') : '',
        levelName(i.rung),
        i.size,
        i.touchpoints.join('; '),
        i.status,
        assignee?.name ?? '',
        assignee ? FIT_LABEL[fit(i.rung, assignee.level).kind] : '',
        reviewer,
      ];
    });
    const header = ['kind', 'title', 'parent', 'rung', 'size', 'touchpoints', 'status', 'assignee', 'fit', 'reviewer'];
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
    backupBeforeImport(db);
    const summary = `Imported a Rungs document: ${plural(doc.engineers.length, 'engineer')}, ${plural(doc.workItems.length, 'work item')} in ${plural(doc.quarters.length, 'quarter')}`;
    return record(db, summary, (rows) => {
      // The empty roster still has its starting quarter; the document's quarters replace it.
      for (const id of db.prepare<[], number>('SELECT id FROM quarters').pluck().all()) rows.remove('quarters', id);
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
      for (const q of doc.quarters) rows.insert('quarters', { id: q.id, name: q.name });
      // Parents before their stories: the foreign key is checked row by row.
      const ordered = [...doc.workItems.filter((w) => w.parentId === null), ...doc.workItems.filter((w) => w.parentId !== null)];
      for (const w of ordered) rows.insert('work_items', { id: w.id, ...toDb.workItem(w) });
      for (const w of doc.workItems) if (w.assignment) rows.insert('assignments', toDb.assignment(w.id, w.assignment));
    });
  },
};
