import type { RungsDocument, RungsDocumentV2 } from './contract/transfer.ts';
import { DEFAULT_LADDER } from './default-ladder.ts';

// A document from before the ladder was data (versions 1 and 2) was written on the competency
// map's ladder: its levels and rungs are positions on that one.
export const withDefaultLadder = (doc: RungsDocumentV2): RungsDocument => ({ ...doc, version: 3, ladder: DEFAULT_LADDER });
