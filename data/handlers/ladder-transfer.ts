import type { RungsDocument } from '../../shared/contract/transfer.ts';
import type { Issue } from '../../shared/errors.ts';
import { type Ladder, isRankOn, levelName, touchpointNames } from '../../shared/ladder.ts';
import type { Changeset } from '../store/changes.ts';
import type { Db } from '../store/db.ts';
import { plucked } from '../store/statements.ts';

// A document's levels and rungs are positions on a ladder. Before anything is imported, every one
// is checked against the ladder it comes with, each problem naming its row.

export function ladderIssues(doc: RungsDocument, ladder: Ladder): Issue[] {
  const issues: Issue[] = [];
  const names = ladder.levels.map((_, r) => levelName(ladder, r)).join(', ');
  const off = (path: string, what: string, n: number) =>
    issues.push({ path, message: `${what} is at position ${n + 1}, which is not on the ladder (${names})` });
  doc.engineers.forEach((e, i) => isRankOn(ladder, e.level) || off(`engineers[${i}].level`, `${e.name}'s level`, e.level));
  doc.levelChanges.forEach((c, i) => {
    if (!isRankOn(ladder, c.toLevel)) off(`levelChanges[${i}].toLevel`, `level change ${c.id}`, c.toLevel);
    if (c.fromLevel !== null && !isRankOn(ladder, c.fromLevel)) off(`levelChanges[${i}].fromLevel`, `level change ${c.id}`, c.fromLevel);
  });
  const touchpoints = touchpointNames(ladder);
  doc.workItems.forEach((w, i) => {
    const unknown = w.touchpoints.filter((t) => !touchpoints.includes(t));
    if (unknown.length > 0)
      issues.push({
        path: `workItems[${i}].touchpoints`,
        message: `'${w.title}' has touchpoints the ladder does not (${unknown.join(', ')})`,
      });
  });
  return issues;
}

/** An imported document's ladder replaces the roster's, ids kept, as rows of the import's one change. */
export function replaceLadder(db: Db, rows: Changeset, ladder: Ladder): void {
  for (const id of plucked<[], number>(db, 'SELECT id FROM ladder_touchpoints').all()) rows.remove('ladder_touchpoints', id);
  for (const id of plucked<[], number>(db, 'SELECT id FROM ladder_levels').all()) rows.remove('ladder_levels', id);
  rows.update('ladder', 1, {
    delegate_rule: ladder.delegateRule,
    coaching_line: ladder.coachingLine,
    initiative_default: ladder.kinds.initiative.defaultRung,
    initiative_allowed: JSON.stringify(ladder.kinds.initiative.allowed),
    story_default: ladder.kinds.story.defaultRung,
    story_allowed: JSON.stringify(ladder.kinds.story.allowed),
  });
  ladder.levels.forEach((l, position) =>
    rows.insert('ladder_levels', {
      id: l.id,
      position,
      name: l.name,
      code: l.code,
      aliases: JSON.stringify(l.aliases),
      delegate: l.delegate,
      next_move: l.nextMove,
    }),
  );
  ladder.touchpoints.forEach((t, position) =>
    rows.insert('ladder_touchpoints', {
      id: t.id,
      position,
      name: t.name,
      cells: JSON.stringify(Object.fromEntries(ladder.levels.map((l, r) => [l.id, t.cells[r] ?? '']))),
    }),
  );
}
