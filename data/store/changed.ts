import type { Changed, Mutation } from '../../shared/schemas.ts';
import { type RowChange, type TableName, historyState } from './changes.ts';
import type { Db } from './db.ts';
import { getLadder } from './ladder.ts';
import { getWorkItemsByIds } from './queries.ts';
import { type DbEngineer, type DbLevelChange, type DbQuarter, type DbTeam, fromDb } from './rows.ts';

/**
 * Past this many row changes a reply says "fetch the plan again" instead of carrying them: an
 * import or a restore touches thousands of rows, and the snapshot is then the smaller answer.
 */
export const MAX_CHANGED_ROWS = 1000;

type Image = RowChange['after'];
/**
 * Where a written (`after`) or removed row of each table goes in the reply. Items are the exception:
 * read back whole below, whichever of their two tables changed. A new table is a compile error here
 * until it says where its rows go.
 */
const REPLY: Record<Exclude<TableName, 'work_items' | 'assignments'>, (changed: Changed, key: number, after: Image) => void> = {
  teams: (c, key, after) => (after ? c.teams.push(fromDb.team(after as DbTeam)) : c.removedTeamIds.push(key)),
  engineers: (c, key, after) => (after ? c.engineers.push(fromDb.engineer(after as DbEngineer)) : c.removedEngineerIds.push(key)),
  level_changes: (c, key, after) =>
    after ? c.levelChanges.push(fromDb.levelChange(after as DbLevelChange)) : c.removedLevelChangeIds.push(key),
  quarters: (c, key, after) => (after ? c.quarters.push(fromDb.quarter(after as DbQuarter)) : c.removedQuarterIds.push(key)),
  // The ladder goes whole (changedOf reads it once), whichever of its tables changed.
  ladder: () => {},
  ladder_levels: () => {},
  ladder_touchpoints: () => {},
};

/**
 * A change's rows, as the renderer's plan store applies them: the one place a Changeset's
 * before/after images become domain rows. Items are read back whole (with their assignment),
 * whichever of their two tables the change touched. `history`: what undo and redo now offer, when
 * the caller knows it without asking the log.
 */
export function changedOf(db: Db, rows: readonly RowChange[], history?: Changed['history']): Pick<Mutation, 'changed' | 'refetch'> {
  if (rows.length === 0) return {};
  if (rows.length > MAX_CHANGED_ROWS) return { refetch: true };
  const latest = new Map<string, RowChange>();
  // Only the final image of each row matters; a row written twice in one change is sent once.
  for (const r of rows) latest.set(`${r.table}:${r.key}`, r);
  const changed: Changed = {
    teams: [],
    removedTeamIds: [],
    engineers: [],
    removedEngineerIds: [],
    levelChanges: [],
    removedLevelChangeIds: [],
    quarters: [],
    removedQuarterIds: [],
    workItems: [],
    removedItemIds: [],
    history: history ?? historyState(db),
  };
  const itemIds = new Set<number>();
  for (const { table, key, after } of latest.values()) {
    if (table === 'work_items' || table === 'assignments') itemIds.add(key);
    else REPLY[table](changed, key, after);
  }
  if (rows.some((r) => r.table.startsWith('ladder'))) changed.ladder = getLadder(db);
  const items = getWorkItemsByIds(db, [...itemIds]);
  for (const id of itemIds) {
    const item = items.get(id);
    if (item) changed.workItems.push(item);
    else changed.removedItemIds.push(id);
  }
  return { changed };
}
