import type { Rank, WorkKind } from '../../shared/ladder.ts';
import type { Assignment, Engineer, WorkItem } from '../../shared/schemas.ts';

// Engineers and work items for the rule tests, built in one line each: the rules read only what
// the sentence under test is about, so everything else takes a plain default.

let nextId = 100;

export const eng = (name: string, level: Rank, extra: Partial<Engineer> = {}): Engineer => ({
  id: nextId++,
  name,
  level,
  teamId: 1,
  capacity: null,
  active: true,
  employeeId: null,
  ...extra,
});

/** A work item of one point in quarter 1, assigned to `on` (or in the backlog); `a` patches its assignment. */
export const item = (
  title: string,
  kind: WorkKind,
  rung: Rank,
  on: Engineer | null,
  extra: Partial<WorkItem> & { a?: Partial<Assignment> } = {},
): WorkItem => {
  const { a, ...rest } = extra;
  return {
    id: nextId++,
    kind,
    parentId: null,
    quarterId: 1,
    title,
    description: '',
    rung,
    size: 1,
    touchpoints: [],
    status: 'planned',
    sortKey: nextId,
    teamId: null,
    carriedFromQuarterId: null,
    carriedAckNote: null,
    assignment: on ? { engineerId: on.id, reviewerId: null, leadReviews: false, ackNote: null, ...a } : null,
    ...rest,
  };
};
