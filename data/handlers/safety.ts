import type { safetyContract } from '../../shared/contract/safety.ts';
import { backupNow } from '../safety/backup.ts';
import { scanBackups } from '../safety/backup-list.ts';
import { restoreBackup } from '../safety/restore.ts';
import { openDatabase } from '../store/db.ts';
import { MIGRATIONS, type Migration } from '../store/migrations/index.ts';
import type { Handlers } from './types.ts';

/** `migrations`: what this version knows; only tests pass another list, to restore across versions. */
export const safetyHandlers = ({
  databasePath,
  migrations = MIGRATIONS,
}: {
  databasePath: string;
  migrations?: readonly Migration[];
}): Handlers<typeof safetyContract> => ({
  'backups.list': () => scanBackups(databasePath, migrations),
  'backups.create': (db) => backupNow(db, databasePath, 'manual'),
  'backups.restore': (db, { name }) =>
    // An older backup is migrated on the scratch copy, never on the backup itself.
    restoreBackup(db, databasePath, name, (scratch) => openDatabase(scratch, { migrations }).close(), migrations),
});
