import { RungsError } from '../../shared/errors.ts';
import type { Db } from './db.ts';
import { plucked, prepared } from './statements.ts';

// Every write to the plan goes through a Changeset, which keeps before/after images of the rows it
// touched. Stored in the change log, those images are enough to undo, redo and show history for
// any change, from one drop to a whole import, without a hand-written inverse per operation.

export const TABLE_KEYS = {
  teams: 'id',
  engineers: 'id',
  level_changes: 'id',
  quarters: 'id',
  work_items: 'id',
  assignments: 'item_id',
  ladder: 'id',
  ladder_levels: 'id',
  ladder_touchpoints: 'id',
} as const;
export type TableName = keyof typeof TABLE_KEYS;

type Row = Record<string, unknown>;
export type RowChange = { table: TableName; key: number; before: Row | null; after: Row | null };

const COLUMN = /^[a-z_]+$/;
const columnsOf = (row: Row) => {
  const cols = Object.keys(row);
  // Column names come from our own code, never from requests; this guards that promise.
  if (!cols.every((c) => COLUMN.test(c))) throw new Error(`Bad column name in ${cols.join(',')}`);
  return cols;
};

const selectRow = (db: Db, table: TableName, key: number): Row | null =>
  (prepared(db, `SELECT * FROM ${table} WHERE ${TABLE_KEYS[table]} = ?`).get(key) as Row | undefined) ?? null;

const deleteRow = (db: Db, table: TableName, key: number): void => {
  prepared(db, `DELETE FROM ${table} WHERE ${TABLE_KEYS[table]} = ?`).run(key);
};

const insertSql = (table: TableName, cols: string[]): string =>
  `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`;

function writeRow(db: Db, table: TableName, key: number, row: Row | null): void {
  if (row === null) return deleteRow(db, table, key);
  const keyCol = TABLE_KEYS[table];
  const cols = columnsOf(row);
  prepared(
    db,
    `${insertSql(table, cols)}
     ON CONFLICT (${keyCol}) DO UPDATE SET ${
       cols
         .filter((c) => c !== keyCol)
         .map((c) => `${c} = excluded.${c}`)
         .join(', ') || `${keyCol} = excluded.${keyCol}`
     }`,
  ).run(row);
}

export class Changeset {
  readonly rows: RowChange[] = [];
  readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  insert(table: TableName, row: Row): number {
    const cols = columnsOf(row);
    const info = prepared(this.db, insertSql(table, cols)).run(row);
    const key = table === 'assignments' ? Number(row.item_id) : Number(info.lastInsertRowid);
    this.rows.push({ table, key, before: null, after: selectRow(this.db, table, key) });
    return key;
  }

  update(table: TableName, key: number, patch: Row): void {
    const before = selectRow(this.db, table, key);
    if (!before) throw new RungsError('not_found', `No ${table.replace(/_/g, ' ').replace(/s$/, '')} ${key}.`);
    this.updateFrom(table, key, before, patch);
  }

  private updateFrom(table: TableName, key: number, before: Row, patch: Row): void {
    const keyCol = TABLE_KEYS[table];
    // The key is where the row is, not a change to it: setting it to itself would still rewrite
    // the row's index entries (a bulk reassign of 3,000 items spent a fifth of its writes on it).
    if (keyCol in patch && patch[keyCol] !== key) throw new Error(`A ${table} row keeps its ${keyCol}`);
    const cols = columnsOf(patch).filter((c) => c !== keyCol);
    if (cols.length === 0) return;
    prepared(this.db, `UPDATE ${table} SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE ${keyCol} = @__key`).run({
      ...patch,
      __key: key,
    });
    // No read-back: the tables are STRICT with no triggers, so the stored row is the old one with
    // the patch's values, and a value the column would not take was refused by the UPDATE above.
    const after: Row = { ...before };
    for (const c of cols) after[c] = patch[c];
    if (cols.some((c) => before[c] !== after[c])) this.rows.push({ table, key, before, after });
  }

  /** Insert, or update if the key exists: for assignments keyed by item. */
  upsert(table: TableName, key: number, row: Row): void {
    // One read of the existing row serves as both the existence check and the before image.
    const before = selectRow(this.db, table, key);
    if (before) this.updateFrom(table, key, before, row);
    else this.insert(table, row);
  }

  remove(table: TableName, key: number): boolean {
    const before = selectRow(this.db, table, key);
    if (!before) return false;
    deleteRow(this.db, table, key);
    this.rows.push({ table, key, before, after: null });
    return true;
  }
}

/** Record a changeset in the log. A new change discards what could have been redone. */
export function logChange(db: Db, changeset: Changeset, summary: string): number | null {
  if (changeset.rows.length === 0) return null;
  // Looked up first: the index answers "nothing to discard" (the usual case) for a third of what
  // an UPDATE that finds nothing costs.
  if (plucked(db, `SELECT 1 FROM changes WHERE state = 'undone' LIMIT 1`).get()) {
    prepared(db, `UPDATE changes SET state = 'discarded' WHERE state = 'undone'`).run();
  }
  const info = prepared(db, `INSERT INTO changes (at, summary, rows) VALUES (?, ?, ?)`).run(
    new Date().toISOString(),
    summary,
    JSON.stringify(changeset.rows),
  );
  return Number(info.lastInsertRowid);
}

type LoggedChange = { id: number; summary: string; rows: string };

/** The change undo takes back (the last one done) and the one redo applies again (the first one undone). */
const NEXT = {
  undo: `FROM changes WHERE state = 'done' ORDER BY id DESC LIMIT 1`,
  redo: `FROM changes WHERE state = 'undone' ORDER BY id ASC LIMIT 1`,
};
const nextChange = (db: Db, step: keyof typeof NEXT) => prepared<[], LoggedChange>(db, `SELECT id, summary, rows ${NEXT[step]}`).get();
/** Only the summary: History asks after every change, and the rows stay on disk until used. */
const nextSummary = (db: Db, step: keyof typeof NEXT) =>
  prepared<[], { summary: string }>(db, `SELECT summary ${NEXT[step]}`).get()?.summary ?? null;

/** An undo or redo, with the rows it wrote (as a change of its own: `after` is what is stored now). */
export type Replayed = { changeId: number; summary: string; rows: RowChange[] };

export function undo(db: Db): Replayed {
  const change = nextChange(db, 'undo');
  if (!change) throw new RungsError('conflict', 'Nothing to undo.');
  const rows = JSON.parse(change.rows) as RowChange[];
  for (const r of rows.toReversed()) writeRow(db, r.table, r.key, r.before);
  prepared(db, `UPDATE changes SET state = 'undone' WHERE id = ?`).run(change.id);
  // What undo wrote: each row's before image, now its after.
  const written = rows.toReversed().map((r) => ({ ...r, before: r.after, after: r.before }));
  return { changeId: change.id, summary: `Undid: ${change.summary}`, rows: written };
}

export function redo(db: Db): Replayed {
  const change = nextChange(db, 'redo');
  if (!change) throw new RungsError('conflict', 'Nothing to redo.');
  const rows = JSON.parse(change.rows) as RowChange[];
  for (const r of rows) writeRow(db, r.table, r.key, r.after);
  prepared(db, `UPDATE changes SET state = 'done' WHERE id = ?`).run(change.id);
  return { changeId: change.id, summary: `Redid: ${change.summary}`, rows };
}

/** What undo and redo would do next, by summary. */
export function historyState(db: Db) {
  const undoSummary = nextSummary(db, 'undo');
  const redoSummary = nextSummary(db, 'redo');
  return { canUndo: undoSummary !== null, canRedo: redoSummary !== null, undoSummary, redoSummary };
}
