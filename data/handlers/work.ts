import { ackProblem } from '../../shared/assignment.ts';
import { rungProblem, type workContract } from '../../shared/contract/work.ts';
import { RungsError } from '../../shared/errors.ts';
import { type Ladder, type Rank, STATUS_LABEL, type Status, type WorkKind, defaultRung, levelName } from '../../shared/ladder.ts';
import { checkTouchpoints, getLadder } from '../store/ladder.ts';
import type { WorkItem } from '../../shared/schemas.ts';
import type { Db } from '../store/db.ts';
import { engineersOnDay, getEngineer, getQuarter, getWorkItem, getWorkItemsByIds, missing, quarterDay } from '../store/queries.ts';
import { toDb } from '../store/rows.ts';
import { workTeam } from '../../shared/work-team.ts';
import { plural } from '../../shared/words.ts';
import { getTeam } from './roster.ts';
import { type Handlers, record } from './types.ts';
import { plucked, prepared } from '../store/statements.ts';

/** A story's parent is an initiative of the same quarter; an initiative has none. */
function checkParent(db: Db, kind: WorkKind, quarterId: number, parentId: number | null, selfId?: number): WorkItem | null {
  if (parentId === null) return null;
  if (kind === 'initiative') throw new RungsError('conflict', 'An initiative has no parent; only stories sit under an initiative.');
  if (parentId === selfId) throw new RungsError('conflict', 'A story cannot be its own parent.');
  const parent = getWorkItem(db, parentId);
  if (parent.kind !== 'initiative') throw new RungsError('conflict', `'${parent.title}' is a story; a story's parent is an initiative.`);
  if (parent.quarterId !== quarterId)
    throw new RungsError('conflict', `'${parent.title}' belongs to another quarter; pick an initiative of this one.`);
  return parent;
}

function checkRung(ladder: Ladder, kind: WorkKind, rung: WorkItem['rung'], touchpoints: readonly string[]) {
  const problem = rungProblem(ladder, kind, rung);
  if (problem) throw new RungsError('conflict', problem);
  checkTouchpoints(ladder, touchpoints);
}

/** What an edit changed, in the lead's words: "rung Junior → Mid, size 3 → 5". */
function itemChanges(db: Db, before: WorkItem, after: WorkItem): string {
  const points = (n: number | null) => (n === null ? 'none' : String(n));
  const parentTitle = (id: number | null) => (id === null ? null : getWorkItem(db, id).title);
  const teamName = (id: number | null) => (id === null ? 'none' : getTeam(db, id).name);
  const parts = [
    after.title !== before.title && `renamed from '${before.title}'`,
    after.rung !== before.rung && `rung ${levelName(getLadder(db), before.rung)} → ${levelName(getLadder(db), after.rung)}`,
    after.size !== before.size && `size ${points(before.size)} → ${points(after.size)}`,
    after.status !== before.status && `${STATUS_LABEL[before.status]} → ${STATUS_LABEL[after.status]}`,
    after.parentId !== before.parentId &&
      (after.parentId === null ? `no longer under '${parentTitle(before.parentId)}'` : `now under '${parentTitle(after.parentId)}'`),
    after.teamId !== before.teamId && `team ${teamName(before.teamId)} → ${teamName(after.teamId)}`,
    after.touchpoints.join() !== before.touchpoints.join() && 'touchpoints',
    after.description !== before.description && 'description',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no change';
}

/** The team the item lands in (see workTeam), refused in words when it cannot be that one. */
function teamOf(db: Db, parent: WorkItem | null, asked: number | null | undefined, current: number | null): number | null {
  if (asked !== undefined && asked !== null) getTeam(db, asked);
  const r = workTeam(parent, asked, current);
  if (!r.ok) throw new RungsError('conflict', r.problem);
  return r.teamId;
}

/** A new rung moves the fit: a note kept on an overreach that is one no more is withdrawn with it. */
function noteGoesStale(db: Db, after: WorkItem): boolean {
  const a = after.assignment;
  if (!a || a.ackNote === null) return false;
  const assignee = engineersOnDay(db, [getEngineer(db, a.engineerId)], quarterDay(db, after.quarterId))[0]!;
  return ackProblem(after.title, after.rung, assignee) !== null;
}

/** "3 items now In progress, rung Mid": what a bulk edit set, on how many. */
function bulkSummary(db: Db, changed: readonly WorkItem[], status: Status | undefined, rung: Rank | undefined, withdrawn: number) {
  const quarters = [...new Set(changed.map((i) => getQuarter(db, i.quarterId).name))].join(', ');
  const what = changed.length === 1 ? `'${changed[0]!.title}'` : plural(changed.length, 'item');
  const set = [status !== undefined && `now ${STATUS_LABEL[status]}`, rung !== undefined && `rung ${levelName(getLadder(db), rung)}`];
  const notes = withdrawn > 0 ? `; withdrew ${plural(withdrawn, 'acknowledgement')}, an overreach no more` : '';
  return `${quarters}: ${what} ${set.filter(Boolean).join(', ')}${notes}`;
}

export const nextSortKey = (db: Db, quarterId: number): number =>
  (plucked<[number], number | null>(db, 'SELECT max(sort_key) FROM work_items WHERE quarter_id = ?').get(quarterId) ?? 0) + 1024;

function impact(db: Db, itemId: number) {
  const item = getWorkItem(db, itemId);
  const name = (id: number | undefined) => (id === undefined ? null : getEngineer(db, id).name);
  const stories =
    item.kind === 'initiative'
      ? prepared<[number], { id: number; title: string; owner: string | null }>(
          db,
          `SELECT w.id, w.title, e.name AS owner FROM work_items w
             LEFT JOIN assignments a ON a.item_id = w.id LEFT JOIN engineers e ON e.id = a.engineer_id
             WHERE w.parent_id = ? ORDER BY w.sort_key, w.id`,
        ).all(itemId)
      : [];
  return { item, impact: { title: item.title, kind: item.kind, assignee: name(item.assignment?.engineerId), stories } };
}

export const workHandlers: Handlers<typeof workContract> = {
  'work.create': (db, { quarterId, kind, rung, parentId, teamId: askedTeam, ...fields }) => {
    const quarter = getQuarter(db, quarterId);
    const ladder = getLadder(db);
    const r = rung ?? defaultRung(ladder, kind);
    checkRung(ladder, kind, r, fields.touchpoints);
    const parent = checkParent(db, kind, quarterId, parentId);
    const teamId = teamOf(db, parent, askedTeam, null);
    const where = parent ? ` under '${parent.title}'` : '';
    return record(db, `${quarter.name}: added the ${kind} '${fields.title}'${where}`, (rows) => {
      rows.insert(
        'work_items',
        toDb.workItem({
          ...fields,
          kind,
          rung: r,
          parentId,
          quarterId,
          sortKey: nextSortKey(db, quarterId),
          teamId,
          carriedFromQuarterId: null,
          carriedAckNote: null,
        }),
      );
    });
  },

  'work.update': (db, { itemId, teamId: askedTeam, ...patch }) => {
    const before = getWorkItem(db, itemId);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<WorkItem>;
    const after: WorkItem = { ...before, ...defined };
    checkRung(getLadder(db), after.kind, after.rung, after.touchpoints);
    const parent =
      patch.parentId !== undefined
        ? checkParent(db, after.kind, after.quarterId, after.parentId, itemId)
        : after.parentId === null
          ? null
          : getWorkItem(db, after.parentId);
    after.teamId = teamOf(db, parent, askedTeam, before.teamId);
    // An initiative's stories are parts of it: they move to its new team in the same change.
    const movedStories =
      after.kind === 'initiative' && after.teamId !== before.teamId
        ? plucked<[number], number>(db, 'SELECT id FROM work_items WHERE parent_id = ?').all(itemId)
        : [];
    const { id: _id, assignment: _assignment, ...fields } = after;
    const staleNote = noteGoesStale(db, after);
    const quarter = getQuarter(db, before.quarterId);
    const moved =
      movedStories.length > 0
        ? `; its ${movedStories.length === 1 ? 'story moves' : `${movedStories.length} stories move`} with it to ${after.teamId === null ? 'no team' : getTeam(db, after.teamId).name}`
        : '';
    const withdrawn = staleNote ? '; withdrew its acknowledgement, an overreach no more' : '';
    const summary = `${quarter.name}: '${after.title}' ${itemChanges(db, before, after)}${moved}${withdrawn}`;
    return record(db, summary, (rows) => {
      rows.update('work_items', itemId, toDb.workItem(fields));
      for (const storyId of movedStories) rows.update('work_items', storyId, { team_id: after.teamId });
      if (staleNote) rows.update('assignments', itemId, { ack_note: null });
    });
  },

  'work.updateMany': (db, { itemIds, status, rung }) => {
    const found = getWorkItemsByIds(db, itemIds);
    const ladder = getLadder(db);
    // Every item is checked before any is written: a refusal names the first bad one and changes nothing.
    const changed: { item: WorkItem; staleNote: boolean }[] = [];
    for (const id of itemIds) {
      const before = found.get(id);
      if (!before) throw missing.workItem(id);
      const problem = rung === undefined ? null : rungProblem(ladder, before.kind, rung);
      if (problem) throw new RungsError('conflict', `'${before.title}': ${problem}`);
      const after = { ...before, status: status ?? before.status, rung: rung ?? before.rung };
      if (after.status !== before.status || after.rung !== before.rung) changed.push({ item: after, staleNote: noteGoesStale(db, after) });
    }
    if (changed.length === 0) return { changeId: null, summary: 'Nothing changed: every item already was as asked' };
    const withdrawn = changed.filter((c) => c.staleNote).length;
    const summary = bulkSummary(
      db,
      changed.map((c) => c.item),
      status,
      rung,
      withdrawn,
    );
    return record(db, summary, (rows) => {
      for (const { item, staleNote } of changed) {
        rows.update('work_items', item.id, { status: item.status, rung: item.rung });
        if (staleNote) rows.update('assignments', item.id, { ack_note: null });
      }
    });
  },

  'work.deleteImpact': (db, { itemId }) => impact(db, itemId).impact,

  'work.delete': (db, { itemId }) => {
    const { item, impact: what } = impact(db, itemId);
    const freed =
      what.stories.length > 0
        ? `; its ${what.stories.length === 1 ? 'story stays' : `${what.stories.length} stories stay`} in the backlog`
        : '';
    return record(db, `${getQuarter(db, item.quarterId).name}: deleted the ${item.kind} '${item.title}'${freed}`, (rows) => {
      for (const s of what.stories) {
        rows.remove('assignments', s.id);
        rows.update('work_items', s.id, { parent_id: null });
      }
      rows.remove('assignments', item.id);
      rows.remove('work_items', item.id);
    });
  },
};
