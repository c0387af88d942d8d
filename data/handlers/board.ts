import type { boardContract } from '../../shared/contract/board.ts';
import { ackProblem, assigneeProblem, assignmentAfterMove, reviewerProblem } from '../../shared/assignment.ts';
import { judgedOn, localToday } from '../../shared/calendar.ts';
import { RungsError } from '../../shared/errors.ts';
import { fit, whoReviews } from '../../shared/fit.ts';
import type { Engineer, WorkItem } from '../../shared/schemas.ts';
import { plural } from '../../shared/words.ts';
import { changedOf } from '../store/changed.ts';
import { type Replayed, redo, undo } from '../store/changes.ts';
import {
  engineersOnDay,
  getEngineer,
  getEngineersByIds,
  getQuarter,
  getSnapshot,
  getWorkItem,
  getWorkItemsByIds,
  missing,
  quarterDay,
} from '../store/queries.ts';
import { prepared } from '../store/statements.ts';
import { type Handlers, record } from './types.ts';
import { getLadder } from '../store/ladder.ts';

/** History names the quarter a plan change happened in: the same title can live in several. */
const quarterName = (db: Parameters<typeof getWorkItem>[0], item: WorkItem) => getQuarter(db, item.quarterId).name;
const fitNote = (f: { kind: string }) => (f.kind === 'in_reach' ? '' : ` (${f.kind})`);

/** An engineer at the level they held on a day: the day that judges an item's quarter (quarterDay). */
const onDay = (db: Parameters<typeof getWorkItem>[0], day: string, engineer: Engineer): Engineer => engineersOnDay(db, [engineer], day)[0]!;

/** An engineer at the level that judges this item's quarter: its rules are checked as its board shows them. */
const onItemQuarter = (db: Parameters<typeof getWorkItem>[0], item: WorkItem, engineer: Engineer): Engineer =>
  onDay(db, quarterDay(db, item.quarterId), engineer);

function assignedItem(db: Parameters<typeof getWorkItem>[0], itemId: number) {
  const item = getWorkItem(db, itemId);
  if (!item.assignment) throw new RungsError('conflict', `'${item.title}' is in the backlog; assign it first.`);
  return { item, assignment: item.assignment, assignee: onItemQuarter(db, item, getEngineer(db, item.assignment.engineerId)) };
}

/** Only active engineers take work; every way of assigning refuses the same way. */
function mustBeActive(e: Engineer): Engineer {
  const problem = assigneeProblem(e);
  if (problem) throw new RungsError('conflict', problem.message);
  return e;
}

const activeEngineer = (db: Parameters<typeof getEngineer>[0], id: number): Engineer => mustBeActive(getEngineer(db, id));

/** The assignment row after a drop (the rule is shared with the board's optimistic move). */
function assignmentRowAfterMove(item: WorkItem, engineer: Engineer, reviewer: Engineer | null) {
  const next = assignmentAfterMove(item.assignment, engineer, reviewer);
  return {
    item_id: item.id,
    engineer_id: next.engineerId,
    reviewer_id: next.reviewerId,
    lead_reviews: next.leadReviews ? 1 : 0,
    ack_note: next.ackNote,
  };
}

/** Undo and redo answer like any change: with the rows they wrote back. */
const replied = (db: Parameters<typeof getWorkItem>[0], { changeId, summary, rows }: Replayed) => ({
  changeId,
  summary,
  ...changedOf(db, rows),
});

export const boardHandlers: Handlers<typeof boardContract> = {
  'board.snapshot': (db, { quarterId }) => getSnapshot(db, quarterId),

  'plan.assign': (db, { itemId, engineerId }) => {
    const item = getWorkItem(db, itemId);
    const current = item.assignment;
    const was = current ? getEngineer(db, current.engineerId).name : null;
    if (engineerId === null) {
      if (!current) return { changeId: null, summary: `'${item.title}' is already in the backlog` };
      return record(db, `${quarterName(db, item)}: '${item.title}' to the backlog (was ${was})`, (rows) =>
        rows.remove('assignments', item.id),
      );
    }
    // The quarter is read once: its name heads the summary and its start judges the levels.
    const quarter = getQuarter(db, item.quarterId);
    const day = judgedOn(quarter.startsOn, localToday());
    const engineer = onDay(db, day, activeEngineer(db, engineerId));
    if (current?.engineerId === engineer.id) return { changeId: null, summary: `${engineer.name} already has '${item.title}'` };
    const reviewer = current?.reviewerId ? onDay(db, day, getEngineer(db, current.reviewerId)) : null;
    const f = fit(item.rung, engineer.level);
    const summary = `${quarter.name}: '${item.title}' ${was ?? 'from the backlog'} → ${engineer.name}${fitNote(f)}`;
    return record(db, summary, (rows) => rows.upsert('assignments', item.id, assignmentRowAfterMove(item, engineer, reviewer)));
  },

  'plan.assignMany': (db, { moves }) => {
    const items = getWorkItemsByIds(
      db,
      moves.map((m) => m.itemId),
    );
    const wanted = new Set<number>();
    for (const m of moves) {
      if (m.engineerId !== null) wanted.add(m.engineerId);
      const reviewerId = items.get(m.itemId)?.assignment?.reviewerId;
      if (reviewerId) wanted.add(reviewerId);
    }
    // A board moves within one quarter; should a batch span several, each item reads its own.
    const byQuarter = new Map<number, Map<number, Engineer>>();
    const stored = [...getEngineersByIds(db, [...wanted]).values()];
    const engineersFor = (item: WorkItem) => {
      let map = byQuarter.get(item.quarterId);
      if (!map) {
        map = new Map(engineersOnDay(db, stored, quarterDay(db, item.quarterId)).map((e) => [e.id, e]));
        byQuarter.set(item.quarterId, map);
      }
      return map;
    };
    // Check every move before writing any, so a refusal names the first bad move and changes nothing.
    const plan: { item: WorkItem; to: Engineer | null }[] = [];
    for (const { itemId, engineerId } of moves) {
      const item = items.get(itemId);
      if (!item) throw missing.workItem(itemId);
      if (engineerId === null) {
        if (item.assignment) plan.push({ item, to: null });
        continue;
      }
      const found = engineersFor(item).get(engineerId);
      if (!found) throw missing.engineer(engineerId);
      const engineer = mustBeActive(found);
      if (item.assignment?.engineerId !== engineer.id) plan.push({ item, to: engineer });
    }
    if (plan.length === 0) return { changeId: null, summary: 'Nothing moved: every item is already where it was dropped' };
    const returned = plan.filter((p) => p.to === null).length;
    const assigned = plan.length - returned;
    const first = plan[0]!;
    const was = (item: WorkItem) => (item.assignment ? getEngineer(db, item.assignment.engineerId).name : null);
    const quarters = [...new Set(plan.map((p) => p.item.quarterId))].map((id) => getQuarter(db, id).name).join(', ');
    // A selection handed to one person (the board's bulk Assign to…) names them.
    const to = new Set(plan.map((p) => p.to?.id ?? null));
    const oneEngineer = to.size === 1 && first.to ? first.to : null;
    const summary =
      plan.length === 1
        ? first.to
          ? `${quarters}: '${first.item.title}' ${was(first.item) ?? 'from the backlog'} → ${first.to.name}`
          : `${quarters}: '${first.item.title}' to the backlog (was ${was(first.item)})`
        : oneEngineer
          ? `${quarters}: moved ${plural(plan.length, 'item')} to ${oneEngineer.name}`
          : `${quarters}: moved ${plural(plan.length, 'item')}${assigned ? `, ${assigned} to engineers` : ''}${returned ? `, ${returned} to the backlog` : ''}`;
    return record(db, summary, (rows) => {
      for (const { item, to } of plan) {
        if (to === null) rows.remove('assignments', item.id);
        else {
          const reviewerId = item.assignment?.reviewerId;
          const reviewer = reviewerId ? (engineersFor(item).get(reviewerId) ?? null) : null;
          rows.upsert('assignments', item.id, assignmentRowAfterMove(item, to, reviewer));
        }
      }
    });
  },

  'plan.setReviewer': (db, { itemId, reviewerId, leadReviews }) => {
    const { item, assignee } = assignedItem(db, itemId);
    const reviewer = reviewerId !== null ? onItemQuarter(db, item, getEngineer(db, reviewerId)) : null;
    const problem = reviewer && reviewerProblem(reviewer, assignee, getLadder(db));
    if (problem) throw new RungsError('conflict', problem.message);
    const who = whoReviews(reviewer?.name, leadReviews);
    const q = quarterName(db, item);
    const summary = who ? `${q}: ${who} reviews '${item.title}'` : `${q}: '${item.title}' has no reviewer now`;
    return record(db, summary, (rows) =>
      rows.update('assignments', item.id, { reviewer_id: reviewerId, lead_reviews: leadReviews ? 1 : 0 }),
    );
  },

  'plan.acknowledge': (db, { itemId, note }) => {
    const { item, assignee } = assignedItem(db, itemId);
    const problem = note !== null && ackProblem(item.title, item.rung, assignee);
    if (problem) throw new RungsError('conflict', problem.message);
    const q = quarterName(db, item);
    const summary =
      note === null
        ? `${q}: withdrew the acknowledgement of '${item.title}'`
        : `${q}: kept the overreach '${item.title}' on ${assignee.name}`;
    return record(db, summary, (rows) => rows.update('assignments', item.id, { ack_note: note }));
  },

  'history.undo': (db) => replied(db, undo(db)),
  'history.redo': (db) => replied(db, redo(db)),
  'history.list': (db, { limit }) =>
    prepared<[number], { id: number; at: string; summary: string; state: 'done' | 'undone' | 'discarded' }>(
      db,
      'SELECT id, at, summary, state FROM changes ORDER BY id DESC LIMIT ?',
    ).all(limit),
  'history.forItem': (db, { itemId, limit }) => {
    // Refused, like every channel, for an item that is not there (not_found): the panel then says the card is gone.
    getWorkItem(db, itemId);
    return prepared<[string, number, number], { id: number; at: string; summary: string; state: 'done' | 'undone' | 'discarded' }>(
      db,
      // instr() skips, cheaply, every change that cannot name the item; json_each then checks the rows.
      `SELECT id, at, summary, state FROM changes c
       WHERE instr(c.rows, ?) > 0
         AND EXISTS (SELECT 1 FROM json_each(c.rows) r
                     WHERE json_extract(r.value, '$.table') IN ('work_items', 'assignments') AND json_extract(r.value, '$.key') = ?)
       ORDER BY id DESC LIMIT ?`,
    ).all(`"key":${itemId},`, itemId, limit);
  },
};
