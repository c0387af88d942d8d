import { type AssignmentFacts, type Person, clearedByLevelChanges, clearedSentence } from '../../shared/assignment.ts';
import { judgedOn, levelOn, localToday } from '../../shared/calendar.ts';
import { RungsError } from '../../shared/errors.ts';
import { getAssignmentFacts, getLevelChanges } from '../store/queries.ts';
import { Ladder, type Rank } from '../../shared/ladder.ts';
import type { Changeset } from '../store/changes.ts';
import type { Db } from '../store/db.ts';
import { type DbLadder, type DbLadderLevel, type DbLadderTouchpoint, getLadder } from '../store/ladder.ts';
import { prepared } from '../store/statements.ts';

// Levels and rungs are stored as positions on the ladder. When levels are added, moved or removed,
// every position that names a level moves with it (engineers, their dated level changes, items'
// rungs, the kinds' default and allowed rungs), so the change is to the ladder, never to anyone's
// level. Every row goes through the change set, so one undo puts the positions back.

export const levelRows = (db: Db): DbLadderLevel[] =>
  prepared<[], DbLadderLevel>(db, 'SELECT * FROM ladder_levels ORDER BY position, id').all();
export const touchpointRows = (db: Db): DbLadderTouchpoint[] =>
  prepared<[], DbLadderTouchpoint>(db, 'SELECT * FROM ladder_touchpoints ORDER BY position, id').all();

export function levelRow(db: Db, levelId: number): DbLadderLevel {
  const row = levelRows(db).find((l) => l.id === levelId);
  if (!row) throw new RungsError('not_found', `No level ${levelId} on the ladder.`);
  return row;
}

export function touchpointRow(db: Db, touchpointId: number): DbLadderTouchpoint {
  const row = touchpointRows(db).find((t) => t.id === touchpointId);
  if (!row) throw new RungsError('not_found', `No touchpoint ${touchpointId} on the ladder.`);
  return row;
}

/** Give rows the positions of their order in `ids`. */
export function reposition(rows: Changeset, table: 'ladder_levels' | 'ladder_touchpoints', ids: readonly number[]): void {
  ids.forEach((id, position) => rows.update(table, id, { position }));
}

/** Move every stored position to where `to` says its level went (`to` gives null for none: the caller refused that). */
export function renumber(db: Db, rows: Changeset, to: (old: Rank) => Rank): void {
  for (const e of prepared<[], { id: number; level: number }>(db, 'SELECT id, level FROM engineers').all()) {
    if (to(e.level) !== e.level) rows.update('engineers', e.id, { level: to(e.level) });
  }
  for (const c of prepared<[], { id: number; from_level: number | null; to_level: number }>(
    db,
    'SELECT id, from_level, to_level FROM level_changes',
  ).all()) {
    const from = c.from_level === null ? null : to(c.from_level);
    if (from !== c.from_level || to(c.to_level) !== c.to_level)
      rows.update('level_changes', c.id, { from_level: from, to_level: to(c.to_level) });
  }
  for (const w of prepared<[], { id: number; rung: number }>(db, 'SELECT id, rung FROM work_items').all()) {
    if (to(w.rung) !== w.rung) rows.update('work_items', w.id, { rung: to(w.rung) });
  }
  const k = prepared<[], DbLadder>(db, 'SELECT * FROM ladder WHERE id = 1').get()!;
  // Two rungs may land on one (a level removed into another): each rung once.
  const allowed = (json: string) => JSON.stringify([...new Set((JSON.parse(json) as number[]).map(to))].toSorted((a, b) => a - b));
  rows.update('ladder', 1, {
    initiative_default: to(k.initiative_default),
    initiative_allowed: allowed(k.initiative_allowed),
    story_default: to(k.story_default),
    story_allowed: allowed(k.story_allowed),
  });
}

/** Every assignment with the people on it at the levels they held on the day that judges its quarter. */
export function judgedAssignments(db: Db): (AssignmentFacts & { itemId: number })[] {
  const today = localToday();
  const history = getLevelChanges(db);
  const then = (p: Person, day: string): Person => ({ ...p, level: levelOn(p, history, day) });
  return getAssignmentFacts(db, null).map((a) => {
    const day = judgedOn(a.startsOn, today);
    return { ...a, assignee: then(a.assignee, day), reviewer: a.reviewer && then(a.reviewer, day) };
  });
}

/**
 * Adding, moving or removing a level changes how far apart levels are, so fits can change: a
 * reviewer no longer above the assignee stops reviewing, and a note kept on what is an overreach no
 * more is withdrawn, each judged as its quarter's board judges it (the levels held then). Returns
 * what was cleared, in words, for the change's summary.
 */
export function clearBroken(db: Db, rows: Changeset): string | null {
  const cleared = clearedByLevelChanges(new Map(), judgedAssignments(db));
  for (const c of cleared) {
    rows.update('assignments', c.itemId, { ...(c.reviewer ? { reviewer_id: null } : {}), ...(c.ackNote ? { ack_note: null } : {}) });
  }
  return clearedSentence(cleared);
}

/** After an edit, the ladder must still be a ladder; a change that breaks it is refused whole. */
export function checkWhole(db: Db): void {
  const r = Ladder.safeParse(getLadder(db));
  if (!r.success) throw new RungsError('conflict', `${r.error.issues[0]!.message}. Nothing was changed.`);
}

/** Add HR titles to the aliases of the levels they were placed at (positions on the ladder), each once. */
export function saveTitles(db: Db, rows: Changeset, titles: readonly { title: string; level: Rank }[]): void {
  if (titles.length === 0) return;
  const levels = levelRows(db);
  for (const [position, level] of levels.entries()) {
    const adding = titles.filter((t) => t.level === position).map((t) => t.title.trim());
    if (adding.length === 0) continue;
    const aliases = JSON.parse(level.aliases) as string[];
    const fresh = adding.filter((a, i) => !aliases.includes(a) && adding.indexOf(a) === i);
    if (fresh.length > 0) rows.update('ladder_levels', level.id, { aliases: JSON.stringify([...aliases, ...fresh]) });
  }
  checkWhole(db);
}
