// Ordered, named migrations. Each runs with its bookkeeping row in one transaction.
// Never edit a migration that has shipped: add the next one.

import { quarterStartFromName } from '../../../shared/calendar.ts';
// The connection type comes from better-sqlite3 itself, not db.ts, which imports this list.
import type Database from 'better-sqlite3';
import { ladderMigration } from './0005-ladder.ts';

/** Schema in SQL; `fill`, when a step must derive data with a shared rule, runs in the same transaction. */
export type Migration = {
  name: string;
  sql: string;
  fill?: (db: Database.Database) => void;
  /**
   * The step drops and recreates tables that others reference. SQLite's procedure for that runs
   * with foreign keys off (a pragma that cannot change inside a transaction), then checks them all
   * before the step commits.
   */
  rebuildsTables?: boolean;
};

export const MIGRATIONS: readonly Migration[] = [
  {
    name: '0001_roster_and_plan',
    sql: `
      CREATE TABLE teams (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE
      ) STRICT;

      CREATE TABLE engineers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),
        team_id INTEGER NOT NULL REFERENCES teams (id),
        capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;
      CREATE INDEX engineers_team ON engineers (team_id);

      -- A promotion (or any level change) with its date: the growth trail and fit history.
      CREATE TABLE level_changes (
        id INTEGER PRIMARY KEY,
        engineer_id INTEGER NOT NULL REFERENCES engineers (id),
        from_level INTEGER CHECK (from_level IS NULL OR from_level BETWEEN 0 AND 3),
        to_level INTEGER NOT NULL CHECK (to_level BETWEEN 0 AND 3),
        changed_on TEXT NOT NULL
      ) STRICT;
      CREATE INDEX level_changes_engineer ON level_changes (engineer_id);

      CREATE TABLE quarters (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE
      ) STRICT;

      -- Initiatives and stories share one table: both are dragged, assigned and fitted the same way.
      CREATE TABLE work_items (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('initiative', 'story')),
        parent_id INTEGER REFERENCES work_items (id),
        quarter_id INTEGER NOT NULL REFERENCES quarters (id),
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        rung INTEGER NOT NULL CHECK (rung BETWEEN 0 AND 3),
        size INTEGER CHECK (size IS NULL OR size >= 0),
        touchpoints TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done')),
        sort_key REAL NOT NULL DEFAULT 0,
        CHECK (kind = 'story' OR parent_id IS NULL),
        CHECK (kind = 'story' OR rung >= 1)
      ) STRICT;
      CREATE INDEX work_items_quarter ON work_items (quarter_id, sort_key);
      CREATE INDEX work_items_parent ON work_items (parent_id);

      -- One row per assigned item: the primary key is what makes "one DRI per initiative" true.
      CREATE TABLE assignments (
        item_id INTEGER PRIMARY KEY REFERENCES work_items (id),
        engineer_id INTEGER NOT NULL REFERENCES engineers (id),
        reviewer_id INTEGER REFERENCES engineers (id),
        lead_reviews INTEGER NOT NULL DEFAULT 0 CHECK (lead_reviews IN (0, 1)),
        ack_note TEXT
      ) STRICT;
      CREATE INDEX assignments_engineer ON assignments (engineer_id);

      -- Every change, as before/after images of the rows it touched: drives undo, redo and history.
      CREATE TABLE changes (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        summary TEXT NOT NULL,
        rows TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'discarded'))
      ) STRICT;
      CREATE INDEX changes_state ON changes (state, id);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    // A quarter's first day judges its plan by the levels held then. Names like "2026 Q4" say it;
    // others stay null until the lead gives a date.
    name: '0002_quarter_dates',
    sql: `ALTER TABLE quarters ADD COLUMN starts_on TEXT CHECK (starts_on IS NULL OR date(starts_on) IS starts_on);`,
    fill: (db) => {
      const set = db.prepare<[string, number]>('UPDATE quarters SET starts_on = ? WHERE id = ?');
      for (const q of db.prepare<[], { id: number; name: string }>('SELECT id, name FROM quarters').all()) {
        const start = quarterStartFromName(q.name);
        if (start !== null) set.run(start, q.id);
      }
    },
  },
  {
    name: '0003_work_teams_and_carried_work',
    sql: `
      -- Work belongs to a team: an initiative's, which its stories share; a loose story may have one.
      ALTER TABLE work_items ADD COLUMN team_id INTEGER REFERENCES teams (id);
      -- A copy of unfinished work remembers the quarter it came from, and the note that kept its
      -- overreach there: the copy's own assignment starts without one, so the lead decides again.
      ALTER TABLE work_items ADD COLUMN carried_from_quarter_id INTEGER REFERENCES quarters (id);
      ALTER TABLE work_items ADD COLUMN carried_ack_note TEXT;
      CREATE INDEX work_items_team ON work_items (team_id);

      -- What was already planned: an initiative is its DRI's team's work; a story is its parent's.
      UPDATE work_items SET team_id = (
        SELECT e.team_id FROM assignments a JOIN engineers e ON e.id = a.engineer_id WHERE a.item_id = work_items.id
      ) WHERE kind = 'initiative';
      UPDATE work_items SET team_id = (SELECT p.team_id FROM work_items p WHERE p.id = work_items.parent_id)
      WHERE kind = 'story' AND parent_id IS NOT NULL;
    `,
  },
  {
    // The tracker's own key (a Jira issue key, a Linear ID, a GitHub URL): importing the same export
    // again finds the item it made and updates it instead of adding a copy. One item per key in a
    // quarter; work typed into Rungs has none.
    name: '0004_external_keys',
    sql: `
      ALTER TABLE work_items ADD COLUMN external_key TEXT CHECK (external_key IS NULL OR length(external_key) BETWEEN 1 AND 300);
      CREATE UNIQUE INDEX work_items_external_key ON work_items (quarter_id, external_key) WHERE external_key IS NOT NULL;
    `,
  },
  ladderMigration,
  {
    // The HR system's own id for a person (Employee ID, Worker ID): a re-imported sheet finds
    // someone by it first, so a renamed person is updated, not added again. One person per id;
    // people typed into Rungs have none.
    name: '0006_engineer_external_keys',
    sql: `
      ALTER TABLE engineers ADD COLUMN external_key TEXT CHECK (external_key IS NULL OR length(external_key) BETWEEN 1 AND 300);
      CREATE UNIQUE INDEX engineers_external_key ON engineers (external_key) WHERE external_key IS NOT NULL;
    `,
  },
];
