import { type ColumnMove, type CompetencyMap, cellOf, delegateText, mapOf, moveFrom } from './competency-map.ts';
import { fit, whoReviews } from './fit.ts';
import { type EngineerGaps, type GapKind, ownRungLabel } from './gaps.ts';
import { type Ladder, type Rank, type Touchpoint, levelName } from './ladder.ts';
import type { Engineer, WorkItem } from './schemas.ts';
import { pts } from './load.ts';
import { type NameOf, plainName } from './namesakes.ts';
import { withArticle } from './words.ts';

// The coaching agenda (PRODUCT.md, "Coaching agenda"): "if you can't yet delegate at the level
// someone is supposed to be, that gap is the coaching agenda". So it holds what a lead coaches:
// every stretch (with who closes it with review), every overreach (a kept one with the lead's
// plan for it), work missing at their own rung, only below-level work, and load; each naming
// its items, and the map's cells at the engineer's level for the touchpoints those items carry.
// One function builds it; the screen and the Markdown download only render it, so they say the same.
// The map's words come from the map data, never retyped here.

/** A stretch is growth to coach whether or not someone reviews it, so the reviewed ones are listed too. */
export type AgendaKind = GapKind | 'stretch_reviewed';

export type AgendaPoint = {
  kind: AgendaKind;
  /** What the point is, in a few words: "Stretch, reviewed by Sofia Lindqvist", "DRI of no Mid-rung initiative". */
  label: string;
  /** The items it is about, named on the line. */
  items: readonly WorkItem[];
  /** What else is true that the label and items do not say: the note an overreach was kept with, the load against capacity. */
  detail: string | null;
  /** An overreach the lead kept on purpose: listed, muted. */
  muted: boolean;
};

/** The map's cell for one touchpoint at the engineer's level, and the agenda's items that carry it. */
export type AgendaCell = { touchpoint: Touchpoint; text: string; items: WorkItem[] };

export type AgendaEntry = {
  engineer: Engineer;
  /** How the agenda names them: their name, or a namesake's label. */
  name: string;
  points: AgendaPoint[];
  /** Touchpoint × their level, for the touchpoints of the items above, in the map's row order. */
  cells: AgendaCell[];
  /** "What You Can Delegate at Each Level", their level's bullet. */
  delegate: string;
  /** "Reading Your Own Column", the move from their level. */
  move: ColumnMove;
};

/** "Mid-rung initiative": how an item is named beside its title on the agenda. */
export const rungAndKind = (ladder: Ladder, item: WorkItem): string => `${levelName(ladder, item.rung)}-rung ${item.kind}`;

// The order a 1:1 goes through them: work past their level first, then what is missing, then load.
const ORDER: readonly AgendaKind[] = [
  'overreach',
  'stretch_without_reviewer',
  'stretch_reviewed',
  'no_own_rung',
  'only_below_level',
  'over_capacity',
  'no_load',
];

/** One engineer's points: their gaps, plus the stretches someone already reviews. */
function pointsOf(
  ladder: Ladder,
  { engineer, items, gaps, load }: EngineerGaps,
  reviewerName: (id: number) => string | undefined,
): AgendaPoint[] {
  const fromGaps = gaps.map((g): AgendaPoint => {
    const item = g.items[0];
    switch (g.kind) {
      case 'overreach':
        return {
          kind: g.kind,
          label: g.acknowledged ? 'Overreach, kept on purpose' : 'Overreach',
          items: g.items,
          detail: g.acknowledged && item?.assignment?.ackNote ? `note: ${item.assignment.ackNote}` : null,
          muted: g.acknowledged,
        };
      case 'stretch_without_reviewer':
        return { kind: g.kind, label: 'Stretch, needs a reviewer', items: g.items, detail: null, muted: false };
      case 'no_own_rung':
        return { kind: g.kind, label: ownRungLabel(ladder, engineer.level, items), items: g.items, detail: null, muted: false };
      case 'only_below_level':
        return { kind: g.kind, label: g.label, items: g.items, detail: null, muted: false };
      case 'over_capacity':
        // The items are named beside the label already; the detail adds only the figures.
        return {
          kind: g.kind,
          label: g.label,
          items: g.items,
          detail: `${pts(load.points)} against a capacity of ${engineer.capacity ?? 0}`,
          muted: false,
        };
      case 'no_load':
        return { kind: g.kind, label: g.label, items: g.items, detail: g.message, muted: false };
    }
  });
  const reviewed = items.flatMap((item): AgendaPoint[] => {
    const a = item.assignment;
    if (!a || fit(item.rung, engineer.level).kind !== 'stretch') return [];
    const name = a.reviewerId !== null ? (reviewerName(a.reviewerId) ?? 'a reviewer no longer on the roster') : null;
    const who = whoReviews(name, a.leadReviews);
    return who === null
      ? []
      : [{ kind: 'stretch_reviewed', label: `Stretch, reviewed by ${who}`, items: [item], detail: null, muted: false }];
  });
  const rank = (p: AgendaPoint) => ORDER.indexOf(p.kind) * 2 + Number(p.muted);
  return [...fromGaps, ...reviewed].toSorted((a, b) => rank(a) - rank(b));
}

/** The map's cells at `level` for every touchpoint the points' items carry. */
function cellsOf(points: readonly AgendaPoint[], level: Rank, map: CompetencyMap): AgendaCell[] {
  const items = [...new Map(points.flatMap((p) => p.items).map((i) => [i.id, i])).values()];
  return map.rows.flatMap(({ touchpoint }) => {
    const carrying = items.filter((i) => i.touchpoints.includes(touchpoint));
    return carrying.length === 0 ? [] : [{ touchpoint, text: cellOf(map, touchpoint, level), items: carrying }];
  });
}

/**
 * Every engineer with something to coach, in the order the gaps list them (most senior first).
 * `nameOf` names each engineer and reviewer as the screens do (a namesake's label).
 */
export function coachingAgenda(
  perEngineer: readonly EngineerGaps[],
  engineers: readonly Engineer[],
  ladder: Ladder,
  nameOf: NameOf = plainName,
): AgendaEntry[] {
  const map = mapOf(ladder);
  const names = new Map(engineers.map((e) => [e.id, nameOf(e)]));
  return perEngineer.flatMap((e): AgendaEntry[] => {
    const points = pointsOf(ladder, e, (id) => names.get(id));
    if (points.length === 0) return [];
    const level = e.engineer.level;
    return [
      {
        engineer: e.engineer,
        name: nameOf(e.engineer),
        points,
        cells: cellsOf(points, level, map),
        delegate: delegateText(map, level),
        move: moveFrom(map, level),
      },
    ];
  });
}

/** The sentence a point reads as, beside its label: its items, then its detail. */
export function pointText(ladder: Ladder, p: AgendaPoint): string {
  const items = p.items.map((i) => `'${i.title}' (${rungAndKind(ladder, i)})`).join(', ');
  return [items, p.detail].filter((s) => s !== null && s !== '').join('; ');
}

/** Headings both renderings use. */
export const agendaHeadings = (ladder: Ladder, level: Rank) => ({
  cells: `What the map says ${withArticle(levelName(ladder, level))} does at these touchpoints`,
  delegate: `What you can delegate to ${withArticle(levelName(ladder, level))}`,
});

/** The agenda as Markdown for 1:1s: one section per engineer, the same entries the screen shows. */
export function agendaMarkdown(entries: readonly AgendaEntry[], quarterName: string, ladder: Ladder): string {
  const out = [`# Coaching agenda, ${quarterName}`, '', `> ${ladder.coachingLine}`, ''];
  for (const { engineer, name, points, cells, delegate, move } of entries) {
    const headings = agendaHeadings(ladder, engineer.level);
    out.push(`## ${name} (${levelName(ladder, engineer.level)})`, '', '### To coach', '');
    for (const p of points) {
      const text = pointText(ladder, p);
      out.push(`- **${p.label}**${text ? `: ${text}` : ''}`);
    }
    if (cells.length > 0) {
      out.push('', `### ${headings.cells}`, '');
      for (const c of cells) out.push(`- **${c.touchpoint}**: ${c.text} (${c.items.map((i) => `'${i.title}'`).join(', ')})`);
    }
    out.push('', `### ${headings.delegate}`, '', delegate, '', `### The next move: ${move.label}`, '', move.text, '');
  }
  if (entries.length === 0) out.push('Nothing to coach this quarter: no stretch, no overreach, no delegation gap.', '');
  return out.join('\n');
}
