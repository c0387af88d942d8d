import Database from 'better-sqlite3';
import { RungsError } from '../../shared/errors.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

export type Db = Database.Database;

export type OpenOptions = {
  /** Migrations the app knows; tests pass their own list to exercise upgrades. */
  migrations?: readonly Migration[];
  readonly?: boolean;
  /**
   * Runs once before an existing roster's schema changes (a roster with applied migrations, on a
   * file). The roster opener passes a backup here; the store itself knows nothing of backups.
   */
  beforeMigrating?: (db: Db) => void;
};

/**
 * Open the roster, set the pragmas the app relies on, and bring the schema up to date.
 * A database written by a newer Rungs is refused untouched.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false, timeout: 5000 });
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
    // better-sqlite3 leaves WAL at synchronous NORMAL, which can lose the last commits on power loss.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if (!options.readonly) migrate(db, options.migrations ?? MIGRATIONS, options.beforeMigrating);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function appliedMigrations(db: Db): string[] {
  const tracked = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!tracked) return [];
  return db
    .prepare<[], { name: string }>('SELECT name FROM schema_migrations ORDER BY version')
    .all()
    .map((r) => r.name);
}

/** Apply what is missing, in order; refuse a database whose history is not a prefix of ours. */
export function migrate(db: Db, migrations: readonly Migration[], beforeMigrating?: (db: Db) => void): void {
  const applied = appliedMigrations(db);
  const known = migrations.map((m) => m.name);
  if (applied.length > known.length || applied.some((name, i) => name !== known[i])) {
    const unknown = applied.filter((n) => !known.includes(n));
    throw new RungsError(
      'database',
      unknown.length > 0
        ? `This roster was written by a newer version of Rungs (it has ${unknown.join(', ')}). Update Rungs to open it; the file was not changed.`
        : 'This roster’s migrations do not match this version of Rungs. The file was not changed.',
    );
  }
  const pending = migrations.slice(applied.length);
  // An existing roster is copied aside before its schema changes: a migration that goes wrong in a
  // way the transaction cannot catch (a bug in our SQL that "succeeds") is still recoverable.
  if (beforeMigrating && pending.length > 0 && applied.length > 0 && db.name !== ':memory:' && db.name !== '') beforeMigrating(db);
  pending.forEach((m, i) => {
    const keys = m.rebuildsTables && db.pragma('foreign_keys', { simple: true }) === 1;
    if (keys) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
        db.exec(m.sql);
        m.fill?.(db);
        if (keys && (db.pragma('foreign_key_check') as unknown[]).length > 0)
          throw new RungsError('database', `Migration ${m.name} broke a reference.`);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          applied.length + i + 1,
          m.name,
          new Date().toISOString(),
        );
      })();
    } finally {
      if (keys) db.pragma('foreign_keys = ON');
    }
  });
}

export const schemaVersion = (db: Db): number => appliedMigrations(db).length;
