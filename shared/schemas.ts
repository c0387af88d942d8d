import { z } from 'zod';
import { Ladder, LevelNameSchema, RankSchema, STATUSES } from './ladder.ts';

export { RankSchema } from './ladder.ts';

// Entity schemas shared by the IPC contract, the forms and the importers.
// Requests are strict objects: an unknown key (including __proto__) is refused, not ignored.

export const LIMITS = { name: 120, title: 200, description: 5000, note: 1000, points: 1000 } as const;

export const Id = z
  .int()
  .positive()
  .max(2 ** 31 - 1);
export const Name = z.string().trim().min(1, 'Enter a name').max(LIMITS.name, `At most ${LIMITS.name} characters`);
export const Title = z.string().trim().min(1, 'Enter a title').max(LIMITS.title, `At most ${LIMITS.title} characters`);
export const Description = z.string().max(LIMITS.description, `At most ${LIMITS.description} characters`);
export const Note = z.string().trim().min(1, 'Write a note').max(LIMITS.note, `At most ${LIMITS.note} characters`);
export const Points = z
  .int('Points are a whole number')
  .min(0, 'Points cannot be negative')
  .max(LIMITS.points, `At most ${LIMITS.points} points`);
/** A touchpoint's name on the roster's ladder (handlers check it is one). */
export const TouchpointSchema = LevelNameSchema;
export const StatusSchema = z.enum(STATUSES);
export const KindSchema = z.enum(['initiative', 'story']);

export const Team = z.object({ id: Id, name: Name });
export type Team = z.infer<typeof Team>;

export const Engineer = z.object({
  id: Id,
  name: Name,
  level: RankSchema,
  teamId: Id,
  capacity: Points.nullable(),
  active: z.boolean(),
  /**
   * Their id in the HR system (Employee ID), null when none was imported. Read only: a roster
   * import sets it, and it tells namesakes apart on every screen (namesakes.ts).
   */
  employeeId: z.string().nullable(),
});
export type Engineer = z.infer<typeof Engineer>;

export const LevelChange = z.object({
  id: Id,
  engineerId: Id,
  fromLevel: RankSchema.nullable(),
  toLevel: RankSchema,
  changedOn: z.iso.date(),
});
export type LevelChange = z.infer<typeof LevelChange>;

export const Quarter = z.object({
  id: Id,
  name: Name,
  /** Its first day, which judges its plan by the levels held then (calendar.ts); null when unknown. Older files leave it out. */
  startsOn: z.iso.date().nullable().default(null),
});
export type Quarter = z.infer<typeof Quarter>;

export const Assignment = z.object({
  engineerId: Id,
  /** Closes a stretch: an engineer at least one level above the assignee… */
  reviewerId: Id.nullable(),
  /** …or the lead. */
  leadReviews: z.boolean(),
  /** An overreach the lead chose to keep; it stays listed, muted. */
  ackNote: z.string().nullable(),
});
export type Assignment = z.infer<typeof Assignment>;

export const WorkItem = z.object({
  id: Id,
  kind: KindSchema,
  parentId: Id.nullable(),
  quarterId: Id,
  title: Title,
  description: z.string(),
  rung: RankSchema,
  size: Points.nullable(),
  touchpoints: z.array(TouchpointSchema),
  status: StatusSchema,
  sortKey: z.number(),
  /** The team whose work it is: an initiative's, shared by its stories; optional for a loose story. */
  teamId: Id.nullable(),
  /** Copied from this quarter's unfinished plan. */
  carriedFromQuarterId: Id.nullable(),
  /** The note that kept its overreach in that quarter; shown on the open warning, never kept silently. */
  carriedAckNote: z.string().nullable(),
  assignment: Assignment.nullable(),
});
export type WorkItem = z.infer<typeof WorkItem>;

export const HistoryState = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  undoSummary: z.string().nullable(),
  redoSummary: z.string().nullable(),
});
export type HistoryState = z.infer<typeof HistoryState>;

export const Snapshot = z.object({
  quarter: Quarter,
  /** The day whose levels judge this quarter (calendar.ts judgedOn): `engineers` hold the level they had then. */
  judgedOn: z.iso.date(),
  /** Everyone's dated level changes: the roster's own levels (latest) and any other day's are read from them. */
  levelChanges: z.array(LevelChange),
  quarters: z.array(Quarter),
  teams: z.array(Team),
  engineers: z.array(Engineer),
  items: z.array(WorkItem),
  history: HistoryState,
  /** The roster's ladder: level and rung names, touchpoints and the map's texts. */
  ladder: Ladder,
});
export type Snapshot = z.infer<typeof Snapshot>;

export const Change = z.object({
  id: Id,
  at: z.string(),
  summary: z.string(),
  state: z.enum(['done', 'undone', 'discarded']),
});
export type Change = z.infer<typeof Change>;

/**
 * What a change did to the plan, in domain form: rows written (as they are now) and ids removed,
 * and the undo/redo state after it. The renderer's plan store patches itself from this, so a move
 * is one round trip, not a write and then a fetch of the whole snapshot.
 */
export const Changed = z.object({
  teams: z.array(Team),
  removedTeamIds: z.array(Id),
  /** As the roster stores them (today's level); the store judges them on its quarter's day. */
  engineers: z.array(Engineer),
  removedEngineerIds: z.array(Id),
  levelChanges: z.array(LevelChange),
  removedLevelChangeIds: z.array(Id),
  quarters: z.array(Quarter),
  removedQuarterIds: z.array(Id),
  /** Every item whose row or assignment changed, with its assignment. */
  workItems: z.array(WorkItem),
  removedItemIds: z.array(Id),
  history: HistoryState,
  /** The whole ladder, when the change touched it. */
  ladder: Ladder.optional(),
});
export type Changed = z.infer<typeof Changed>;

/**
 * What every mutation answers: the change it logged, so the UI can name it in undo, and what it
 * changed. No `changed`: nothing changed. `refetch`: too many rows to carry (an import, a restore,
 * the undo of either); the renderer fetches the plan afresh instead.
 */
export const Mutation = z.object({
  changeId: Id.nullable(),
  summary: z.string(),
  changed: Changed.optional(),
  refetch: z.literal(true).optional(),
});
export type Mutation = z.infer<typeof Mutation>;
