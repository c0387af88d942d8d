import type { Db } from '../../data/store/db.ts';
import { getAssignmentFacts } from '../../data/store/queries.ts';
import { type Person, assignmentProblems } from '../../shared/assignment.ts';
import { judgedOn, levelOn, localToday } from '../../shared/calendar.ts';
import type { Rank } from '../../shared/ladder.ts';

// Every rule the stored plan holds: each stored assignment (read by the query the handlers use)
// through the same shared rules the handlers use, each judged at the levels that judge its quarter (the
// board's view, calendar.ts), the rest as SQL. Empty when the roster is sound.

export function planBreaches(db: Db): string[] {
  const out: string[] = [];
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') out.push(`integrity_check: ${String(integrity)}`);
  for (const fk of db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]) {
    out.push(`foreign key: ${fk.table} row ${fk.rowid} points at a missing ${fk.parent}`);
  }
  const rows = getAssignmentFacts(db, null);
  const history = db
    .prepare<[], { id: number; engineer_id: number; from_level: Rank | null; to_level: Rank; changed_on: string }>(
      'SELECT * FROM level_changes',
    )
    .all()
    .map((c) => ({ id: c.id, engineerId: c.engineer_id, fromLevel: c.from_level, toLevel: c.to_level, changedOn: c.changed_on }));
  const today = localToday();
  for (const r of rows) {
    const day = judgedOn(r.startsOn, today);
    const then = (p: Person): Person => ({ ...p, level: levelOn(p, history, day) });
    const problems = assignmentProblems({ ...r, assignee: then(r.assignee), reviewer: r.reviewer && then(r.reviewer) });
    for (const p of problems) out.push(`item ${r.itemId}: ${p.message}`);
  }
  const sql = (what: string, query: string) => {
    for (const row of db.prepare(query).all()) out.push(`${what}: ${JSON.stringify(row)}`);
  };
  // One DRI per initiative, one owner per story: the assignment is keyed by its item.
  sql('more than one assignment', 'SELECT item_id FROM assignments GROUP BY item_id HAVING count(*) > 1');
  sql(
    "a story's parent is not an initiative of its quarter",
    `SELECT s.id FROM work_items s LEFT JOIN work_items p ON p.id = s.parent_id
     WHERE s.parent_id IS NOT NULL AND (s.kind != 'story' OR p.id IS NULL OR p.kind != 'initiative' OR p.quarter_id != s.quarter_id)`,
  );
  sql(
    'a story is in another team than its initiative',
    `SELECT s.id FROM work_items s JOIN work_items p ON p.id = s.parent_id WHERE s.team_id IS NOT p.team_id`,
  );
  sql('two engineers share a name', 'SELECT lower(name) FROM engineers GROUP BY lower(name) HAVING count(*) > 1');
  return out;
}
