import type { rosterContract } from '../../../shared/contract/roster.ts';
import type { SamplesOf } from '../channel-samples.ts';
import { ids } from './ids.ts';

// Samples carry only required keys, or values equal to what is stored: a "missing key" variant that
// still passes validation must then change nothing.
const nameOf = (db: Parameters<typeof ids>[0], id: number) =>
  db.prepare('SELECT name FROM engineers WHERE id = ?').pluck().get(id) as string;

export const rosterSamples: SamplesOf<typeof rosterContract> = {
  'teams.create': () => ({ name: 'Platform' }),
  'teams.rename': (db) => ({ teamId: ids(db).team, name: 'Payments' }),
  'teams.delete': (db) => ({ teamId: ids(db).team }),
  'engineers.create': (db) => ({ name: 'Nadia Ali', level: 1, teamId: ids(db).team }),
  'engineers.update': (db) => ({ engineerId: ids(db).junior, name: nameOf(db, ids(db).junior) }),
  'engineers.deactivate': (db) => ({ engineerId: ids(db).junior, handTo: ids(db).senior }),
  'engineers.deleteImpact': (db) => ({ engineerId: ids(db).junior }),
  'engineers.delete': (db) => ({ engineerId: ids(db).junior }),
  'roster.openDemo': (db) => ({ quarterId: ids(db).quarter }),
  'engineers.levelHistory': (db) => ({ engineerId: ids(db).junior }),
};
