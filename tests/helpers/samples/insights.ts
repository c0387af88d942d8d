import type { insightsContract } from '../../../shared/contract/insights.ts';
import type { SamplesOf } from '../channel-samples.ts';
import { ids } from './ids.ts';

export const insightsSamples: SamplesOf<typeof insightsContract> = {
  'map.get': () => ({}),
  'insights.growthTrail': (db) => ({ engineerId: ids(db).junior }),
};
