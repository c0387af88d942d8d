import { type Ladder, MAX_LEVELS, type Rank, levelName } from './ladder.ts';

// The fit of a piece of work on an engineer: gap = rung - level (PRODUCT.md, "Fit").
// Both the main process (warnings, insights) and the renderer (lanes while dragging)
// call these functions, so the board and the insights can never disagree.

export type FitKind = 'in_reach' | 'stretch' | 'overreach';

export type Fit = {
  kind: FitKind;
  /** rung - level; negative when the work is below the engineer's level. */
  gap: number;
  /** gap <= -2: noted as an insight, never a warning. */
  belowLevel: boolean;
};

function fitOfGap(gap: number): Fit {
  const kind: FitKind = gap <= 0 ? 'in_reach' : gap === 1 ? 'stretch' : 'overreach';
  return Object.freeze({ kind, gap, belowLevel: gap <= -2 });
}

/**
 * A fit depends on the gap alone, and a ladder of at most MAX_LEVELS levels has 2 × MAX_LEVELS − 1
 * gaps: each is made once and shared (frozen), since the board, the gaps and the warnings ask for
 * tens of thousands a change.
 */
const FITS = Array.from({ length: 2 * MAX_LEVELS - 1 }, (_, i) => fitOfGap(i - (MAX_LEVELS - 1)));

export function fit(rung: Rank, level: Rank): Fit {
  const gap = rung - level;
  return FITS[gap + MAX_LEVELS - 1] ?? fitOfGap(gap);
}

export const FIT_LABEL: Record<FitKind, string> = {
  in_reach: 'In reach',
  stretch: 'Stretch',
  overreach: 'Overreach',
};

/** One sentence for cards, notices and screen readers. */
export function describeFit(f: Fit): string {
  switch (f.kind) {
    case 'in_reach':
      return f.belowLevel ? `in reach, ${-f.gap} rungs below their level` : 'in reach';
    case 'stretch':
      return 'stretch, one rung past, needs a reviewer';
    case 'overreach':
      return `overreach, ${f.gap} rungs past their level`;
  }
}

/**
 * A stretch is closed with review by "an engineer at least one level above, or the lead".
 * Above whom? Above the engineer doing the work.
 */
export const canReview = (reviewerLevel: Rank, assigneeLevel: Rank): boolean => reviewerLevel > assigneeLevel;

/** Who closes a stretch with review, in words: the reviewing engineer's name, else the lead, else nobody (null). */
export const whoReviews = (reviewerName: string | null | undefined, leadReviews: boolean): string | null =>
  reviewerName ?? (leadReviews ? 'the lead' : null);

export const fitSentence = (ladder: Ladder, title: string, rung: Rank, name: string, level: Rank): string =>
  `'${title}' (${levelName(ladder, rung)} rung) on ${name}, ${levelName(ladder, level)}: ${describeFit(fit(rung, level))}`;
