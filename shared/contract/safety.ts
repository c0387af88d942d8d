import { z } from 'zod';
import { channel } from './channel.ts';

// Data safety: the backups kept next to the roster, and putting one back.

export const BackupNameSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_.-]+\.sqlite$/, 'A backup name from the list');

export const BackupSchema = z.object({
  name: z.string(),
  createdAt: z.string(),
  reason: z.enum(['launch', 'migration', 'import', 'restore', 'manual']),
  bytes: z.int().nonnegative(),
});
export type Backup = z.infer<typeof BackupSchema>;

/** A file named like a backup that cannot be restored: damaged, empty, or from a newer Rungs. */
export const DamagedBackupSchema = BackupSchema.extend({ problem: z.string() });
export type DamagedBackup = z.infer<typeof DamagedBackupSchema>;

export const safetyContract = {
  /**
   * Newest first, with dates and sizes: those that can be restored, and apart, those that cannot, with
   * why. Each file is checked at every listing; only the first list counts toward the newest 10.
   */
  'backups.list': channel({
    request: z.strictObject({}),
    response: z.object({ backups: z.array(BackupSchema), damaged: z.array(DamagedBackupSchema) }),
    mutates: false,
  }),
  /** A backup now, on the lead's request ("Back up now"). Not `mutates`: VACUUM INTO cannot run in a transaction. */
  'backups.create': channel({ request: z.strictObject({}), response: BackupSchema, mutates: false }),
  /**
   * Replace the roster's content with a backup's. The current content is first kept as a new
   * 'restore' backup (named in the answer), so nothing is lost. Not `mutates`: the handler runs its
   * own transaction, because taking that copy (VACUUM INTO) and ATTACH cannot run inside one.
   */
  'backups.restore': channel({
    request: z.strictObject({ name: BackupNameSchema }),
    response: z.object({ restored: z.string(), setAside: z.string() }),
    mutates: false,
  }),
};
