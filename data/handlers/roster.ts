import { type AssignmentFacts, type Cleared, clearedByLevelChanges, clearedSentence } from '../../shared/assignment.ts';
import type { rosterContract } from '../../shared/contract/roster.ts';
import { RungsError } from '../../shared/errors.ts';
import { plural } from '../../shared/words.ts';
import { type Rank, levelName } from '../../shared/ladder.ts';
import type { Engineer } from '../../shared/schemas.ts';
import type { Changeset } from '../changes.ts';
import type { Db } from '../db.ts';
import { getEngineer } from '../queries.ts';
import { type DbLevelChange, type DbTeam, fromDb, toDb } from '../rows.ts';
import { type Handlers, record } from './types.ts';

/** The lead's calendar day, not UTC's: a promotion on the evening of the 31st is still the 31st. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function getTeam(db: Db, id: number) {
  const row = db.prepare<[number], DbTeam>('SELECT id, name FROM teams WHERE id = ?').get(id);
  if (!row) throw new RungsError('not_found', `No team ${id}; it may have been deleted.`);
  return fromDb.team(row);
}

function refuseDuplicateTeam(db: Db, name: string, except = 0) {
  const other = db
    .prepare<[string, number], DbTeam>('SELECT id, name FROM teams WHERE name = ? COLLATE NOCASE AND id != ?')
    .get(name, except);
  if (other) throw new RungsError('conflict', `There is already a team called ${other.name}.`);
}

function refuseDuplicateEngineer(db: Db, name: string, except = 0) {
  const other = db
    .prepare<[string, number], { name: string }>('SELECT name FROM engineers WHERE name = ? COLLATE NOCASE AND id != ?')
    .get(name, except);
  if (other) throw new RungsError('conflict', `${other.name} is already on the roster; use another name (add an initial).`);
}

function impact(db: Db, engineerId: number) {
  const engineer = getEngineer(db, engineerId);
  const items = db
    .prepare<[number], { id: number; title: string; kind: 'initiative' | 'story'; quarter: string }>(
      `SELECT w.id, w.title, w.kind, q.name AS quarter FROM assignments a
       JOIN work_items w ON w.id = a.item_id JOIN quarters q ON q.id = w.quarter_id
       WHERE a.engineer_id = ? ORDER BY q.id, w.sort_key, w.id`,
    )
    .all(engineerId);
  const count = (sql: string) => db.prepare<[number], number>(sql).pluck().get(engineerId) ?? 0;
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
export function addEngineer(rows: Changeset, fields: Omit<Engineer, 'id'>, changedOn: string): number {
  const id = rows.insert('engineers', toDb.engineer(fields));
  rows.insert('level_changes', { engineer_id: id, from_level: null, to_level: fields.level, changed_on: changedOn });
  return id;
}

/** Their items go back to the backlog and the stretches they review lose them as reviewer. */
function releaseWork(db: Db, rows: Changeset, engineerId: number): void {
  const owned = db.prepare<[number], number>('SELECT item_id FROM assignments WHERE engineer_id = ?').pluck().all(engineerId);
  for (const itemId of owned) rows.remove('assignments', itemId);
  const reviewed = db.prepare<[number], number>('SELECT item_id FROM assignments WHERE reviewer_id = ?').pluck().all(engineerId);
  for (const itemId of reviewed) rows.update('assignments', itemId, { reviewer_id: null });
}

type AssignmentRow = {
  item_id: number;
  title: string;
  rung: Rank;
  ack_note: string | null;
  a_id: number;
  a_name: string;
  a_level: Rank;
  a_active: number;
  r_id: number | null;
  r_name: string | null;
  r_level: Rank | null;
  r_active: number | null;
};

/** Every assignment one of these people carries or reviews, as the shared rules read it. */
function assignmentsOf(db: Db, engineerIds: readonly number[]): (AssignmentFacts & { itemId: number })[] {
  const person = (id: number, name: string, level: Rank, active: number) => ({ id, name, level, active: active === 1 });
  return db
    .prepare<[string, string], AssignmentRow>(
      `SELECT w.id AS item_id, w.title, w.rung, a.ack_note,
              e.id AS a_id, e.name AS a_name, e.level AS a_level, e.active AS a_active,
              r.id AS r_id, r.name AS r_name, r.level AS r_level, r.active AS r_active
       FROM assignments a JOIN work_items w ON w.id = a.item_id JOIN engineers e ON e.id = a.engineer_id
       LEFT JOIN engineers r ON r.id = a.reviewer_id
       WHERE a.engineer_id IN (SELECT value FROM json_each(?)) OR a.reviewer_id IN (SELECT value FROM json_each(?))
       ORDER BY w.quarter_id, w.sort_key, w.id`,
    )
    .all(JSON.stringify(engineerIds), JSON.stringify(engineerIds))
    .map((r) => ({
      itemId: r.item_id,
      title: r.title,
      rung: r.rung,
      ackNote: r.ack_note,
      assignee: person(r.a_id, r.a_name, r.a_level, r.a_active),
      reviewer: r.r_id === null ? null : person(r.r_id, r.r_name!, r.r_level!, r.r_active!),
    }));
}

export type Edit = { before: Engineer; after: Engineer };

/**
 * The reviews and notes these edits clear (shared/assignment.ts): a reviewer no longer above the
 * assignee, a note on what is an overreach no more. Read before the edits are written, so a
 * handler can say it in the summary; someone being deactivated gives up all of it anyway.
 */
export function clearedByEdits(db: Db, edits: readonly Edit[]): Cleared[] {
  const levels = new Map(edits.filter((e) => e.after.level !== e.before.level && e.after.active).map((e) => [e.before.id, e.after.level]));
  return levels.size === 0 ? [] : clearedByLevelChanges(levels, assignmentsOf(db, [...levels.keys()]));
}

/**
 * Write engineers' new fields: the one place a level changes, from the Roster screen or a CSV
 * import alike. A new level gets its dated level_changes row (the promotion history) and clears
 * the reviews and notes it breaks; deactivating someone releases their work. All of it lands in
 * the same change, so undo puts every row back. Reactivating gives nothing back: the items may
 * have been handed to someone else since.
 */
export function saveEngineers(db: Db, rows: Changeset, edits: readonly Edit[], changedOn: string): void {
  const cleared = clearedByEdits(db, edits);
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

const ownedCount = (db: Db, engineerId: number) =>
  db.prepare<[number], number>('SELECT count(*) FROM assignments WHERE engineer_id = ?').pluck().get(engineerId) ?? 0;

/** How the change log names an edit: a promotion, a (de)activation, or plain editing. */
function editSummary(before: Engineer, after: Engineer): string {
  const parts: string[] = [];
  if (after.level !== before.level) {
    parts.push(
      `${after.level > before.level ? 'Promoted' : 'Moved'} ${after.name} ${after.level > before.level ? 'to' : 'back to'} ${levelName(after.level)}`,
    );
  }
  if (before.active !== after.active) {
    const verb = after.active ? 'reactivated' : 'deactivated';
    parts.push(parts.length > 0 ? `${verb} them` : `${verb[0]!.toUpperCase()}${verb.slice(1)} ${after.name}`);
  }
  return parts.join(' and ') || `Edited ${after.name}`;
}

export const rosterHandlers: Handlers<typeof rosterContract> = {
  'teams.list': (db) => db.prepare<[], DbTeam>('SELECT id, name FROM teams ORDER BY name').all().map(fromDb.team),
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
    const members = db.prepare<[number], number>('SELECT count(*) FROM engineers WHERE team_id = ?').pluck().get(teamId) ?? 0;
    if (members > 0) {
      throw new RungsError('conflict', `${team.name} still has ${plural(members, 'engineer')}; move or delete them first.`);
    }
    return record(db, `Deleted the team ${team.name}`, (rows) => void rows.remove('teams', teamId));
  },

  'engineers.create': (db, { name, level, teamId, capacity, active, changedOn }) => {
    const team = getTeam(db, teamId);
    refuseDuplicateEngineer(db, name);
    return record(db, `Added ${name} (${levelName(level)}) to ${team.name}`, (rows) => {
      addEngineer(rows, { name, level, teamId, capacity, active }, changedOn ?? localToday());
    });
  },

  'engineers.update': (db, { engineerId, changedOn, ...patch }) => {
    const before = getEngineer(db, engineerId);
    if (patch.teamId !== undefined) getTeam(db, patch.teamId);
    if (patch.name !== undefined) refuseDuplicateEngineer(db, patch.name, engineerId);
    const after: Engineer = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    const released = before.active && !after.active ? ownedCount(db, engineerId) : 0;
    const cleared = clearedSentence(clearedByEdits(db, [{ before, after }]));
    const summary = [editSummary(before, after), released > 0 && `${plural(released, 'item')} back to the backlog`, cleared]
      .filter(Boolean)
      .join('; ');
    return record(db, summary, (rows) => saveEngineers(db, rows, [{ before, after }], changedOn ?? localToday()));
  },

  'engineers.deleteImpact': (db, { engineerId }) => impact(db, engineerId),

  'engineers.delete': (db, { engineerId }) => {
    const { engineer, items } = impact(db, engineerId);
    const summary = `Deleted ${engineer.name}${items.length > 0 ? `; ${plural(items.length, 'item')} back to the backlog` : ''}`;
    return record(db, summary, (rows) => {
      releaseWork(db, rows, engineerId);
      const changes = db.prepare<[number], number>('SELECT id FROM level_changes WHERE engineer_id = ?').pluck().all(engineerId);
      for (const id of changes) rows.remove('level_changes', id);
      rows.remove('engineers', engineerId);
    });
  },

  'engineers.levelHistory': (db, { engineerId }) => {
    getEngineer(db, engineerId);
    return db
      .prepare<[number], DbLevelChange>('SELECT * FROM level_changes WHERE engineer_id = ? ORDER BY changed_on, id')
      .all(engineerId)
      .map(fromDb.levelChange);
  },
};
