import type { Rank, Status, Touchpoint, WorkKind } from '../../shared/ladder.ts';
import type { Assignment, Engineer, LevelChange, Quarter, Team, WorkItem } from '../../shared/schemas.ts';
import type { EngineerFields } from '../../shared/contract/roster.ts';

// Row types as SQLite stores them (snake_case, 0/1 booleans, JSON text), and the one place
// they are converted to and from the domain types the contract speaks.

export type DbTeam = { id: number; name: string };
export type DbEngineer = {
  id: number;
  name: string;
  level: number;
  team_id: number;
  capacity: number | null;
  active: number;
  /** The HR system's id for the person (Employee ID): the domain engineer's employeeId. */
  external_key?: string | null;
};
export type DbLevelChange = { id: number; engineer_id: number; from_level: number | null; to_level: number; changed_on: string };
export type DbQuarter = { id: number; name: string; starts_on: string | null };
export type DbWorkItem = {
  id: number;
  kind: string;
  parent_id: number | null;
  quarter_id: number;
  title: string;
  description: string;
  rung: number;
  size: number | null;
  touchpoints: string;
  status: string;
  sort_key: number;
  team_id: number | null;
  carried_from_quarter_id: number | null;
  carried_ack_note: string | null;
  /** The tracker's key (Jira issue key, Linear ID, GitHub URL); not part of the domain item. */
  external_key?: string | null;
};
export type DbAssignment = {
  item_id: number;
  engineer_id: number;
  reviewer_id: number | null;
  lead_reviews: number;
  ack_note: string | null;
};
/** A work item joined with its assignment (columns prefixed a_). */
export type DbWorkItemRow = DbWorkItem & {
  a_engineer_id: number | null;
  a_reviewer_id: number | null;
  a_lead_reviews: number | null;
  a_ack_note: string | null;
};

export const fromDb = {
  team: (r: DbTeam): Team => ({ id: r.id, name: r.name }),
  quarter: (r: DbQuarter): Quarter => ({ id: r.id, name: r.name, startsOn: r.starts_on }),
  engineer: (r: DbEngineer): Engineer => ({
    id: r.id,
    name: r.name,
    level: r.level as Rank,
    teamId: r.team_id,
    capacity: r.capacity,
    active: r.active === 1,
    employeeId: r.external_key ?? null,
  }),
  levelChange: (r: DbLevelChange): LevelChange => ({
    id: r.id,
    engineerId: r.engineer_id,
    fromLevel: r.from_level as Rank | null,
    toLevel: r.to_level as Rank,
    changedOn: r.changed_on,
  }),
  /** `lists`: touchpoint lists already read, by their JSON, shared by every item of one read (frozen). */
  workItem: (r: DbWorkItemRow, lists?: Map<string, Touchpoint[]>): WorkItem => ({
    id: r.id,
    kind: r.kind as WorkKind,
    parentId: r.parent_id,
    quarterId: r.quarter_id,
    title: r.title,
    description: r.description,
    rung: r.rung as Rank,
    size: r.size,
    touchpoints: lists ? touchpointList(lists, r.touchpoints) : (JSON.parse(r.touchpoints) as Touchpoint[]),
    status: r.status as Status,
    sortKey: r.sort_key,
    teamId: r.team_id,
    carriedFromQuarterId: r.carried_from_quarter_id,
    carriedAckNote: r.carried_ack_note,
    assignment:
      r.a_engineer_id === null
        ? null
        : { engineerId: r.a_engineer_id, reviewerId: r.a_reviewer_id, leadReviews: r.a_lead_reviews === 1, ackNote: r.a_ack_note },
  }),
};

function touchpointList(lists: Map<string, Touchpoint[]>, json: string): Touchpoint[] {
  let list = lists.get(json);
  if (!list) {
    list = Object.freeze(JSON.parse(json) as Touchpoint[]) as Touchpoint[];
    lists.set(json, list);
  }
  return list;
}

export const toDb = {
  /** The editable fields; an import writes `external_key` itself. */
  engineer: (e: EngineerFields): Omit<DbEngineer, 'id'> => ({
    name: e.name,
    level: e.level,
    team_id: e.teamId,
    capacity: e.capacity,
    active: e.active ? 1 : 0,
  }),
  workItem: (w: Omit<WorkItem, 'id' | 'assignment'>): Omit<DbWorkItem, 'id'> => ({
    kind: w.kind,
    parent_id: w.parentId,
    quarter_id: w.quarterId,
    title: w.title,
    description: w.description,
    rung: w.rung,
    size: w.size,
    touchpoints: JSON.stringify(w.touchpoints),
    status: w.status,
    sort_key: w.sortKey,
    team_id: w.teamId,
    carried_from_quarter_id: w.carriedFromQuarterId,
    carried_ack_note: w.carriedAckNote,
  }),
  assignment: (itemId: number, a: Assignment): DbAssignment => ({
    item_id: itemId,
    engineer_id: a.engineerId,
    reviewer_id: a.reviewerId,
    lead_reviews: a.leadReviews ? 1 : 0,
    ack_note: a.ackNote,
  }),
};
