import { dayText, quarterStartFromName } from '../../shared/calendar.ts';
import type { quartersContract } from '../../shared/contract/quarters.ts';
import { RungsError } from '../../shared/errors.ts';
import type { WorkItem } from '../../shared/schemas.ts';
import { plural } from '../../shared/words.ts';
import type { Db } from '../store/db.ts';
import { getQuarter, getWorkItems } from '../store/queries.ts';
import { toDb } from '../store/rows.ts';
import { type Handlers, record } from './types.ts';
import { nextSortKey } from './work.ts';
import { plucked, prepared } from '../store/statements.ts';

function refuseDuplicate(db: Db, name: string, except = 0) {
  const other = prepared<[string, number], { name: string }>(db, 'SELECT name FROM quarters WHERE name = ? COLLATE NOCASE AND id != ?').get(
    name,
    except,
  );
  if (other) throw new RungsError('conflict', `There is already a quarter called ${other.name}.`);
}

export const quartersHandlers: Handlers<typeof quartersContract> = {
  'quarters.create': (db, { name, startsOn }) => {
    refuseDuplicate(db, name);
    let quarterId = 0;
    const start = startsOn ?? quarterStartFromName(name);
    const m = record(db, `Added the quarter ${name}${start ? ` (from ${dayText(start)})` : ''}`, (rows) => {
      quarterId = rows.insert('quarters', { name, starts_on: start });
    });
    return { ...m, quarterId };
  },

  'quarters.rename': (db, { quarterId, name }) => {
    const q = getQuarter(db, quarterId);
    refuseDuplicate(db, name, quarterId);
    return record(db, `Renamed the quarter ${q.name} to ${name}`, (rows) => rows.update('quarters', quarterId, { name }));
  },

  'quarters.delete': (db, { quarterId }) => {
    const q = getQuarter(db, quarterId);
    const count = (sql: string) => plucked<[number], number>(db, sql).get(quarterId)!;
    const items = count('SELECT count(*) FROM work_items WHERE quarter_id = ?');
    if (items > 0) throw new RungsError('conflict', `${q.name} holds ${plural(items, 'work item')}; delete or move them first.`);
    const carried = count('SELECT count(*) FROM work_items WHERE carried_from_quarter_id = ?');
    if (carried > 0)
      throw new RungsError(
        'conflict',
        `${q.name} is where ${plural(carried, 'work item')} of other quarters came from; it stays while they do.`,
      );
    if (count('SELECT count(*) FROM quarters WHERE id != ?') === 0)
      throw new RungsError('conflict', `${q.name} is the only quarter; create the next one before deleting it.`);
    return record(db, `Deleted the quarter ${q.name}`, (rows) => void rows.remove('quarters', quarterId));
  },

  /**
   * What is not done moves on with its people: DRIs, owners and reviewers come along when they are
   * still active. Items already in the target (same kind and title) are skipped, so copying twice
   * does not double the plan. A story whose initiative is done comes along without a parent.
   * Each copy remembers the quarter it came from. An overreach kept there with a note arrives as an
   * open warning: the note was about that quarter, so the copy keeps it aside (shown on the
   * warning) instead of muting the warning with it.
   */
  'quarters.copyUnfinished': (db, { fromQuarterId, toQuarterId }) => {
    const from = getQuarter(db, fromQuarterId);
    const to = getQuarter(db, toQuarterId);
    if (from.id === to.id) throw new RungsError('conflict', 'Pick another quarter to copy into.');
    const keyOf = (i: { kind: string; title: string }) => `${i.kind}\u0000${i.title.toLowerCase()}`;
    const targetItems = getWorkItems(db, to.id);
    const there = new Map(targetItems.map((i) => [keyOf(i), i.id]));
    const active = new Set(plucked<[], number>(db, 'SELECT id FROM engineers WHERE active = 1').all());
    const unfinished = getWorkItems(db, from.id).filter((i) => i.status !== 'done');
    const ordered = [...unfinished.filter((i) => i.kind === 'initiative'), ...unfinished.filter((i) => i.kind === 'story')];
    const toCopy = ordered.filter((i) => !there.has(keyOf(i)));
    const skipped = ordered.length - toCopy.length;
    const keeps = (i: WorkItem) => !!i.assignment?.ackNote && active.has(i.assignment.engineerId);
    const reopened = toCopy.filter(keeps).length;
    const summary = `Copied ${plural(toCopy.length, 'unfinished item')} of ${from.name} into ${to.name}${skipped ? ` (${skipped} already there)` : ''}${reopened ? `; ${reopened === 1 ? 'an overreach kept there is an open warning' : `${reopened} overreaches kept there are open warnings`} again` : ''}`;
    // An initiative already in the target still takes its stories in.
    const newId = new Map<number, number>(
      unfinished.filter((i) => i.kind === 'initiative' && there.has(keyOf(i))).map((i) => [i.id, there.get(keyOf(i))!]),
    );
    // A story is its initiative's team's work there too, whatever team the initiative has in the target.
    const teamThere = new Map(targetItems.map((i) => [i.id, i.teamId]));
    // A copy keeps its tracker key, so next quarter's export updates it; unless the target already
    // holds an item with that key (imported there first), which the key then stays with.
    const keysIn = (quarterId: number) =>
      prepared<[number], { id: number; external_key: string }>(
        db,
        'SELECT id, external_key FROM work_items WHERE quarter_id = ? AND external_key IS NOT NULL',
      ).all(quarterId);
    const keyOfItem = new Map(keysIn(from.id).map((r) => [r.id, r.external_key]));
    const keysThere = new Set(keysIn(to.id).map((r) => r.external_key));
    const m = record(db, summary, (rows) => {
      let sortKey = nextSortKey(db, to.id);
      for (const item of toCopy) {
        const parentId = item.parentId !== null ? (newId.get(item.parentId) ?? null) : null;
        const { id: _id, assignment, ...fields } = item;
        const teamId = parentId !== null ? teamThere.get(parentId)! : item.teamId;
        const id = rows.insert('work_items', {
          ...toDb.workItem({
            ...fields,
            parentId,
            quarterId: to.id,
            sortKey,
            teamId,
            carriedFromQuarterId: from.id,
            carriedAckNote: keeps(item) ? item.assignment!.ackNote : null,
          }),
          external_key: keysThere.has(keyOfItem.get(item.id) ?? '') ? null : (keyOfItem.get(item.id) ?? null),
        });
        sortKey += 1024;
        newId.set(item.id, id);
        teamThere.set(id, teamId);
        if (assignment && active.has(assignment.engineerId)) {
          const reviewerId = assignment.reviewerId !== null && active.has(assignment.reviewerId) ? assignment.reviewerId : null;
          rows.insert('assignments', toDb.assignment(id, { ...assignment, reviewerId, ackNote: null }));
        }
      }
    });
    return { ...m, copied: toCopy.length, skipped };
  },
};
