import { backupNow } from '../../../data/safety/backup.ts';
import { listBackups } from '../../../data/safety/backup-list.ts';
import type { safetyContract } from '../../../shared/contract/safety.ts';
import type { SamplesOf } from '../channel-samples.ts';

export const safetySamples: SamplesOf<typeof safetyContract> = {
  'backups.list': () => ({}),
  'backups.create': () => ({}),
  // A real backup of the roster, taken on demand so the sample names one that exists.
  'backups.restore': (db) => ({ name: (listBackups(db.name)[0] ?? backupNow(db, db.name, 'manual')).name }),
};
