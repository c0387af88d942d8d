import { engineersOn } from '../../shared/calendar.ts';
import type { Changed, Engineer, LevelChange, Snapshot } from '../../shared/schemas.ts';
import { equalData } from '../board/share.ts';

// A reply's changed rows, applied to the snapshot the renderer holds: the result is the snapshot
// `board.snapshot` would answer now (tests/unit/apply-changes.test.ts holds it to that). Rows
// that did not change keep their identity, so memoized lanes and cards skip rendering.

/** The orders `board.snapshot` reads in (data/queries.ts): SQLite's BINARY collation is code-unit order. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const chronological = (a: LevelChange, b: LevelChange) => a.engineerId - b.engineerId || byText(a.changedOn, b.changedOn) || a.id - b.id;

/** Rows with the changed ones replaced or added and the removed ones dropped; the same array when none is involved. */
function patchRows<T extends { id: number }>(
  rows: readonly T[],
  changed: readonly T[],
  removed: readonly number[],
  order?: (a: T, b: T) => number,
) {
  if (changed.length === 0 && removed.length === 0) return rows as T[];
  const gone = new Set(removed);
  const byId = new Map(changed.map((r) => [r.id, r]));
  const next: T[] = [];
  for (const r of rows) {
    if (gone.has(r.id)) continue;
    const c = byId.get(r.id);
    // A row equal to the one held (an optimistic move the main process confirmed) keeps its identity.
    next.push(c === undefined || equalData(c, r) ? r : c);
    byId.delete(r.id);
  }
  next.push(...byId.values());
  if (order) next.sort(order);
  // Nothing new, nothing gone, nothing different: the very same array, so nothing renders again.
  return next.length === rows.length && next.every((r, i) => r === rows[i]) ? (rows as T[]) : next;
}

/** The level the roster stores: the latest dated change's, or the level itself when there is none. */
function storedLevel(e: Engineer, changes: readonly LevelChange[]): Engineer {
  const last = changes.filter((c) => c.engineerId === e.id).at(-1);
  return last && last.toLevel !== e.level ? { ...e, level: last.toLevel } : e;
}

export function applyChanges(snapshot: Snapshot, changed: Changed): Snapshot {
  const quarterId = snapshot.quarter.id;
  const quarters = patchRows(snapshot.quarters, changed.quarters, changed.removedQuarterIds, (a, b) => a.id - b.id);
  const teams = patchRows(snapshot.teams, changed.teams, changed.removedTeamIds, (a, b) => byText(a.name, b.name) || a.id - b.id);
  const levelChanges = patchRows(snapshot.levelChanges, changed.levelChanges, changed.removedLevelChangeIds, chronological);

  let engineers = snapshot.engineers;
  if (changed.engineers.length || changed.removedEngineerIds.length || levelChanges !== snapshot.levelChanges) {
    // The snapshot's engineers hold the level of its day, and are ordered by the level they hold today.
    const touched = new Set([
      ...changed.engineers.map((e) => e.id),
      ...changed.levelChanges.map((c) => c.engineerId),
      ...snapshot.levelChanges.filter((c) => changed.removedLevelChangeIds.includes(c.id)).map((c) => c.engineerId),
    ]);
    const stored = patchRows(
      snapshot.engineers.map((e) => (touched.has(e.id) ? storedLevel(e, snapshot.levelChanges) : e)),
      changed.engineers,
      changed.removedEngineerIds,
    );
    const today = new Map(stored.map((e) => [e.id, e.level]));
    stored.sort((a, b) => a.teamId - b.teamId || today.get(b.id)! - today.get(a.id)! || byText(a.name, b.name) || a.id - b.id);
    const judged = engineersOn(stored, levelChanges, snapshot.judgedOn);
    const previous = new Map(snapshot.engineers.map((e) => [e.id, e]));
    engineers = judged.map((e) => {
      const old = previous.get(e.id);
      return old && (!touched.has(e.id) || equalData(old, e)) ? old : e;
    });
  }

  // Items of another quarter (or moved to one) are not on this snapshot.
  const here = changed.workItems.filter((i) => i.quarterId === quarterId);
  const away = [...changed.removedItemIds, ...changed.workItems.filter((i) => i.quarterId !== quarterId).map((i) => i.id)];
  const items = patchRows(snapshot.items, here, away, (a, b) => a.sortKey - b.sortKey || a.id - b.id);

  return {
    ...snapshot,
    quarter: quarters.find((q) => q.id === quarterId) ?? snapshot.quarter,
    quarters,
    teams,
    levelChanges,
    engineers,
    items,
    history: changed.history,
    ladder: changed.ladder ?? snapshot.ladder,
  };
}
