import type { transferContract } from '../../../shared/contract/transfer.ts';
import { transferHandlers } from '../../../data/handlers/transfer.ts';
import type { SamplesOf } from '../channel-samples.ts';
import { ids } from './ids.ts';
import { csvBytes } from '../temp-db.ts';

export const ROSTER_CSV = '\uFEFFname,level,team,capacity\r\nNadia Ali,Junior,Checkout,10\r\nSam Park,Sr,Platform,\r\n';
export const BACKLOG_CSV =
  'kind,title,parent,rung,size,touchpoints\nInitiative,Gift cards,,Mid,8,Define; Build\nStory,Sell a gift card,Gift cards,Junior,3,Build\n';

export const transferSamples: SamplesOf<typeof transferContract> = {
  'import.previewCsv': (db) => ({ kind: 'backlog', quarterId: ids(db).quarter, bytes: csvBytes(BACKLOG_CSV) }),
  'import.commitCsv': (db) => ({ kind: 'backlog', quarterId: ids(db).quarter, bytes: csvBytes(BACKLOG_CSV) }),
  'export.rosterCsv': () => ({}),
  'export.planCsv': (db) => ({ quarterId: ids(db).quarter }),
  'export.json': () => ({}),
  'import.json': (db) => ({ text: transferHandlers['export.json'](db, {}).text }),
};
