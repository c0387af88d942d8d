import { z } from 'zod';
import { Engineer, Id, LevelChange, Mutation, Name, Points, RankSchema } from '../schemas.ts';
import { channel } from './channel.ts';

// The roster: teams, engineers and their promotion history. Shared by every quarter.

/** The editable fields of an engineer, as the form and the IPC request both check them (the employee id comes from HR, by import). */
export const EngineerFields = Engineer.omit({ id: true, employeeId: true });
export type EngineerFields = z.infer<typeof EngineerFields>;

/** What deleting or deactivating someone would do, said before the lead confirms. */
export const EngineerImpact = z.object({
  engineer: Engineer,
  /** Items they are DRI or owner of, in any quarter: these return to the backlog. */
  items: z.array(z.object({ id: Id, title: z.string(), kind: z.enum(['initiative', 'story']), quarter: z.string() })),
  /** Items they review: those assignments lose their reviewer. */
  reviews: z.int(),
  levelChanges: z.int(),
});
export type EngineerImpact = z.infer<typeof EngineerImpact>;

export const rosterContract = {
  'teams.create': channel({ request: z.strictObject({ name: Name }), response: Mutation, mutates: true }),
  'teams.rename': channel({ request: z.strictObject({ teamId: Id, name: Name }), response: Mutation, mutates: true }),
  /** Only an empty team can go: its engineers would have nowhere to be. */
  'teams.delete': channel({ request: z.strictObject({ teamId: Id }), response: Mutation, mutates: true }),

  'engineers.create': channel({
    request: z.strictObject({
      name: Name,
      level: RankSchema,
      teamId: Id,
      capacity: Points.nullable().default(null),
      active: z.boolean().default(true),
      /** The day they joined at this level; today when left out. */
      changedOn: z.iso.date().optional(),
    }),
    response: Mutation,
    mutates: true,
  }),
  /**
   * Change any field; a new level is recorded with its date (a promotion), and every fit follows.
   * Deactivating someone returns their items to the backlog and clears them as reviewer, in the
   * same change; reactivating does not give the work back.
   */
  'engineers.update': channel({
    request: z
      .strictObject({
        engineerId: Id,
        name: Name.optional(),
        level: RankSchema.optional(),
        /**
         * The level the lead saw when asking for the change. Required with `level`: when the
         * engineer no longer holds it (a second click, another window), the change is refused.
         */
        fromLevel: RankSchema.optional(),
        teamId: Id.optional(),
        capacity: Points.nullable().optional(),
        active: z.boolean().optional(),
        /** The day a new level takes effect; today when left out. */
        changedOn: z.iso.date().optional(),
      })
      .refine((r) => r.level === undefined || r.fromLevel !== undefined, {
        path: ['fromLevel'],
        message: 'Say which level this changes from',
      }),
    response: Mutation,
    mutates: true,
  }),
  /**
   * Deactivate someone and hand their work, in every quarter, to one active engineer (each item
   * as a drop on their lane) or, with null, to the backlog; the reviews they did are cleared. One change.
   */
  'engineers.deactivate': channel({
    request: z.strictObject({ engineerId: Id, handTo: Id.nullable() }),
    response: Mutation,
    mutates: true,
  }),
  'engineers.deleteImpact': channel({ request: z.strictObject({ engineerId: Id }), response: EngineerImpact, mutates: false }),
  /** Their work returns to the backlog in the same change; undo brings both back. */
  'engineers.delete': channel({ request: z.strictObject({ engineerId: Id }), response: Mutation, mutates: true }),
  /**
   * A first run: fill an empty roster (no team, no engineer, no work in any quarter) with the demo
   * team, its plan in the given quarter, as one change that undo takes back.
   */
  'roster.openDemo': channel({ request: z.strictObject({ quarterId: Id }), response: Mutation, mutates: true }),
  'engineers.levelHistory': channel({ request: z.strictObject({ engineerId: Id }), response: z.array(LevelChange), mutates: false }),
};
