import { localToday } from '../../shared/calendar.ts';
import { clearedSentence } from '../../shared/assignment.ts';
import type { BacklogRow, RosterRow } from '../../shared/import.ts';
import { plural } from '../../shared/words.ts';
import { backupCommitted } from '../safety/backup.ts';
import type { Db } from '../store/db.ts';
import { getEngineers, getWorkItems } from '../store/queries.ts';
import { type DbTeam, fromDb, toDb } from '../store/rows.ts';
import { prepared } from '../store/statements.ts';
import { type Edit, addEngineer, clearedByEdits, saveEngineers } from './roster.ts';
import { record } from './types.ts';
import { saveTitles } from './ladder-positions.ts';
import type { TitleLevel } from '../../shared/import-fixes.ts';
import { nextSortKey } from './work.ts';

// The writes of a checked roster or backlog file, each as one logged change; the checks are
// shared/import.ts's, run by csv-import.ts.

export const teams = (db: Db) => prepared<[], DbTeam>(db, 'SELECT id, name FROM teams ORDER BY id').all().map(fromDb.team);

/**
 * Every import keeps a backup of the roster as it was before it. Taken last, inside the import's
 * transaction, once every check and every write has passed: the copy goes through a second
 * connection, which sees only what is committed, so it holds the roster from before the import. A
 * file refused by our checks or by the database itself makes no backup, so failed attempts never
 * push good backups out of the kept ten; a backup that fails rolls the import back.
 */
export function keepingBackup<T>(db: Db, importIt: () => T): T {
  const imported = importIt();
  if (!db.memory) backupCommitted(db.name, 'import');
  return imported;
}

/** Each engineer's employee id from their HR system (null for someone typed into Rungs), by engineer id. */
export const employeeIds = (db: Db): Map<number, string | null> =>
  new Map(
    prepared<[], { id: number; external_key: string | null }>(db, 'SELECT id, external_key FROM engineers')
      .all()
      .map((r) => [r.id, r.external_key]),
  );

/** New people are added and matched ones updated, through the same writes as the Roster screen. */
export function importRoster(db: Db, values: RosterRow[], newTeams: string[], from: string, titles: readonly TitleLevel[] = []) {
  const today = localToday();
  const added = values.filter((v) => v.change === 'new').length;
  const updated = values.filter((v) => v.change === 'update');
  const engineers = new Map(getEngineers(db).map((e) => [e.id, e]));
  const keyOf = employeeIds(db);
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
          name: v.name,
          level: v.level,
          teamId: teamIds.get(v.team.toLowerCase()) ?? before.teamId,
          capacity: v.capacity,
          active: v.active,
        },
      };
    });
  // What the new levels clear depends on levels alone; the new teams' ids come with the writes.
  const cleared = clearedSentence(clearedByEdits(db, edits(new Map())));
  const aliases = titles.length > 0 ? `; ${titles.length === 1 ? 'a title' : `${titles.length} titles`} saved as level aliases` : '';
  const summary = `${what} from ${from}${cleared ? `; ${cleared}` : ''}${aliases}`;
  return record(db, summary, (rows) => {
    const teamIds = new Map(teams(db).map((t) => [t.name.toLowerCase(), t.id]));
    for (const name of newTeams) teamIds.set(name.toLowerCase(), rows.insert('teams', { name }));
    for (const v of values) {
      const teamId = teamIds.get(v.team.toLowerCase())!;
      const id =
        v.change === 'new'
          ? addEngineer(rows, { name: v.name, level: v.level, teamId, capacity: v.capacity, active: v.active }, today)
          : v.engineerId!;
      if (v.externalKey !== (keyOf.get(id) ?? null)) rows.update('engineers', id, { external_key: v.externalKey });
    }
    saveEngineers(db, rows, edits(teamIds), today);
    // The titles the lead placed in the preview, so the next file with them reads without asking.
    saveTitles(db, rows, titles);
  });
}

export function importBacklog(db: Db, quarterId: number, quarterName: string, values: BacklogRow[], from: string) {
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
