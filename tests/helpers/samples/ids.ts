import type { Db } from '../../../data/store/db.ts';

// Real ids from the demo roster, picked by what they are (a stretch, an overreach, a backlog story…).

const one = (db: Db, sql: string): number => {
  const v = db.prepare(sql).pluck().get();
  if (typeof v !== 'number') throw new Error(`No sample row for: ${sql}`);
  return v;
};

export const ids = (db: Db) => ({
  quarter: one(db, 'SELECT id FROM quarters ORDER BY id LIMIT 1'),
  senior: one(db, 'SELECT id FROM engineers WHERE level = 3 ORDER BY id LIMIT 1'),
  junior: one(db, 'SELECT id FROM engineers WHERE level = 1 ORDER BY id LIMIT 1'),
  intern: one(db, 'SELECT id FROM engineers WHERE level = 0 ORDER BY id LIMIT 1'),
  team: one(db, 'SELECT id FROM teams ORDER BY id LIMIT 1'),
  backlogStory: one(
    db,
    `SELECT id FROM work_items WHERE kind = 'story' AND id NOT IN (SELECT item_id FROM assignments) ORDER BY id LIMIT 1`,
  ),
  /** A Mid-rung initiative whose DRI is a Junior: a stretch. */
  stretch: one(
    db,
    `SELECT w.id FROM work_items w JOIN assignments a ON a.item_id = w.id JOIN engineers e ON e.id = a.engineer_id WHERE w.rung - e.level = 1 ORDER BY w.id LIMIT 1`,
  ),
  overreach: one(
    db,
    `SELECT w.id FROM work_items w JOIN assignments a ON a.item_id = w.id JOIN engineers e ON e.id = a.engineer_id WHERE w.rung - e.level >= 2 ORDER BY w.id LIMIT 1`,
  ),
});
