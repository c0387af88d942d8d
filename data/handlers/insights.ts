import type { insightsContract } from '../../shared/contract/insights.ts';
import { growthTrail } from '../../shared/growth.ts';
import type { WorkItem } from '../../shared/schemas.ts';
import { mapOf } from '../../shared/competency-map.ts';
import { getLadder } from '../store/ladder.ts';
import type { Db } from '../store/db.ts';
import { getEngineer, getEngineers, getQuarters, getWorkItem } from '../store/queries.ts';
import { type DbLevelChange, fromDb } from '../store/rows.ts';
import type { Handlers } from './types.ts';
import { plucked, prepared } from '../store/statements.ts';

export type InsightsInfo = { mapFile?: string | undefined };

/** Every item an engineer carried in any quarter. */
function itemsCarriedBy(db: Db, engineerId: number): WorkItem[] {
  const ids = plucked<[number], number>(db, 'SELECT item_id FROM assignments WHERE engineer_id = ? ORDER BY item_id').all(engineerId);
  return ids.map((id) => getWorkItem(db, id));
}

export const insightsHandlers = (_info: InsightsInfo): Handlers<typeof insightsContract> => ({
  'map.get': (db) => mapOf(getLadder(db)),

  'insights.growthTrail': (db, { engineerId }) => {
    const engineer = getEngineer(db, engineerId);
    const levelChanges = prepared<[number], DbLevelChange>(db, 'SELECT * FROM level_changes WHERE engineer_id = ? ORDER BY changed_on, id')
      .all(engineerId)
      .map(fromDb.levelChange);
    const quarters = getQuarters(db);
    const items = itemsCarriedBy(db, engineerId);
    return { engineer, levelChanges, quarters: growthTrail(engineer, levelChanges, quarters, items, getEngineers(db)) };
  },
});
