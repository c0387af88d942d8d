// The schema stops hard-coding a four-level ladder. The roster gets its own ladder (levels,
// touchpoints, cells, and per kind of work its default and allowed rungs), filled with the
// competency map's; engineers' levels and items' rungs stay the positions they were, which are the
// same levels on that ladder, so every fit, gap and warning reads the same after it.
// The 0..3 CHECKs live in the table definitions, so the three tables are rebuilt (SQLite's
// twelve-step procedure: new table, copy, drop, rename, indexes), keeping every id.

// The connection type comes from better-sqlite3 itself, not db.ts, which imports the migration list.
import type Database from 'better-sqlite3';
import { DEFAULT_LADDER } from '../../../shared/default-ladder.ts';
import type { Ladder } from '../../../shared/ladder.ts';

export const LADDER_TABLES_SQL = `
  -- One row: the roster's ladder as a whole. Rungs are positions on it, as levels are.
  CREATE TABLE ladder (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    delegate_rule TEXT NOT NULL DEFAULT '',
    coaching_line TEXT NOT NULL DEFAULT '',
    initiative_default INTEGER NOT NULL CHECK (initiative_default >= 0),
    initiative_allowed TEXT NOT NULL,
    story_default INTEGER NOT NULL CHECK (story_default >= 0),
    story_allowed TEXT NOT NULL
  ) STRICT;

  -- A level's position is what engineers.level and work_items.rung hold.
  CREATE TABLE ladder_levels (
    id INTEGER PRIMARY KEY,
    position INTEGER NOT NULL CHECK (position >= 0),
    name TEXT NOT NULL,
    code TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',
    delegate TEXT NOT NULL DEFAULT '',
    next_move TEXT NOT NULL DEFAULT ''
  ) STRICT;

  -- A touchpoint (a row of the map) with its cells, keyed by level id so reordering levels moves no text.
  CREATE TABLE ladder_touchpoints (
    id INTEGER PRIMARY KEY,
    position INTEGER NOT NULL CHECK (position >= 0),
    name TEXT NOT NULL,
    cells TEXT NOT NULL DEFAULT '{}'
  ) STRICT;
`;

const REBUILD_SQL = `
  CREATE TABLE engineers_new (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    level INTEGER NOT NULL CHECK (level >= 0),
    team_id INTEGER NOT NULL REFERENCES teams (id),
    capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
  ) STRICT;
  INSERT INTO engineers_new (id, name, level, team_id, capacity, active)
    SELECT id, name, level, team_id, capacity, active FROM engineers;
  DROP TABLE engineers;
  ALTER TABLE engineers_new RENAME TO engineers;
  CREATE INDEX engineers_team ON engineers (team_id);

  CREATE TABLE level_changes_new (
    id INTEGER PRIMARY KEY,
    engineer_id INTEGER NOT NULL REFERENCES engineers (id),
    from_level INTEGER CHECK (from_level IS NULL OR from_level >= 0),
    to_level INTEGER NOT NULL CHECK (to_level >= 0),
    changed_on TEXT NOT NULL
  ) STRICT;
  INSERT INTO level_changes_new (id, engineer_id, from_level, to_level, changed_on)
    SELECT id, engineer_id, from_level, to_level, changed_on FROM level_changes;
  DROP TABLE level_changes;
  ALTER TABLE level_changes_new RENAME TO level_changes;
  CREATE INDEX level_changes_engineer ON level_changes (engineer_id);

  -- Which rungs an initiative may take is the ladder's to say now, not a CHECK.
  CREATE TABLE work_items_new (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('initiative', 'story')),
    parent_id INTEGER REFERENCES work_items (id),
    quarter_id INTEGER NOT NULL REFERENCES quarters (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    rung INTEGER NOT NULL CHECK (rung >= 0),
    size INTEGER CHECK (size IS NULL OR size >= 0),
    touchpoints TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done')),
    sort_key REAL NOT NULL DEFAULT 0,
    team_id INTEGER REFERENCES teams (id),
    carried_from_quarter_id INTEGER REFERENCES quarters (id),
    carried_ack_note TEXT,
    external_key TEXT CHECK (external_key IS NULL OR length(external_key) BETWEEN 1 AND 300),
    CHECK (kind = 'story' OR parent_id IS NULL)
  ) STRICT;
  INSERT INTO work_items_new (id, kind, parent_id, quarter_id, title, description, rung, size, touchpoints, status, sort_key,
      team_id, carried_from_quarter_id, carried_ack_note, external_key)
    SELECT id, kind, parent_id, quarter_id, title, description, rung, size, touchpoints, status, sort_key,
      team_id, carried_from_quarter_id, carried_ack_note, external_key FROM work_items;
  DROP TABLE work_items;
  ALTER TABLE work_items_new RENAME TO work_items;
  CREATE INDEX work_items_quarter ON work_items (quarter_id, sort_key);
  CREATE INDEX work_items_parent ON work_items (parent_id);
  CREATE INDEX work_items_team ON work_items (team_id);
  CREATE UNIQUE INDEX work_items_external_key ON work_items (quarter_id, external_key) WHERE external_key IS NOT NULL;
`;

/** Write a whole ladder into the (empty) ladder tables, keeping its level and touchpoint ids. */
export function insertLadder(db: Database.Database, ladder: Ladder): void {
  db.prepare(
    `INSERT INTO ladder (id, delegate_rule, coaching_line, initiative_default, initiative_allowed, story_default, story_allowed)
     VALUES (1, ?, ?, ?, ?, ?, ?)`,
  ).run(
    ladder.delegateRule,
    ladder.coachingLine,
    ladder.kinds.initiative.defaultRung,
    JSON.stringify(ladder.kinds.initiative.allowed),
    ladder.kinds.story.defaultRung,
    JSON.stringify(ladder.kinds.story.allowed),
  );
  const level = db.prepare(
    'INSERT INTO ladder_levels (id, position, name, code, aliases, delegate, next_move) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  ladder.levels.forEach((l, i) => level.run(l.id, i, l.name, l.code, JSON.stringify(l.aliases), l.delegate, l.nextMove));
  const touchpoint = db.prepare('INSERT INTO ladder_touchpoints (id, position, name, cells) VALUES (?, ?, ?, ?)');
  ladder.touchpoints.forEach((t, i) =>
    touchpoint.run(t.id, i, t.name, JSON.stringify(Object.fromEntries(ladder.levels.map((l, r) => [l.id, t.cells[r] ?? ''])))),
  );
}

export const ladderMigration = {
  name: '0005_ladder',
  sql: LADDER_TABLES_SQL + REBUILD_SQL,
  rebuildsTables: true,
  fill: (db: Database.Database) => insertLadder(db, DEFAULT_LADDER),
} as const;
