import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../store/db.ts';

// What still reads in a damaged roster, copied into a new one. SQLite's own recovery (`.recover`,
// sqlite3_recover) is not reachable from better-sqlite3, so this walks each table of the known
// schema by rowid, steps over the stretches whose pages SQLite cannot read, and inserts what it
// read into a roster made by the current migrations. The damaged file is read through a copy and
// never written.

/** Rows read per table, and rows dropped because what they point at was not salvaged. */
export type SalvageReport = { rows: Record<string, number>; orphans: Record<string, number>; unreadable: string[] };

type Row = Record<string, unknown> & { _rowid: number };

// Rungs' rows all have positive rowids (each table's id, or SQLite's own for settings).
const FIRST = 0;
// How far past the last row read a damaged stretch is searched for readable rows.
const FARTHEST = 2 ** 52;

/** Read every row of `table` that SQLite can still read, in rowid order. */
export function readableRows(db: Database.Database, table: string, columns: string[]): Row[] {
  const cols = columns.map((c) => `"${c}"`).join(', ');
  // NOT INDEXED: the table's own b-tree, not an index that may be damaged separately.
  const scan = db.prepare<[number], Row>(`SELECT rowid AS _rowid, ${cols} FROM "${table}" NOT INDEXED WHERE rowid >= ? ORDER BY rowid`);
  const first = db.prepare<[number], { r: number }>(
    `SELECT rowid AS r FROM "${table}" NOT INDEXED WHERE rowid >= ? ORDER BY rowid LIMIT 1`,
  );
  const firstFrom = (at: number): number | null | 'damaged' => {
    try {
      return first.get(at)?.r ?? null;
    } catch {
      return 'damaged';
    }
  };
  const out: Row[] = [];
  let from = FIRST;
  for (;;) {
    let last: number | null = null;
    try {
      for (const row of scan.iterate(from)) {
        out.push(row);
        last = row._rowid;
      }
      return out;
    } catch {
      // A page SQLite cannot read: the rows on it are lost; find where reading can start again.
    }
    // The damage starts after the last row read; when none was, at the first row from `from` (its
    // rowid may read when its columns do not, as when only an overflow page is lost).
    const at = last ?? firstFrom(from);
    let bad = typeof at === 'number' ? at : from;
    // Double the step until a seek past the damage reads, then narrow back towards the damage so
    // no readable row just after it is skipped.
    let step = 1;
    let next: number | null | 'damaged' = 'damaged';
    while (step <= FARTHEST) {
      next = firstFrom(bad + step);
      if (next !== 'damaged') break;
      step *= 2;
    }
    if (next === 'damaged') return out;
    let good = bad + step;
    if (step > 1) bad += step / 2;
    while (good - bad > 1) {
      const mid = bad + Math.floor((good - bad) / 2);
      if (firstFrom(mid) === 'damaged') bad = mid;
      else good = mid;
    }
    from = good;
  }
}

const tablesOf = (db: Database.Database): string[] =>
  db
    .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all()
    .map((t) => t.name);

const columnsOf = (db: Database.Database, table: string): string[] =>
  db
    .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
    .all()
    .map((c) => c.name);

/**
 * Copy what still reads in the roster at `source` (and its WAL) into a new roster at `target`.
 * The migrations' own bookkeeping comes from the new roster, not the damaged one.
 */
export function salvageRoster(source: string, target: string): SalvageReport {
  const report: SalvageReport = { rows: {}, orphans: {}, unreadable: [] };
  const scratch = mkdtempSync(join(tmpdir(), 'rungs-salvage-'));
  const out = openDatabase(target);
  try {
    const copy = join(scratch, 'roster.sqlite');
    copyFileSync(source, copy);
    if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${copy}-wal`);
    let from: Database.Database | null = null;
    try {
      from = new Database(copy, { fileMustExist: true });
      // SQLite refuses a file shorter than its header's page count unless the schema is writable
      // (which better-sqlite3's defensive mode forbids); then it reads the pages that are there.
      // Only this scratch copy is opened so, and it is never written.
      from.unsafeMode(true);
      from.pragma('writable_schema = ON');
      let theirs: Set<string>;
      try {
        theirs = new Set(tablesOf(from));
      } catch {
        // The schema itself does not read: nothing can be found by name.
        theirs = new Set();
      }
      // Rows arrive in table order, not the order the references need; the orphans are removed below.
      out.pragma('foreign_keys = OFF');
      for (const table of tablesOf(out).filter((t) => t !== 'schema_migrations')) {
        report.rows[table] = 0;
        if (!theirs.has(table)) {
          report.unreadable.push(table);
          continue;
        }
        let columns: string[];
        try {
          const present = new Set(columnsOf(from, table));
          columns = columnsOf(out, table).filter((c) => present.has(c));
        } catch {
          report.unreadable.push(table);
          continue;
        }
        const rows = readableRows(from, table, columns);
        const insert = out.prepare(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
        );
        out.transaction(() => {
          for (const { _rowid: _, ...row } of rows) {
            try {
              insert.run(row);
              report.rows[table]! += 1;
            } catch {
              // A row whose bytes read but whose values break the schema (a damaged cell): not kept.
            }
          }
        })();
      }
      removeOrphans(out, report);
    } finally {
      from?.close();
    }
  } finally {
    out.pragma('foreign_keys = ON');
    out.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  return report;
}

/** Rows pointing at a row that was lost: the app relies on every reference holding, so they go too. */
function removeOrphans(db: Database.Database, report: SalvageReport): void {
  // A removed story can orphan its assignment, a removed initiative its stories: repeat until none.
  for (let round = 0; round < 10; round++) {
    const orphans = db.prepare<[], { table: string; rowid: number }>('PRAGMA foreign_key_check').all();
    if (orphans.length === 0) return;
    db.transaction(() => {
      for (const { table, rowid } of orphans) {
        if (db.prepare(`DELETE FROM "${table}" WHERE rowid = ?`).run(rowid).changes === 0) continue;
        report.rows[table] = (report.rows[table] ?? 1) - 1;
        report.orphans[table] = (report.orphans[table] ?? 0) + 1;
      }
    })();
  }
}
