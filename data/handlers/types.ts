import type { z } from 'zod';
import type { Channel } from '../../shared/contract/channel.ts';
import type { Mutation } from '../../shared/schemas.ts';
import { changedOf } from '../store/changed.ts';
import { Changeset, logChange } from '../store/changes.ts';
import type { Db } from '../store/db.ts';

/** Handlers are plain functions of (database, validated input), one per channel of a domain contract. */
export type Handlers<C extends Record<string, Channel>> = {
  [K in keyof C]: (db: Db, input: z.output<C[K]['request']>) => z.output<C[K]['response']>;
};

/**
 * Make a change to the plan and log it. The dispatcher already holds the transaction, so the rows
 * and their log entry commit together or not at all. The reply carries the rows it changed.
 */
export function record(db: Db, summary: string | ((rows: Changeset) => string), change: (rows: Changeset) => void): Mutation {
  const rows = new Changeset(db);
  change(rows);
  // A summary that can only be worded once the change is made (what it cleared) is a function of it.
  const words = typeof summary === 'string' ? summary : summary(rows);
  const changeId = logChange(db, rows, words);
  // A logged change is the next undo, and it emptied the redo list: History needs no query.
  const history = { canUndo: true, canRedo: false, undoSummary: words, redoSummary: null };
  return { changeId, summary: words, ...changedOf(db, rows.rows, history) };
}
