import type { RungsDocument } from '../../shared/contract/transfer.ts';
import type { Issue } from '../../shared/errors.ts';
import { type Ladder, isRankOn, levelName } from '../../shared/ladder.ts';

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
  return issues;
}
