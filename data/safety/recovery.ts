import Database from 'better-sqlite3';
import type { BackupInfo } from './backup-files.ts';
import { TABLE_KEYS } from '../store/changes.ts';
import type { SalvageReport } from './salvage.ts';
import { plural } from '../../shared/words.ts';

// The ways on from a bad roster, each with what it keeps and what it loses, in the words both
// shells show (the Electron dialog and the browser host's terminal). For a damaged file the
// salvaged copy and the newest good backup are compared row by row and change by change, so the
// lead never swaps months of work for a backup without being told.

export type RecoveryChoice = 'salvage' | 'latest-backup' | 'fresh';

export type RecoveryOption = {
  choice: RecoveryChoice;
  /** A few words, for a button. */
  label: string;
  /** What this choice gives and what it loses, as a sentence. */
  outcome: string;
  /** Changes and rows another choice keeps that this one loses; null when that cannot be counted. */
  loses: number | null;
  recommended: boolean;
};

/** What a roster holds, by key: each domain table's rows and the change log. */
export type Contents = { rows: Record<string, Set<number>>; changes: Map<number, string> };

const NOUNS: Record<string, [string, string]> = {
  teams: ['team', 'teams'],
  engineers: ['engineer', 'engineers'],
  level_changes: ['level change', 'level changes'],
  quarters: ['quarter', 'quarters'],
  work_items: ['initiative or story', 'initiatives and stories'],
  assignments: ['assignment', 'assignments'],
  changes: ['change', 'changes'],
};

const count = (n: number, table: string) => (NOUNS[table] ? plural(n, ...NOUNS[table]) : `${n} ${table}`);
const list = (parts: string[]) => (parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`);

export const backupTime = (b: BackupInfo): string =>
  new Date(b.createdAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Read a sound roster's keys. A table it lacks (an older backup) reads as empty. */
export function contentsOf(file: string): Contents {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows: Record<string, Set<number>> = {};
    for (const [table, key] of Object.entries(TABLE_KEYS)) {
      try {
        rows[table] = new Set(
          db
            .prepare<[], { k: number }>(`SELECT ${key} AS k FROM ${table}`)
            .all()
            .map((r) => r.k),
        );
      } catch {
        rows[table] = new Set();
      }
    }
    let changes = new Map<number, string>();
    try {
      changes = new Map(
        db
          .prepare<[], { id: number; rows: string }>('SELECT id, rows FROM changes')
          .all()
          .map((c) => [c.id, c.rows]),
      );
    } catch {
      // No change log: nothing to compare by.
    }
    return { rows, changes };
  } finally {
    db.close();
  }
}

/** The rows (table:key) a change touched, from its before/after images. */
function touched(rowsJson: string): string[] {
  try {
    const rows = JSON.parse(rowsJson) as unknown;
    if (!Array.isArray(rows)) return [];
    return rows.map((r: { table?: unknown; key?: unknown }) => `${String(r.table)}:${String(r.key)}`);
  } catch {
    return [];
  }
}

/** What the salvaged copy holds, for the lead. */
export function salvageSummary(report: SalvageReport): string {
  const held = Object.keys(NOUNS)
    .filter((t) => (report.rows[t] ?? 0) > 0)
    .map((t) => count(report.rows[t]!, t));
  return held.length > 0 ? `it holds ${list(held)}` : 'no rows could be read';
}

/**
 * Compare the salvaged copy with the newest good backup. Changes the salvage holds and the backup
 * does not were made after the backup: restoring it loses them. Rows the backup holds and the
 * salvage does not were lost to the damage, unless a later change removed them.
 */
export function compareWithBackup(salvage: Contents, backup: Contents): { backupLacks: number[]; salvageLost: Record<string, number> } {
  const backupLacks = [...salvage.changes.keys()].filter((id) => !backup.changes.has(id)).sort((a, b) => a - b);
  const explained = new Set(backupLacks.flatMap((id) => touched(salvage.changes.get(id)!)));
  const salvageLost: Record<string, number> = {};
  for (const [table, keys] of Object.entries(backup.rows)) {
    const have = salvage.rows[table] ?? new Set();
    const lost = [...keys].filter((k) => !have.has(k) && !explained.has(`${table}:${k}`)).length;
    if (lost > 0) salvageLost[table] = lost;
  }
  const changesLost = [...backup.changes.keys()].filter((id) => !salvage.changes.has(id)).length;
  if (changesLost > 0) salvageLost.changes = changesLost;
  return { backupLacks, salvageLost };
}

const FRESH: RecoveryOption = {
  choice: 'fresh',
  label: 'Start a fresh roster',
  outcome: 'Start a new, empty roster.',
  loses: null,
  recommended: false,
};

/**
 * The choices for a bad roster, best first. `salvage` is given only for a damaged file (one SQLite
 * opens but cannot read whole); then the newest backup is weighed against it.
 */
export function recoveryOptions(
  backups: BackupInfo[],
  backupFile: string | null,
  salvage: { report: SalvageReport; contents: Contents } | null,
): RecoveryOption[] {
  const newest = backups[0];
  if (!salvage) {
    if (!newest) return [{ ...FRESH, recommended: true }];
    const backup: RecoveryOption = {
      choice: 'latest-backup',
      label: `Restore the backup from ${backupTime(newest)}`,
      outcome: `Put back the newest good backup, from ${backupTime(newest)} (${newest.name}); anything changed after it is not in it.`,
      loses: null,
      recommended: true,
    };
    return [backup, FRESH];
  }
  const held = salvageSummary(salvage.report);
  const salvaged: RecoveryOption = {
    choice: 'salvage',
    label: 'Use the salvaged copy',
    outcome: `Use what still reads in the damaged file (${held}); rows on pages SQLite cannot read are not in it.`,
    loses: null,
    recommended: true,
  };
  if (!newest || !backupFile) {
    // A salvage that read nothing is a fresh roster by another name: say so by recommending that.
    if (Object.values(salvage.report.rows).some((n) => n > 0)) return [salvaged, FRESH];
    return [
      { ...FRESH, recommended: true },
      { ...salvaged, recommended: false },
    ];
  }

  const { backupLacks, salvageLost } = compareWithBackup(salvage.contents, contentsOf(backupFile));
  const lostParts = Object.keys(NOUNS)
    .filter((t) => salvageLost[t])
    .map((t) => count(salvageLost[t]!, t));
  const salvageLoses = Object.values(salvageLost).reduce((a, b) => a + b, 0);
  salvaged.loses = salvageLoses;
  salvaged.outcome += lostParts.length
    ? ` The salvaged copy lost ${list(lostParts)} that the backup holds.`
    : ' It holds everything the backup does.';
  const when = backupTime(newest);
  const backup: RecoveryOption = {
    choice: 'latest-backup',
    label: `Restore the backup from ${when}`,
    outcome:
      `Put back the newest good backup (${newest.name}).` +
      (backupLacks.length
        ? ` The backup from ${when} lacks ${count(backupLacks.length, 'changes')} made after it.`
        : ` The backup from ${when} holds every change the salvaged copy does.`),
    loses: backupLacks.length,
    recommended: false,
  };
  // The one that keeps more; on a tie the backup, which SQLite read whole.
  const salvageFirst = salvageLoses < backupLacks.length;
  salvaged.recommended = salvageFirst;
  backup.recommended = !salvageFirst;
  return salvageFirst ? [salvaged, backup, FRESH] : [backup, salvaged, FRESH];
}
