import { RungsError } from '../shared/errors.ts';
import type { Engineer, Quarter, Snapshot, WorkItem } from '../shared/schemas.ts';
import { historyState } from './changes.ts';
import type { Db } from './db.ts';
import { type DbEngineer, type DbQuarter, type DbTeam, type DbWorkItemRow, fromDb } from './rows.ts';

// Read queries. Writes go through Changeset (changes.ts) so they can be undone.

const WORK_ITEM_SELECT = `
  SELECT w.*, a.engineer_id AS a_engineer_id, a.reviewer_id AS a_reviewer_id,
         a.lead_reviews AS a_lead_reviews, a.ack_note AS a_ack_note
  FROM work_items w LEFT JOIN assignments a ON a.item_id = w.id`;

export const getQuarters = (db: Db): Quarter[] =>
  db.prepare<[], DbQuarter>('SELECT id, name FROM quarters ORDER BY id').all().map(fromDb.quarter);

export function getQuarter(db: Db, id?: number): Quarter {
  const row =
    id === undefined
      ? db.prepare<[], DbQuarter>(`SELECT id, name FROM quarters ORDER BY id DESC LIMIT 1`).get()
      : db.prepare<[number], DbQuarter>('SELECT id, name FROM quarters WHERE id = ?').get(id);
  if (!row) throw new RungsError('not_found', id === undefined ? 'There is no quarter yet.' : `No quarter ${id}.`);
  return fromDb.quarter(row);
}

export const getEngineer = (db: Db, id: number): Engineer => {
  const row = db.prepare<[number], DbEngineer>('SELECT * FROM engineers WHERE id = ?').get(id);
  if (!row) throw new RungsError('not_found', `No engineer ${id}; they may have been deleted.`);
  return fromDb.engineer(row);
};

export const getWorkItem = (db: Db, id: number): WorkItem => {
  const row = db.prepare<[number], DbWorkItemRow>(`${WORK_ITEM_SELECT} WHERE w.id = ?`).get(id);
  if (!row) throw new RungsError('not_found', `No work item ${id}; it may have been deleted.`);
  return fromDb.workItem(row);
};

export const getEngineers = (db: Db): Engineer[] =>
  db.prepare<[], DbEngineer>('SELECT * FROM engineers ORDER BY team_id, level DESC, name').all().map(fromDb.engineer);

export const getWorkItems = (db: Db, quarterId: number): WorkItem[] =>
  db
    .prepare<[number], DbWorkItemRow>(`${WORK_ITEM_SELECT} WHERE w.quarter_id = ? ORDER BY w.sort_key, w.id`)
    .all(quarterId)
    .map(fromDb.workItem);

export function getSnapshot(db: Db, quarterId?: number): Snapshot {
  const quarter = getQuarter(db, quarterId);
  return {
    quarter,
    quarters: getQuarters(db),
    teams: db.prepare<[], DbTeam>('SELECT id, name FROM teams ORDER BY name').all().map(fromDb.team),
    engineers: getEngineers(db),
    items: getWorkItems(db, quarter.id),
    history: historyState(db),
  };
}
