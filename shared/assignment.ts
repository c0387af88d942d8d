import { canReview, fit } from './fit.ts';
import { type Ladder, type Rank, levelName } from './ladder.ts';
import type { Assignment } from './schemas.ts';

// The rules an assignment holds whichever path wrote it: a drop, a reviewer picked, a note kept,
// a level changed, a file imported. The handlers refuse (or clear) with these functions and the
// tests check every stored assignment against them, so a rule is stated once and holds everywhere.

/** What the rules need to know about a person on an assignment. */
export type Person = { id: number; name: string; level: Rank; active: boolean };

/** One assignment with the people on it, as the rules read it. */
export type AssignmentFacts = {
  title: string;
  rung: Rank;
  assignee: Person;
  reviewer: Person | null;
  ackNote: string | null;
};

export type Breach = 'assignee_inactive' | 'reviewer_inactive' | 'reviewer_is_assignee' | 'reviewer_not_above' | 'ack_not_overreach';

/** A broken rule, with the sentence a lead reads. */
export type Problem = { breach: Breach; message: string };

/** Only active engineers take work: an inactive one has left the board's lanes. */
export function assigneeProblem(assignee: Person): Problem | null {
  if (assignee.active) return null;
  return { breach: 'assignee_inactive', message: `${assignee.name} is inactive; reactivate them on the roster to give them work.` };
}

/**
 * A stretch is closed with review by "an engineer at least one level above" the one doing the
 * work: someone else, still on the board, higher on the ladder.
 */
export function reviewerProblem(reviewer: Person, assignee: Person, ladder?: Ladder): Problem | null {
  if (reviewer.id === assignee.id) {
    return {
      breach: 'reviewer_is_assignee',
      message: `${reviewer.name} cannot review their own work: a reviewer is someone else, at least one level above.`,
    };
  }
  if (!reviewer.active) {
    return { breach: 'reviewer_inactive', message: `${reviewer.name} is inactive; an inactive engineer reviews nothing.` };
  }
  if (!canReview(reviewer.level, assignee.level)) {
    return {
      breach: 'reviewer_not_above',
      message: ladder
        ? `${reviewer.name} (${levelName(ladder, reviewer.level)}) cannot review ${assignee.name} (${levelName(ladder, assignee.level)}): a reviewer is at least one level above.`
        : `${reviewer.name} cannot review ${assignee.name}: a reviewer is at least one level above.`,
    };
  }
  return null;
}

/** The lead keeps an overreach with a note; on anything nearer there is nothing to acknowledge. */
export function ackProblem(title: string, rung: Rank, assignee: Person): Problem | null {
  if (fit(rung, assignee.level).kind === 'overreach') return null;
  return { breach: 'ack_not_overreach', message: `'${title}' is not an overreach for ${assignee.name}; there is nothing to acknowledge.` };
}

/**
 * The assignment after a move onto `engineer`: one per item (a new DRI or owner replaces the old),
 * the reviewer kept only if they can still review the new assignee, and the acknowledgement dropped
 * (it was a note about the old one). The handler writes it; the board shows it before the reply.
 */
export function assignmentAfterMove(current: Assignment | null, engineer: Person, reviewer: Person | null): Assignment {
  const keepReviewer = reviewer !== null && reviewerProblem(reviewer, engineer) === null;
  return {
    engineerId: engineer.id,
    reviewerId: keepReviewer ? reviewer.id : null,
    leadReviews: current?.leadReviews ?? false,
    ackNote: null,
  };
}

/** Every rule the assignment breaks; empty when it holds them all. */
export function assignmentProblems(a: AssignmentFacts, ladder?: Ladder): Problem[] {
  return [
    assigneeProblem(a.assignee),
    a.reviewer ? reviewerProblem(a.reviewer, a.assignee, ladder) : null,
    a.ackNote !== null ? ackProblem(a.title, a.rung, a.assignee) : null,
  ].filter((p) => p !== null);
}

/** What a level change takes off an assignment so that it still holds the rules. */
export type Cleared = { itemId: number; title: string; reviewer: Person | null; ackNote: boolean };

/**
 * A level change moves the person on every assignment they carry or review. A reviewer no longer
 * above the assignee (the reviewer went down, or the assignee up) stops reviewing; a note kept on
 * an overreach that is one no more is withdrawn. Everything else stays as it was. Several people
 * may change at once (a roster import): each assignment is judged with everyone's new level.
 */
export function clearedByLevelChanges(
  levels: ReadonlyMap<number, Rank>,
  assignments: readonly (AssignmentFacts & { itemId: number })[],
): Cleared[] {
  const moved = (p: Person): Person => {
    const level = levels.get(p.id);
    return level === undefined ? p : { ...p, level };
  };
  const out: Cleared[] = [];
  for (const a of assignments) {
    const assignee = moved(a.assignee);
    const reviewer = a.reviewer ? moved(a.reviewer) : null;
    const dropReviewer = reviewer !== null && reviewerProblem(reviewer, assignee) !== null;
    const dropNote = a.ackNote !== null && ackProblem(a.title, a.rung, assignee) !== null;
    if (dropReviewer || dropNote)
      out.push({ itemId: a.itemId, title: a.title, reviewer: dropReviewer ? a.reviewer : null, ackNote: dropNote });
  }
  return out;
}

const SAID = 5;

/** The clearing in words, for the change's summary; null when nothing was cleared. */
export function clearedSentence(cleared: readonly Cleared[]): string | null {
  if (cleared.length === 0) return null;
  const parts = cleared.map((c) =>
    [
      c.reviewer && `cleared ${c.reviewer.name} as reviewer of '${c.title}'`,
      c.ackNote && `withdrew the acknowledgement of '${c.title}', an overreach no more`,
    ]
      .filter(Boolean)
      .join(' and '),
  );
  return parts.slice(0, SAID).join('; ') + (parts.length > SAID ? `; and ${parts.length - SAID} more` : '');
}
