import { type Cleared, type Person, clearedByLevelChanges, clearedSentence } from '../../shared/assignment.ts';
import type { rosterContract, EngineerFields } from '../../shared/contract/roster.ts';
import { dayText, judgedOn, levelChangeableFrom, levelOn, localToday } from '../../shared/calendar.ts';
import { RungsError } from '../../shared/errors.ts';
import { levelName } from '../../shared/ladder.ts';
import { checkRank, getLadder } from '../store/ladder.ts';
import type { Engineer } from '../../shared/schemas.ts';
import { plural, withArticle } from '../../shared/words.ts';
import type { Changeset } from '../store/changes.ts';
import type { Db } from '../store/db.ts';
import { getAssignmentFacts, getEngineer, getLevelChanges } from '../store/queries.ts';
import { type DbLevelChange, type DbTeam, fromDb, toDb } from '../store/rows.ts';
import { DEMO_ENGINEERS, plantDemoTeam } from '../seed/demo-team.ts';
import { getQuarter } from '../store/queries.ts';
import { handOverWork, successor } from './handover.ts';
import { type Handlers, record } from './types.ts';
import { plucked, prepared } from '../store/statements.ts';

export function getTeam(db: Db, id: number) {
  const row = prepared<[number], DbTeam>(db, 'SELECT id, name FROM teams WHERE id = ?').get(id);
  if (!row) throw new RungsError('not_found', `No team ${id}; it may have been deleted.`);
  return fromDb.team(row);
}

function refuseDuplicateTeam(db: Db, name: string, except = 0) {
  const other = prepared<[string, number], DbTeam>(db, 'SELECT id, name FROM teams WHERE name = ? COLLATE NOCASE AND id != ?').get(
    name,
    except,
  );
  if (other) throw new RungsError('conflict', `There is already a team called ${other.name}.`);
}

function refuseDuplicateEngineer(db: Db, name: string, except = 0) {
  const other = prepared<[string, number], { name: string }>(
    db,
    'SELECT name FROM engineers WHERE name = ? COLLATE NOCASE AND id != ?',
  ).get(name, except);
  if (other) throw new RungsError('conflict', `${other.name} is already on the roster; use another name (add an initial).`);
}

function impact(db: Db, engineerId: number) {
  const engineer = getEngineer(db, engineerId);
  const items = prepared<[number], { id: number; title: string; kind: 'initiative' | 'story'; quarter: string }>(
    db,
    `SELECT w.id, w.title, w.kind, q.name AS quarter FROM assignments a
       JOIN work_items w ON w.id = a.item_id JOIN quarters q ON q.id = w.quarter_id
       WHERE a.engineer_id = ? ORDER BY q.id, w.sort_key, w.id`,
  ).all(engineerId);
  const count = (sql: string) => plucked<[number], number>(db, sql).get(engineerId) ?? 0;
  return {
    engineer,
    items,
    reviews: count('SELECT count(*) FROM assignments WHERE reviewer_id = ?'),
    levelChanges: count('SELECT count(*) FROM level_changes WHERE engineer_id = ?'),
  };
}

// The writes below are the only way an engineer is added, changed or relieved of work, whether the
// lead uses the Roster screen or imports a CSV: a level change is dated the same way from both.

/** Add someone, starting their level history on the day given. */
export function addEngineer(rows: Changeset, fields: EngineerFields, changedOn: string): number {
  const id = rows.insert('engineers', toDb.engineer(fields));
  rows.insert('level_changes', { engineer_id: id, from_level: null, to_level: fields.level, changed_on: changedOn });
  return id;
}

/** Their items go back to the backlog and the stretches they review lose them as reviewer. */
function releaseWork(db: Db, rows: Changeset, engineerId: number): void {
  const owned = plucked<[number], number>(db, 'SELECT item_id FROM assignments WHERE engineer_id = ?').all(engineerId);
  for (const itemId of owned) rows.remove('assignments', itemId);
  const reviewed = plucked<[number], number>(db, 'SELECT item_id FROM assignments WHERE reviewer_id = ?').all(engineerId);
  for (const itemId of reviewed) rows.update('assignments', itemId, { reviewer_id: null });
}

export type Edit = { before: Engineer; after: Engineer };

/**
 * The reviews and notes these edits clear (shared/assignment.ts): a reviewer no longer above the
 * assignee, a note on what is an overreach no more. Read before the edits are written, so a
 * handler can say it in the summary; someone being deactivated gives up all of it anyway.
 *
 * Each assignment is judged as its quarter's board judges it (calendar.ts judgedOn): a change
 * dated next quarter leaves this quarter's reviews alone, and one dated today leaves the quarters
 * already over as they were, reviewers of the stretches that earned it included.
 */
export function clearedByEdits(db: Db, edits: readonly Edit[], changedOn = localToday(), today = localToday()): Cleared[] {
  const levels = new Map(edits.filter((e) => e.after.level !== e.before.level && e.after.active).map((e) => [e.before.id, e.after.level]));
  if (levels.size === 0) return [];
  const reached = getAssignmentFacts(db, [...levels.keys()])
    .map((a) => ({ ...a, day: judgedOn(a.startsOn, today) }))
    .filter((a) => a.day >= changedOn);
  if (reached.length === 0) return [];
  const history = getLevelChanges(db);
  const then = (p: Person, day: string): Person => ({ ...p, level: levelOn(p, history, day) });
  return reached.flatMap((a) =>
    clearedByLevelChanges(levels, [{ ...a, assignee: then(a.assignee, a.day), reviewer: a.reviewer && then(a.reviewer, a.day) }]),
  );
}

/**
 * Write engineers' new fields: the one place a level changes, from the Roster screen or a CSV
 * import alike. A new level gets its dated level_changes row (the promotion history) and clears
 * the reviews and notes it breaks; deactivating someone releases their work. All of it lands in
 * the same change, so undo puts every row back. Reactivating gives nothing back: the items may
 * have been handed to someone else since.
 */
export function saveEngineers(db: Db, rows: Changeset, edits: readonly Edit[], changedOn: string): void {
  const cleared = clearedByEdits(db, edits, changedOn);
  for (const { before, after } of edits) if (after.level !== before.level) refuseEarlierLevelChange(db, before, changedOn);
  for (const { before, after } of edits) {
    const { id: _id, ...fields } = after;
    rows.update('engineers', before.id, toDb.engineer(fields));
    if (after.level !== before.level) {
      rows.insert('level_changes', { engineer_id: before.id, from_level: before.level, to_level: after.level, changed_on: changedOn });
    }
    if (before.active && !after.active) releaseWork(db, rows, before.id);
  }
  for (const c of cleared) {
    rows.update('assignments', c.itemId, { ...(c.reviewer ? { reviewer_id: null } : {}), ...(c.ackNote ? { ack_note: null } : {}) });
  }
}

/** A level change dated before the engineer's latest one is refused (levelChangeableFrom). */
function refuseEarlierLevelChange(db: Db, engineer: Engineer, changedOn: string): void {
  const theirs = prepared<[number], DbLevelChange>(db, 'SELECT * FROM level_changes WHERE engineer_id = ?')
    .all(engineer.id)
    .map(fromDb.levelChange);
  const from = levelChangeableFrom(engineer.id, theirs);
  if (from === null || changedOn >= from) return;
  throw new RungsError(
    'conflict',
    `${engineer.name}'s level was last set on ${dayText(from)}: a new level takes effect on that day or later, not on ${dayText(changedOn)}. Nothing was changed.`,
  );
}

const ownedCount = (db: Db, engineerId: number) =>
  plucked<[number], number>(db, 'SELECT count(*) FROM assignments WHERE engineer_id = ?').get(engineerId) ?? 0;

/**
 * How the change log names an edit: who, then what changed from what to what.
 * "Ana Sousa: Junior → Mid from 1 Jan 2027, capacity 10 → 12".
 */
function editSummary(db: Db, before: Engineer, after: Engineer, changedOn: string, teamName: (id: number) => string): string {
  const parts: string[] = [];
  if (after.name !== before.name) parts.push(`renamed from ${before.name}`);
  if (after.level !== before.level)
    parts.push(`${levelName(getLadder(db), before.level)} → ${levelName(getLadder(db), after.level)} from ${dayText(changedOn)}`);
  if (after.teamId !== before.teamId) parts.push(`team ${teamName(before.teamId)} → ${teamName(after.teamId)}`);
  if (after.capacity !== before.capacity) parts.push(`capacity ${before.capacity ?? 'none'} → ${after.capacity ?? 'none'}`);
  if (before.active !== after.active) parts.push(after.active ? 'reactivated' : 'deactivated');
  // Leaving or rejoining the board alone reads best as a verb on its own.
  if (parts.length === 1 && before.active !== after.active) return `${after.active ? 'Reactivated' : 'Deactivated'} ${after.name}`;
  return `${after.name}: ${parts.join(', ') || 'no change'}`;
}

export const rosterHandlers: Handlers<typeof rosterContract> = {
  'roster.openDemo': (db, { quarterId }) => {
    const quarter = getQuarter(db, quarterId);
    const count = (table: 'teams' | 'engineers' | 'work_items') => plucked<[], number>(db, `SELECT count(*) FROM ${table}`).get()!;
    const [teams, engineers, items] = [count('teams'), count('engineers'), count('work_items')];
    if (teams + engineers + items > 0)
      throw new RungsError(
        'conflict',
        `The demo team opens only in an empty roster; this one has ${plural(teams, 'team')}, ${plural(engineers, 'engineer')} and ${plural(items, 'work item')}.`,
      );
    const teamCount = new Set(DEMO_ENGINEERS.map((e) => e.team)).size;
    return record(
      db,
      `Opened the demo team: ${plural(DEMO_ENGINEERS.length, 'engineer')} in ${plural(teamCount, 'team')}, its plan in ${quarter.name}`,
      (rows) => plantDemoTeam((table, row) => rows.insert(table, row), quarter.id),
    );
  },

  'teams.create': (db, { name }) => {
    refuseDuplicateTeam(db, name);
    return record(db, `Added the team ${name}`, (rows) => void rows.insert('teams', { name }));
  },
  'teams.rename': (db, { teamId, name }) => {
    const team = getTeam(db, teamId);
    refuseDuplicateTeam(db, name, teamId);
    return record(db, `Renamed the team ${team.name} to ${name}`, (rows) => rows.update('teams', teamId, { name }));
  },
  'teams.delete': (db, { teamId }) => {
    const team = getTeam(db, teamId);
    const members = plucked<[number], number>(db, 'SELECT count(*) FROM engineers WHERE team_id = ?').get(teamId) ?? 0;
    if (members > 0) {
      throw new RungsError('conflict', `${team.name} still has ${plural(members, 'engineer')}; move or delete them first.`);
    }
    return record(db, `Deleted the team ${team.name}`, (rows) => void rows.remove('teams', teamId));
  },

  'engineers.create': (db, { name, level, teamId, capacity, active, changedOn }) => {
    const team = getTeam(db, teamId);
    refuseDuplicateEngineer(db, name);
    const ladder = getLadder(db);
    checkRank(ladder, level, 'level');
    return record(db, `Added ${name} (${levelName(ladder, level)}) to ${team.name}`, (rows) => {
      addEngineer(rows, { name, level, teamId, capacity, active }, changedOn ?? localToday());
    });
  },

  'engineers.update': (db, { engineerId, changedOn, fromLevel, ...patch }) => {
    const before = getEngineer(db, engineerId);
    const ladder = getLadder(db);
    if (patch.level !== undefined) checkRank(ladder, patch.level, 'level');
    // A level change names the level it starts from, so a repeated request cannot apply twice.
    if (patch.level !== undefined && fromLevel !== before.level) {
      throw new RungsError(
        'conflict',
        `${before.name} is ${withArticle(levelName(ladder, before.level))} now, not ${withArticle(levelName(ladder, fromLevel!))}; their level was changed already. Nothing was changed.`,
      );
    }
    if (patch.teamId !== undefined) getTeam(db, patch.teamId);
    if (patch.name !== undefined) refuseDuplicateEngineer(db, patch.name, engineerId);
    const after: Engineer = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    const day = changedOn ?? localToday();
    const released = before.active && !after.active ? ownedCount(db, engineerId) : 0;
    const cleared = clearedSentence(clearedByEdits(db, [{ before, after }], day));
    const teamName = (id: number) => getTeam(db, id).name;
    const summary = [
      editSummary(db, before, after, day, teamName),
      released > 0 && `${plural(released, 'item')} back to the backlog`,
      cleared,
    ]
      .filter(Boolean)
      .join('; ');
    return record(db, summary, (rows) => saveEngineers(db, rows, [{ before, after }], day));
  },

  'engineers.deactivate': (db, { engineerId, handTo }) => {
    const before = getEngineer(db, engineerId);
    if (!before.active) throw new RungsError('conflict', `${before.name} is inactive already. Nothing was changed.`);
    const to = handTo === null ? null : successor(db, before, handTo);
    const owned = ownedCount(db, engineerId);
    const summary = [
      `Deactivated ${before.name}`,
      owned > 0 && (to ? `${plural(owned, 'item')} handed to ${to.name}` : `${plural(owned, 'item')} back to the backlog`),
    ]
      .filter(Boolean)
      .join('; ');
    return record(db, summary, (rows) => {
      if (to) handOverWork(db, rows, before, to);
      saveEngineers(db, rows, [{ before, after: { ...before, active: false } }], localToday());
    });
  },

  'engineers.deleteImpact': (db, { engineerId }) => impact(db, engineerId),

  'engineers.delete': (db, { engineerId }) => {
    const { engineer, items } = impact(db, engineerId);
    const summary = `Deleted ${engineer.name}${items.length > 0 ? `; ${plural(items.length, 'item')} back to the backlog` : ''}`;
    return record(db, summary, (rows) => {
      releaseWork(db, rows, engineerId);
      const changes = plucked<[number], number>(db, 'SELECT id FROM level_changes WHERE engineer_id = ?').all(engineerId);
      for (const id of changes) rows.remove('level_changes', id);
      rows.remove('engineers', engineerId);
    });
  },

  'engineers.levelHistory': (db, { engineerId }) => {
    getEngineer(db, engineerId);
    return prepared<[number], DbLevelChange>(db, 'SELECT * FROM level_changes WHERE engineer_id = ? ORDER BY changed_on, id')
      .all(engineerId)
      .map(fromDb.levelChange);
  },
};
