import { z } from 'zod';
import { Id, Mutation, Name } from '../schemas.ts';
import { channel } from './channel.ts';

// Quarters: the roster is shared, each quarter has its own plan. The list of quarters comes with the board's snapshot.
export const quartersContract = {
  'quarters.create': channel({
    request: z.strictObject({
      name: Name,
      /** Its first day; read from a name like "2027 Q1" when left out. */
      startsOn: z.iso.date().optional(),
    }),
    response: Mutation.extend({ quarterId: Id }),
    mutates: true,
  }),
  'quarters.rename': channel({ request: z.strictObject({ quarterId: Id, name: Name }), response: Mutation, mutates: true }),
  /** Only an empty quarter goes (and never the last one): a plan is never deleted with it. */
  'quarters.delete': channel({ request: z.strictObject({ quarterId: Id }), response: Mutation, mutates: true }),
  /** Copy what is not done (with its DRIs, owners and reviewers) into another quarter. */
  'quarters.copyUnfinished': channel({
    request: z.strictObject({ fromQuarterId: Id, toQuarterId: Id }),
    response: Mutation.extend({ copied: z.int(), skipped: z.int() }),
    mutates: true,
  }),
};
