import type { Db } from '../../data/store/db.ts';
import { type Person, assignmentProblems } from '../../shared/assignment.ts';
import { judgedOn, levelOn, localToday } from '../../shared/calendar.ts';
import type { Rank } from '../../shared/ladder.ts';

// Every rule the stored plan holds, read straight from the tables: the assignment rules through the
// same shared functions the handlers use, each judged at the levels that judge its quarter (the
// board's view, calendar.ts), the rest as SQL. Empty when the roster is sound.

type Row = {
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

const personOf = (id: number, name: string, level: Rank, active: number): Person => ({ id, name, level, active: active === 1 });

export function planBreaches(db: Db): string[] {
  const out: string[] = [];
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') out.push(`integrity_check: ${String(integrity)}`);
  for (const fk of db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]) {
    out.push(`foreign key: ${fk.table} row ${fk.rowid} points at a missing ${fk.parent}`);
  }
  const rows = db
    .prepare<[], Row>(
      `SELECT w.id AS item_id, w.title, w.rung, a.ack_note, q.starts_on,
              e.id AS a_id, e.name AS a_name, e.level AS a_level, e.active AS a_active,
              r.id AS r_id, r.name AS r_name, r.level AS r_level, r.active AS r_active
       FROM assignments a JOIN work_items w ON w.id = a.item_id JOIN quarters q ON q.id = w.quarter_id
       JOIN engineers e ON e.id = a.engineer_id LEFT JOIN engineers r ON r.id = a.reviewer_id`,
    )
    .all();
  const history = db
    .prepare<[], { id: number; engineer_id: number; from_level: Rank | null; to_level: Rank; changed_on: string }>(
      'SELECT * FROM level_changes',
    )
    .all()
    .map((c) => ({ id: c.id, engineerId: c.engineer_id, fromLevel: c.from_level, toLevel: c.to_level, changedOn: c.changed_on }));
  const today = localToday();
  for (const r of rows) {
    const day = judgedOn(r.starts_on, today);
    const person = (id: number, name: string, level: Rank, active: number): Person =>
      personOf(id, name, levelOn({ id, level }, history, day), active);
    const problems = assignmentProblems({
      title: r.title,
      rung: r.rung,
      assignee: person(r.a_id, r.a_name, r.a_level, r.a_active),
      reviewer: r.r_id === null ? null : person(r.r_id, r.r_name!, r.r_level!, r.r_active!),
      ackNote: r.ack_note,
    });
    for (const p of problems) out.push(`item ${r.item_id}: ${p.message}`);
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
