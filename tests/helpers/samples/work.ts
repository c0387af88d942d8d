import type { workContract } from '../../../shared/contract/work.ts';
import type { SamplesOf } from '../channel-samples.ts';
import { ids } from './ids.ts';

const titleOf = (db: Parameters<typeof ids>[0], id: number) =>
  db.prepare('SELECT title FROM work_items WHERE id = ?').pluck().get(id) as string;

export const workSamples: SamplesOf<typeof workContract> = {
  'work.create': (db) => ({ quarterId: ids(db).quarter, kind: 'story', title: 'Retry failed card payments' }),
  'work.update': (db) => ({ itemId: ids(db).stretch, title: titleOf(db, ids(db).stretch) }),
  'work.updateMany': (db) => ({ itemIds: [ids(db).stretch, ids(db).backlogStory], status: 'in_progress' }),
  'work.deleteImpact': (db) => ({ itemId: ids(db).stretch }),
  'work.delete': (db) => ({ itemId: ids(db).backlogStory }),
};
