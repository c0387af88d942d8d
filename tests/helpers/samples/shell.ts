import type { shellContract } from '../../../shared/contract/shell.ts';
import type { rosterFilesContract } from '../../../shared/contract/roster-files.ts';
import type { SamplesOf } from '../channel-samples.ts';
import { ROSTER_CSV } from './transfer.ts';

// The shell's channels are answered by the transport; through the dispatcher (the browser host) a
// valid request gets the typed 'unsupported' error, a hostile one 'invalid_input', and no row changes.
export const shellSamples: SamplesOf<typeof shellContract> = {
  'shell.features': () => ({}),
  'shell.saveFile': () => ({ suggestedName: 'rungs-roster.csv', kind: 'csv', text: ROSTER_CSV }),
  'shell.openFile': () => ({ kind: 'csv' }),
  'shell.saveReportPdf': () => ({ quarterName: 'Q3 2025' }),
};

export const rosterFilesSamples: SamplesOf<typeof rosterFilesContract> = {
  'rosterFiles.list': () => ({}),
  'rosterFiles.create': () => ({ name: 'Platform 2026' }),
  'rosterFiles.open': () => ({ name: 'rungs' }),
};
