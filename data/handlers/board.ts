import type { boardContract } from '../../shared/contract/board.ts';
import { RungsError } from '../../shared/errors.ts';
import { canReview, fit } from '../../shared/fit.ts';
import { levelName } from '../../shared/ladder.ts';
import type { Engineer, WorkItem } from '../../shared/schemas.ts';
import { historyState, redo, undo } from '../changes.ts';
import { schemaVersion } from '../db.ts';
import { getEngineer, getQuarters, getSnapshot, getWorkItem } from '../queries.ts';
import { type Handlers, record } from './types.ts';

const role = (item: WorkItem) => (item.kind === 'initiative' ? 'DRI' : 'owner');

function assignedItem(db: Parameters<typeof getWorkItem>[0], itemId: number) {
  const item = getWorkItem(db, itemId);
  if (!item.assignment) throw new RungsError('conflict', `'${item.title}' is in the backlog; assign it first.`);
  return { item, assignment: item.assignment, assignee: getEngineer(db, item.assignment.engineerId) };
}

function activeEngineer(db: Parameters<typeof getEngineer>[0], id: number): Engineer {
  const e = getEngineer(db, id);
  if (!e.active) throw new RungsError('conflict', `${e.name} is inactive; reactivate them on the roster to give them work.`);
  return e;
}

export const boardHandlers = (info: { version: string; databasePath: string }): Handlers<typeof boardContract> => ({
  'board.snapshot': (db, { quarterId }) => getSnapshot(db, quarterId),
  'quarters.list': (db) => getQuarters(db),

  'plan.assign': (db, { itemId, engineerId }) => {
    const item = getWorkItem(db, itemId);
    const current = item.assignment;
    if (engineerId === null) {
      if (!current) return { changeId: null, summary: `'${item.title}' is already in the backlog` };
      return record(db, `Returned '${item.title}' to the backlog`, (rows) => rows.remove('assignments', item.id));
    }
    const engineer = activeEngineer(db, engineerId);
    if (current?.engineerId === engineer.id) return { changeId: null, summary: `${engineer.name} already has '${item.title}'` };
    // A reviewer stays only if they can still review the new assignee; an acknowledgement was for the old one.
    const reviewer = current?.reviewerId ? getEngineer(db, current.reviewerId) : null;
    const keepReviewer = reviewer !== null && reviewer.id !== engineer.id && canReview(reviewer.level, engineer.level);
    const f = fit(item.rung, engineer.level);
    const summary = `Made ${engineer.name} ${role(item)} of '${item.title}' (${f.kind.replace('_', ' ')})`;
    return record(db, summary, (rows) =>
      rows.upsert('assignments', item.id, {
        item_id: item.id,
        engineer_id: engineer.id,
        reviewer_id: keepReviewer ? reviewer.id : null,
        lead_reviews: current?.leadReviews ? 1 : 0,
        ack_note: null,
      }),
    );
  },

  'plan.setReviewer': (db, { itemId, reviewerId, leadReviews }) => {
    const { item, assignee } = assignedItem(db, itemId);
    if (reviewerId !== null) {
      const reviewer = activeEngineer(db, reviewerId);
      if (!canReview(reviewer.level, assignee.level)) {
        throw new RungsError(
          'conflict',
          `${reviewer.name} (${levelName(reviewer.level)}) cannot review ${assignee.name} (${levelName(assignee.level)}): a reviewer is at least one level above.`,
        );
      }
    }
    const who = reviewerId !== null ? getEngineer(db, reviewerId).name : leadReviews ? 'the lead' : null;
    const summary = who ? `${who} reviews '${item.title}'` : `Removed the reviewer of '${item.title}'`;
    return record(db, summary, (rows) =>
      rows.update('assignments', item.id, { reviewer_id: reviewerId, lead_reviews: leadReviews ? 1 : 0 }),
    );
  },

  'plan.acknowledge': (db, { itemId, note }) => {
    const { item, assignee } = assignedItem(db, itemId);
    if (note !== null && fit(item.rung, assignee.level).kind !== 'overreach') {
      throw new RungsError('conflict', `'${item.title}' is not an overreach for ${assignee.name}; there is nothing to acknowledge.`);
    }
    const summary =
      note === null ? `Withdrew the acknowledgement of '${item.title}'` : `Kept the overreach '${item.title}' on ${assignee.name}`;
    return record(db, summary, (rows) => rows.update('assignments', item.id, { ack_note: note }));
  },

  'history.undo': (db) => undo(db),
  'history.redo': (db) => redo(db),
  'history.state': (db) => historyState(db),
  'history.list': (db, { limit }) =>
    db
      .prepare<[number], { id: number; at: string; summary: string; state: 'done' | 'undone' | 'discarded' }>(
        'SELECT id, at, summary, state FROM changes ORDER BY id DESC LIMIT ?',
      )
      .all(limit),
  'app.info': (db) => ({ ...info, schemaVersion: schemaVersion(db) }),
});
