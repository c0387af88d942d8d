import type { boardContract } from '../../../shared/contract/board.ts';
import type { SamplesOf } from '../channel-samples.ts';
import { ids } from './ids.ts';

export const boardSamples: SamplesOf<typeof boardContract> = {
  'board.snapshot': (db) => ({ quarterId: ids(db).quarter }),
  'plan.assign': (db) => ({ itemId: ids(db).backlogStory, engineerId: ids(db).junior }),
  'plan.assignMany': (db) => ({
    moves: [
      { itemId: ids(db).backlogStory, engineerId: ids(db).junior },
      { itemId: ids(db).stretch, engineerId: null },
    ],
  }),
  'plan.setReviewer': (db) => ({ itemId: ids(db).stretch, reviewerId: ids(db).senior, leadReviews: false }),
  'plan.acknowledge': (db) => ({ itemId: ids(db).overreach, note: 'Leo pairs with Omar on this' }),
  'history.undo': () => ({}),
  'history.redo': () => ({}),
  'history.list': () => ({ limit: 10 }),
  'history.forItem': (db) => ({ itemId: ids(db).stretch, limit: 10 }),
};
