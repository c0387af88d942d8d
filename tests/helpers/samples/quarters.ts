import type { quartersContract } from '../../../shared/contract/quarters.ts';
import type { SamplesOf } from '../channel-samples.ts';
import { ids } from './ids.ts';

export const quartersSamples: SamplesOf<typeof quartersContract> = {
  'quarters.create': () => ({ name: '2031 Q1' }),
  'quarters.rename': (db) => ({ quarterId: ids(db).quarter, name: 'This quarter' }),
  'quarters.delete': (db) => ({ quarterId: ids(db).quarter }),
  'quarters.copyUnfinished': (db) => ({ fromQuarterId: ids(db).quarter, toQuarterId: ids(db).quarter }),
};
