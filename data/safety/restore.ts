import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { RungsError } from '../../shared/errors.ts';
import type { Db } from '../store/db.ts';
import { MIGRATIONS, type Migration } from '../store/migrations/index.ts';
import { backupNow } from './backup.ts';
import { copyProblem, shapeOf } from './backup-check.ts';
import { BACKUP_NAME, backupDirFor, removeTemp, tempFile } from './backup-files.ts';
import { scanBackups } from './backup-list.ts';

/**
 * Put a backup's content into the open roster, keeping the current content as a 'restore' backup
 * first so a restore can itself be undone by restoring that one. The backup is copied to a scratch
 * file and brought up to the roster's schema there by `prepare` (the backup itself is never
 * changed); unless the scratch copy then has exactly the roster's migrations and tables, nothing is
 * changed. Every table is replaced in one transaction.
 */
export function restoreBackup(
  db: Db,
  dbPath: string,
  name: string,
  prepare: (scratchFile: string) => void,
  migrations: readonly Migration[] = MIGRATIONS,
): { restored: string; setAside: string } {
  const scan = scanBackups(dbPath, migrations);
  const bad = BACKUP_NAME.test(name) ? scan.damaged.find((b) => b.name === name) : undefined;
  if (bad)
    throw new RungsError('database', `The backup ${name} cannot be restored: ${bad.problem}. Choose another one; nothing was changed.`);
  if (!BACKUP_NAME.test(name) || !scan.backups.some((b) => b.name === name)) {
    throw new RungsError('not_found', `There is no backup called ${name.slice(0, 100)}.`);
  }
  const source = join(backupDirFor(dbPath), name);
  const scratch = tempFile(backupDirFor(dbPath), 'restore');
  try {
    try {
      copyFileSync(source, scratch);
      prepare(scratch);
    } catch (error) {
      if (error instanceof RungsError) throw error;
      const code = (error as { code?: string }).code;
      if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
        throw new RungsError(
          'database',
          `Rungs could not restore the backup ${name}: the disk is full; free some space and try again. Nothing was changed.`,
        );
      }
      throw new RungsError(
        'database',
        `The backup ${name} could not be brought up to this version of Rungs (${(error as Error).message}). Nothing was changed.`,
      );
    }
    const problem = copyProblem(scratch, shapeOf(db));
    if (problem)
      throw new RungsError('database', `The backup ${name} cannot be restored into this roster: ${problem}. Nothing was changed.`);
    // The backup being restored may be the oldest kept: the set-aside copy must not prune it away.
    const aside = backupNow(db, dbPath, 'restore', name);
    db.prepare('ATTACH DATABASE ? AS restore_src').run(scratch);
    try {
      const tables = db
        .prepare<[], { name: string }>(
          `SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
        )
        .all()
        .map((t) => t.name);
      db.transaction(() => {
        // Rows go in in any order; foreign keys are checked once, at commit.
        db.pragma('defer_foreign_keys = ON');
        for (const table of tables) {
          const cols = db
            .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}', 'main')`)
            .all()
            .map((c) => `"${c.name}"`)
            .join(', ');
          db.exec(`DELETE FROM main."${table}"; INSERT INTO main."${table}" (${cols}) SELECT ${cols} FROM restore_src."${table}";`);
        }
      })();
    } finally {
      db.exec('DETACH DATABASE restore_src');
    }
    return { restored: name, setAside: aside.name };
  } finally {
    removeTemp(scratch);
  }
}
