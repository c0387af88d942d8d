import type { AssignmentFacts } from '../../shared/assignment.ts';
import { engineersOn, judgedOn, localToday } from '../../shared/calendar.ts';
import type { Rank, Touchpoint } from '../../shared/ladder.ts';
import { RungsError } from '../../shared/errors.ts';
import type { Engineer, LevelChange, Quarter, Snapshot, WorkItem } from '../../shared/schemas.ts';
import { historyState } from './changes.ts';
import type { Db } from './db.ts';
import { type DbEngineer, type DbLevelChange, type DbQuarter, type DbTeam, type DbWorkItemRow, fromDb } from './rows.ts';
import { prepared } from './statements.ts';
import { getLadder } from './ladder.ts';

// Read queries. Writes go through Changeset (changes.ts) so they can be undone.

const WORK_ITEM_SELECT = `
  SELECT w.*, a.engineer_id AS a_engineer_id, a.reviewer_id AS a_reviewer_id,
         a.lead_reviews AS a_lead_reviews, a.ack_note AS a_ack_note
  FROM work_items w LEFT JOIN assignments a ON a.item_id = w.id`;

export const getQuarters = (db: Db): Quarter[] =>
  prepared<[], DbQuarter>(db, 'SELECT id, name, starts_on FROM quarters ORDER BY id').all().map(fromDb.quarter);

export function getQuarter(db: Db, id?: number): Quarter {
  const row =
    id === undefined
      ? prepared<[], DbQuarter>(db, `SELECT id, name, starts_on FROM quarters ORDER BY id DESC LIMIT 1`).get()
      : prepared<[number], DbQuarter>(db, 'SELECT id, name, starts_on FROM quarters WHERE id = ?').get(id);
  if (!row) throw new RungsError('not_found', id === undefined ? 'There is no quarter yet.' : `No quarter ${id}.`);
  return fromDb.quarter(row);
}

/** The refusals for an id that is not (or no longer) there, worded once for every handler. */
export const missing = {
  engineer: (id: number) => new RungsError('not_found', `No engineer ${id}; they may have been deleted.`),
  workItem: (id: number) => new RungsError('not_found', `No work item ${id}; it may have been deleted.`),
};

export const getEngineer = (db: Db, id: number): Engineer => {
  const row = prepared<[number], DbEngineer>(db, 'SELECT * FROM engineers WHERE id = ?').get(id);
  if (!row) throw missing.engineer(id);
  return fromDb.engineer(row);
};

export const getWorkItem = (db: Db, id: number): WorkItem => {
  // `+?`, not `?`: the shipped SQLite is built with STAT4, and may re-prepare a statement when a
  // parameter its planner weighed is bound; for this join that cost ~30 µs a call, ten times the
  // lookup (37 vs 4 µs measured in memory). Every move reads its item here; the unary plus is the
  // same value and the same rowid seek, prepared once.
  const row = prepared<[number], DbWorkItemRow>(db, `${WORK_ITEM_SELECT} WHERE w.id = +?`).get(id);
  if (!row) throw missing.workItem(id);
  return fromDb.workItem(row);
};

export const getEngineers = (db: Db): Engineer[] =>
  prepared<[], DbEngineer>(db, 'SELECT * FROM engineers ORDER BY team_id, level DESC, name').all().map(fromDb.engineer);

export function getWorkItems(db: Db, quarterId: number): WorkItem[] {
  // A quarter's items share a few hundred touchpoint lists: each is parsed once (at 10,000 items,
  // parsing every item's took ~4 ms of a ~27 ms snapshot).
  const lists = new Map<string, Touchpoint[]>();
  return prepared<[number], DbWorkItemRow>(db, `${WORK_ITEM_SELECT} WHERE w.quarter_id = ? ORDER BY w.sort_key, w.id`)
    .all(quarterId)
    .map((row) => fromDb.workItem(row, lists));
}

export const getLevelChanges = (db: Db): LevelChange[] =>
  prepared<[], DbLevelChange>(db, 'SELECT * FROM level_changes ORDER BY engineer_id, changed_on, id').all().map(fromDb.levelChange);

/** The day whose levels judge a quarter's plan (calendar.ts judgedOn). */
export const quarterDay = (db: Db, quarterId: number, today = localToday()): string => judgedOn(getQuarter(db, quarterId).startsOn, today);

/**
 * People as a quarter's plan reads them: at the level they held on the day that judges it. The
 * assignment rules (who may review whom, which note still stands) are checked this way on every
 * path, as the board shows them.
 */
export function engineersOnDay<E extends Engineer>(db: Db, engineers: readonly E[], day: string): E[] {
  // One person (every single move) by the index alone; a batch as one JSON list, whatever its size.
  const rows =
    engineers.length === 1
      ? prepared<[number], DbLevelChange>(db, 'SELECT * FROM level_changes WHERE engineer_id = ?').all(engineers[0]!.id)
      : prepared<[string], DbLevelChange>(db, 'SELECT * FROM level_changes WHERE engineer_id IN (SELECT value FROM json_each(?))').all(
          JSON.stringify(engineers.map((e) => e.id)),
        );
  const changes = rows.map(fromDb.levelChange);
  return engineersOn(engineers, changes, day);
}

/**
 * A quarter's plan with everyone at the level that judges it (calendar.ts judgedOn): fits, gaps,
 * warnings and load on every screen read `engineers`, so a past quarter keeps the fits it had.
 * The roster's own (latest) levels are in `levelChanges`.
 */
export function getSnapshot(db: Db, quarterId?: number, today = localToday()): Snapshot {
  const quarter = getQuarter(db, quarterId);
  const levelChanges = getLevelChanges(db);
  const day = judgedOn(quarter.startsOn, today);
  return {
    quarter,
    judgedOn: day,
    levelChanges,
    quarters: getQuarters(db),
    teams: prepared<[], DbTeam>(db, 'SELECT id, name FROM teams ORDER BY name').all().map(fromDb.team),
    engineers: engineersOn(getEngineers(db), levelChanges, day),
    items: getWorkItems(db, quarter.id),
    history: historyState(db),
    ladder: getLadder(db),
  };
}

/** Items by id, for batch moves: one query however many ids (passed as JSON, so no SQL per size). */
export function getWorkItemsByIds(db: Db, ids: readonly number[]): Map<number, WorkItem> {
  const rows = prepared<[string], DbWorkItemRow>(db, `${WORK_ITEM_SELECT} WHERE w.id IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(ids),
  );
  return new Map(rows.map((r) => [r.id, fromDb.workItem(r)]));
}

export function getEngineersByIds(db: Db, ids: readonly number[]): Map<number, Engineer> {
  const rows = prepared<[string], DbEngineer>(db, 'SELECT * FROM engineers WHERE id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(ids),
  );
  return new Map(rows.map((r) => [r.id, fromDb.engineer(r)]));
}

type AssignmentRow = {
  item_id: number;
  title: string;
  rung: Rank;
  ack_note: string | null;
  starts_on: string | null;
  a_id: number;
  a_name: string;
  a_level: Rank;
  a_active: number;
  r_id: number | null;
  r_name: string | null;
  r_level: Rank | null;
  r_active: number | null;
};

export type QuarterAssignment = AssignmentFacts & { itemId: number; startsOn: string | null };

/**
 * Assignments with the people on them, as the shared rules read them (shared/assignment.ts), with
 * their quarter's first day: those `engineerIds` carry or review, or every one when null. The
 * levels are the stored ones; a caller judging a quarter applies levelOn.
 */
export function getAssignmentFacts(db: Db, engineerIds: readonly number[] | null): QuarterAssignment[] {
  const person = (id: number, name: string, level: Rank, active: number) => ({ id, name, level, active: active === 1 });
  return prepared<[{ ids: string | null }], AssignmentRow>(
    db,
    `SELECT w.id AS item_id, w.title, w.rung, a.ack_note, q.starts_on,
            e.id AS a_id, e.name AS a_name, e.level AS a_level, e.active AS a_active,
            r.id AS r_id, r.name AS r_name, r.level AS r_level, r.active AS r_active
     FROM assignments a JOIN work_items w ON w.id = a.item_id JOIN quarters q ON q.id = w.quarter_id
     JOIN engineers e ON e.id = a.engineer_id
     LEFT JOIN engineers r ON r.id = a.reviewer_id
     WHERE @ids IS NULL
        OR a.engineer_id IN (SELECT value FROM json_each(@ids)) OR a.reviewer_id IN (SELECT value FROM json_each(@ids))
     ORDER BY w.quarter_id, w.sort_key, w.id`,
  )
    .all({ ids: engineerIds === null ? null : JSON.stringify(engineerIds) })
    .map((r) => ({
      itemId: r.item_id,
      title: r.title,
      rung: r.rung,
      ackNote: r.ack_note,
      startsOn: r.starts_on,
      assignee: person(r.a_id, r.a_name, r.a_level, r.a_active),
      reviewer: r.r_id === null ? null : person(r.r_id, r.r_name!, r.r_level!, r.r_active!),
    }));
}
