import type { ladderContract } from '../../../shared/contract/ladder.ts';
import type { SamplesOf } from '../channel-samples.ts';

const LADDER_FILE = '| Touchpoint | IC1 | IC2 | IC3 | IC4 |\n|---|---|---|---|---|\n| Build | a | b | c | d |\n';

// The demo roster has the competency map's ladder: levels 1–4 (Intern…Senior), touchpoints 1–7.
export const ladderSamples: SamplesOf<typeof ladderContract> = {
  'ladder.get': () => ({}),
  'ladder.previewImport': () => ({ format: 'markdown', text: LADDER_FILE }),
  'ladder.import': () => ({ format: 'markdown', text: LADDER_FILE }),
  'ladder.levelUse': () => ({ levelId: 3, intoLevelId: 2 }),
  'ladder.updateLevel': () => ({ levelId: 3, name: 'IC3' }),
  'ladder.addLevel': () => ({ name: 'Staff', position: 4 }),
  'ladder.moveLevel': () => ({ levelId: 4, position: 3 }),
  'ladder.moveImpact': () => ({ levelId: 4, position: 1 }),
  'ladder.removeLevel': () => ({ levelId: 1 }),
  'ladder.mergeLevel': () => ({ levelId: 1, intoLevelId: 2 }),
  'ladder.updateTouchpoint': () => ({ touchpointId: 5, name: 'Delivery' }),
  'ladder.addTouchpoint': () => ({ name: 'Operate' }),
  'ladder.moveTouchpoint': () => ({ touchpointId: 7, position: 0 }),
  'ladder.removeTouchpoint': () => ({ touchpointId: 1 }),
  'ladder.setCell': () => ({ touchpointId: 3, levelId: 3, text: 'Frames the problem from the data.' }),
  'ladder.setKind': () => ({ kind: 'initiative', defaultRung: 2, allowed: [1, 2, 3] }),
};
