import { join } from 'node:path';
import { type Db, openDatabase } from '../data/store/db.ts';
import { DEFAULT_LADDER } from '../shared/default-ladder.ts';
import { type Rank, type Touchpoint, touchpointNames } from '../shared/ladder.ts';

// A seeded org for the benchmarks: the same seed gives the same rows, so runs compare.
// Rows go in directly with prepared statements in one transaction (a bench fixture, not a plan
// change: nothing to undo), into a real file opened the way the app opens it (WAL, synchronous=FULL).

export type Scale = {
  name: string;
  engineers: number;
  teams: number;
  initiatives: number;
  stories: number;
  assigned: number;
  /** Levels on the roster's ladder: the competency map's four unless a scale says more. */
  levels?: number;
};

export const SCALES = {
  /** One team lead's view. */
  small: { name: '30 eng / 300 items', engineers: 30, teams: 3, initiatives: 15, stories: 285, assigned: 0.8 },
  /** The target scale: a quarterly staffing session over a 300-engineer org. */
  org: { name: '300 eng / 3,150 items', engineers: 300, teams: 20, initiatives: 150, stories: 3000, assigned: 0.8 },
  large: { name: '1,000 eng / 10,000 items', engineers: 1000, teams: 60, initiatives: 500, stories: 9500, assigned: 0.8 },
  /** The target org on a company ladder of seven levels (IC1–IC7): more lanes' levels, more heatmap columns. */
  ladder7: {
    name: '300 eng / 3,150 items / 7 levels',
    engineers: 300,
    teams: 20,
    initiatives: 150,
    stories: 3000,
    assigned: 0.8,
    levels: 7,
  },
  /** For the smoke run in `npm test`: exercises every code path in well under a second. */
  tiny: { name: '6 eng / 40 items', engineers: 6, teams: 2, initiatives: 4, stories: 36, assigned: 0.8 },
} as const satisfies Record<string, Scale>;
export type ScaleName = keyof typeof SCALES;

/** mulberry32: small, fast, and good enough to shuffle a fake org. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ana', 'Ben', 'Chloe', 'Dev', 'Elif', 'Femi', 'Gus', 'Hana', 'Ivan', 'Jade', 'Kofi', 'Lena', 'Mo', 'Nia', 'Oren', 'Pia'];
const LAST = ['Okafor', 'Rossi', 'Chen', 'Haddad', 'Sousa', 'Becker', 'Lind', 'Tanaka', 'Novak', 'Ibsen', 'Mendes', 'Kaur'];
const VERBS = ['Ship', 'Measure', 'Fix', 'Redesign', 'Migrate', 'Document', 'Instrument', 'Prototype'];
const NOUNS = ['checkout', 'search', 'onboarding', 'billing', 'alerts', 'the API', 'the dashboard', 'exports', 'sign-in'];

export type GeneratedOrg = {
  db: Db;
  file: string;
  quarterId: number;
  engineerIds: number[];
  storyIds: number[];
  initiativeIds: number[];
  counts: { engineers: number; items: number; assigned: number };
};

/** Create `rungs-bench.sqlite` in `dir` and fill it with one quarter of the given scale. */
export function generateOrg(dir: string, scale: Scale, seed = 7): GeneratedOrg {
  const file = join(dir, 'rungs-bench.sqlite');
  const db = openDatabase(file);
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const levels = scale.levels ?? DEFAULT_LADDER.levels.length;
  if (levels !== DEFAULT_LADDER.levels.length) writeLadder(db, levels);
  // Levels weighted like a real org: few at either end, most in the middle.
  const weights = LEVEL_WEIGHTS[levels] ?? Array.from({ length: levels }, () => 1 / levels);
  const level = (): Rank => {
    let r = rand();
    const rank = weights.findIndex((w) => (r -= w) < 0);
    return rank < 0 ? levels - 1 : rank;
  };
  const touchpoints = (): string => {
    const set = new Set<Touchpoint>();
    const n = 1 + Math.floor(rand() * 3);
    while (set.size < n) set.add(pick(touchpointNames(DEFAULT_LADDER)));
    return JSON.stringify([...set]);
  };

  const insertTeam = db.prepare('INSERT INTO teams (name) VALUES (?)');
  const insertEngineer = db.prepare('INSERT INTO engineers (name, level, team_id, capacity, active) VALUES (?, ?, ?, ?, 1)');
  const insertLevel = db.prepare('INSERT INTO level_changes (engineer_id, from_level, to_level, changed_on) VALUES (?, NULL, ?, ?)');
  const insertQuarter = db.prepare('INSERT INTO quarters (name) VALUES (?)');
  const insertItem = db.prepare(
    `INSERT INTO work_items (kind, parent_id, quarter_id, title, description, rung, size, touchpoints, status, sort_key)
     VALUES (?, ?, ?, ?, '', ?, ?, ?, 'planned', ?)`,
  );
  const insertAssignment = db.prepare(
    'INSERT INTO assignments (item_id, engineer_id, reviewer_id, lead_reviews, ack_note) VALUES (?, ?, ?, 0, NULL)',
  );

  const engineers: { id: number; level: Rank }[] = [];
  const storyIds: number[] = [];
  const initiativeIds: number[] = [];
  let assigned = 0;
  let quarterId = 0;

  db.transaction(() => {
    const teamIds = Array.from({ length: scale.teams }, (_, t) =>
      Number(insertTeam.run(`Team ${String(t + 1).padStart(3, '0')}`).lastInsertRowid),
    );
    for (let e = 0; e < scale.engineers; e++) {
      const lvl = level();
      const id = Number(
        insertEngineer.run(`${pick(FIRST)} ${pick(LAST)} ${e + 1}`, lvl, teamIds[e % teamIds.length]!, lvl === 0 ? 6 : 10 + lvl)
          .lastInsertRowid,
      );
      insertLevel.run(id, lvl, '2025-01-06');
      engineers.push({ id, level: lvl });
    }
    quarterId = Number(insertQuarter.run('2026 Q3').lastInsertRowid);
    let sortKey = 0;
    const add = (kind: 'initiative' | 'story', parentId: number | null, rung: Rank): number => {
      sortKey += 1024;
      const title = `${pick(VERBS)} ${pick(NOUNS)} #${sortKey / 1024}`;
      const id = Number(
        insertItem.run(kind, parentId, quarterId, title, rung, 1 + Math.floor(rand() * 8), touchpoints(), sortKey).lastInsertRowid,
      );
      if (rand() < scale.assigned) {
        // Mostly in reach, some stretches (half with a reviewer), a few overreaches: like a real plan.
        const owner = pick(engineers);
        const reviewer = rung > owner.level && rand() < 0.5 ? engineers.find((e) => e.level > owner.level) : undefined;
        insertAssignment.run(id, owner.id, reviewer?.id ?? null);
        assigned += 1;
      }
      return id;
    };
    // Initiatives from the second level up, stories anywhere on the ladder.
    for (let i = 0; i < scale.initiatives; i++) initiativeIds.push(add('initiative', null, 1 + Math.floor(rand() * (levels - 1))));
    for (let s = 0; s < scale.stories; s++) {
      // About one story in twenty has no initiative yet.
      const parent = rand() < 0.05 || initiativeIds.length === 0 ? null : pick(initiativeIds);
      storyIds.push(add('story', parent, Math.floor(rand() * levels)));
    }
  })();

  return {
    db,
    file,
    quarterId,
    engineerIds: engineers.map((e) => e.id),
    storyIds,
    initiativeIds,
    counts: { engineers: scale.engineers, items: scale.initiatives + scale.stories, assigned },
  };
}

/** Share of the org at each level, lowest first (the four-level split is the one every earlier run used). */
const LEVEL_WEIGHTS: Record<number, number[]> = {
  4: [0.1, 0.35, 0.35, 0.2],
  7: [0.05, 0.2, 0.25, 0.25, 0.13, 0.08, 0.04],
};

/** Replace the seeded competency map with an IC1…ICn ladder: its touchpoints, a cell for every level. */
function writeLadder(db: Db, levels: number): void {
  const touchpoints = touchpointNames(DEFAULT_LADDER);
  db.transaction(() => {
    db.prepare('DELETE FROM ladder_levels').run();
    db.prepare('DELETE FROM ladder_touchpoints').run();
    const insertLevel = db.prepare(
      'INSERT INTO ladder_levels (id, position, name, code, aliases, delegate, next_move) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (let p = 0; p < levels; p++) {
      const code = `IC${p + 1}`;
      insertLevel.run(
        p + 1,
        p,
        code,
        code,
        JSON.stringify([`Engineer ${p + 1}`]),
        `What an ${code} can carry.`,
        `What ${code} grows into.`,
      );
    }
    const insertTouchpoint = db.prepare('INSERT INTO ladder_touchpoints (position, name, cells) VALUES (?, ?, ?)');
    touchpoints.forEach((name, position) => {
      const cells = Object.fromEntries(Array.from({ length: levels }, (_, p) => [p + 1, `${name} at IC${p + 1}.`]));
      insertTouchpoint.run(position, name, JSON.stringify(cells));
    });
    const all = JSON.stringify(Array.from({ length: levels }, (_, p) => p));
    const fromSecond = JSON.stringify(Array.from({ length: levels - 1 }, (_, p) => p + 1));
    db.prepare('UPDATE ladder SET initiative_default = ?, initiative_allowed = ?, story_default = ?, story_allowed = ? WHERE id = 1').run(
      Math.floor(levels / 2),
      fromSecond,
      1,
      all,
    );
  })();
}
