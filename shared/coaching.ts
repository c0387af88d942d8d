import { type ColumnMove, type CompetencyMap, delegateText, moveFrom } from './competency-map.ts';
import { type EngineerGaps, GAP_LABEL, type Gap } from './gaps.ts';
import { levelName } from './ladder.ts';
import type { Engineer } from './schemas.ts';

// The coaching agenda (PRODUCT.md, "Coaching agenda"): for each engineer with a gap, the concrete
// items, what the map says a lead can delegate at their level, and the move to the next level.
// The map's words come from the map data, never retyped here.

export type AgendaEntry = {
  engineer: Engineer;
  gaps: Gap[];
  /** "What You Can Delegate at Each Level", their level's bullet. */
  delegate: string;
  /** "Reading Your Own Column", the move from their level. */
  move: ColumnMove;
};

/** Engineers with at least one gap (an acknowledged overreach alone is not an agenda item). */
export function coachingAgenda(perEngineer: readonly EngineerGaps[], map: CompetencyMap): AgendaEntry[] {
  return perEngineer
    .filter((e) => e.gaps.some((g) => !g.acknowledged))
    .map((e) => ({
      engineer: e.engineer,
      gaps: e.gaps,
      delegate: delegateText(map, e.engineer.level),
      move: moveFrom(map, e.engineer.level),
    }));
}

/** The agenda as Markdown for 1:1s: one section per engineer. */
export function agendaMarkdown(entries: readonly AgendaEntry[], quarterName: string, map: CompetencyMap): string {
  const out = [`# Coaching agenda, ${quarterName}`, '', `> ${map.coachingLine}`, ''];
  for (const { engineer, gaps, delegate, move } of entries) {
    const level = levelName(engineer.level);
    out.push(`## ${engineer.name} (${level})`, '', '### Gaps', '');
    for (const g of gaps) {
      out.push(`- **${GAP_LABEL[g.kind]}${g.acknowledged ? ' (kept on purpose)' : ''}**: ${g.message}`);
    }
    out.push('', `### What you can delegate to a ${level}`, '', delegate, '', `### The next move: ${move.label}`, '', move.text, '');
  }
  if (entries.length === 0) out.push('No delegation gaps this quarter.', '');
  return out.join('\n');
}
