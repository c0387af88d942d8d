import { z } from 'zod';
import { Change, Id, Mutation, Note, Snapshot } from '../schemas.ts';
import { channel } from './channel.ts';

export const MAX_MOVES = 5000;

// The board: one quarter's plan, the moves a lead makes on it, and their history.
export const boardContract = {
  'board.snapshot': channel({
    request: z.strictObject({ quarterId: Id.optional() }),
    response: Snapshot,
    mutates: false,
  }),
  /** Drop an item on an engineer (null: back to the backlog). An initiative has one DRI, a story one owner. */
  'plan.assign': channel({
    request: z.strictObject({ itemId: Id, engineerId: Id.nullable() }),
    response: Mutation,
    mutates: true,
  }),
  /**
   * Many drops as one change (a re-plan, a team move): every move follows plan.assign's rules, the
   * whole batch commits or none of it does, and one undo reverts it. No screen sends it yet; the
   * bench does (bench/data.ts, bench/main-thread.ts: the bulk reassign and the host-thread stall).
   */
  'plan.assignMany': channel({
    request: z.strictObject({
      moves: z
        .array(z.strictObject({ itemId: Id, engineerId: Id.nullable() }))
        .min(1, 'Move at least one item')
        .max(MAX_MOVES, `At most ${MAX_MOVES} moves at once`)
        .refine((moves) => new Set(moves.map((m) => m.itemId)).size === moves.length, 'Each item can move only once per request'),
    }),
    response: Mutation,
    mutates: true,
  }),
  /** Close a stretch with review: an engineer at least one level above, or the lead. */
  'plan.setReviewer': channel({
    request: z.strictObject({ itemId: Id, reviewerId: Id.nullable(), leadReviews: z.boolean() }),
    response: Mutation,
    mutates: true,
  }),
  /** Keep an overreach on purpose; null withdraws the acknowledgement. */
  'plan.acknowledge': channel({
    request: z.strictObject({ itemId: Id, note: Note.nullable() }),
    response: Mutation,
    mutates: true,
  }),
  'history.undo': channel({ request: z.strictObject({}), response: Mutation, mutates: true }),
  'history.redo': channel({ request: z.strictObject({}), response: Mutation, mutates: true }),
  'history.list': channel({
    request: z.strictObject({ limit: z.int().min(1).max(1000).default(200) }),
    response: z.array(Change),
    mutates: false,
  }),
  /** The changes that touched one item (its row or its assignment), newest first: a card's own history. */
  'history.forItem': channel({
    request: z.strictObject({ itemId: Id, limit: z.int().min(1).max(200).default(50) }),
    response: z.array(Change),
    mutates: false,
  }),
};
