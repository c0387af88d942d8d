import type { safetyContract } from '../../shared/contract/safety.ts';
import { backupNow, listBackups, restoreBackup } from '../backup.ts';
import { openDatabase } from '../db.ts';
import type { Handlers } from './types.ts';

export const safetyHandlers = (info: { databasePath: string }): Handlers<typeof safetyContract> => ({
  'backups.list': () => listBackups(info.databasePath),
  'backups.create': (db) => backupNow(db, info.databasePath, 'manual'),
  'backups.restore': (db, { name }) =>
    // An older backup is migrated on the scratch copy, never on the backup itself.
    restoreBackup(db, info.databasePath, name, (scratch) => openDatabase(scratch, { backups: false }).close()),
});
