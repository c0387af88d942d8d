import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../data/store/db.ts';
import { historyState } from '../../data/store/changes.ts';
import { CHANNELS, type ChannelName, contract } from '../../shared/contract/index.ts';
import { ERROR_CODES } from '../../shared/errors.ts';
import { DEFAULT_LADDER } from '../../shared/default-ladder.ts';
import { type Rank, touchpointNames } from '../../shared/ladder.ts';

const LEVELS = DEFAULT_LADDER.levels.map((l) => l.name);
const TOUCHPOINTS = touchpointNames(DEFAULT_LADDER);
import { CHANNEL_SAMPLES } from '../helpers/channel-samples.ts';
import { planBreaches } from '../helpers/plan-invariants.ts';
import { rowCounts, tempRoster } from '../helpers/temp-db.ts';

// Property-based, two ways.
// Sequences (the main test): model-based runs of random mutations, undos and redos over every
// mutating channel, on a real roster file. After each step the plan holds every rule (planBreaches:
// the shared assignment rules, one DRI per initiative, integrity and foreign keys), a refusal is
// worded, changed no row and wrote no backup, and undo/redo land exactly on the states the model
// remembers. Commands pick ids that exist most of the time, so a sequence builds on what came before.
// Hostile payloads: each channel alone gets random and adversarial requests derived from its valid
// sample; the answer is a typed error that changed nothing, or a result its schema accepts.
// RUNGS_SEQUENCE_RUNS / RUNGS_SEQUENCE_STEPS (100 runs of up to 30 steps) and RUNGS_PROPERTY_RUNS
// (25 payloads per channel) lengthen the run.

const RUNS = Number(process.env.RUNGS_SEQUENCE_RUNS ?? 100);
const STEPS = Number(process.env.RUNGS_SEQUENCE_STEPS ?? 30);
const PAYLOAD_RUNS = Number(process.env.RUNGS_PROPERTY_RUNS ?? 25);

let steps = 0;
let tried = 0;
afterAll(() => console.log(`[property] ${RUNS} sequences, ${steps} steps; ${tried} payloads over ${CHANNELS.length} channels`));

type Real = ReturnType<typeof tempRoster>;
/** Plan states (as fingerprints) that undo and redo must come back to, and the steps so far. */
type Model = { done: string[]; undone: string[]; trace: string[] };

const TABLES = ['teams', 'engineers', 'level_changes', 'quarters', 'work_items', 'assignments'] as const;
const fingerprint = (db: Db): string =>
  JSON.stringify(TABLES.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY ${t === 'assignments' ? 'item_id' : 'id'}`).all()));

const backups = (file: string): number => {
  try {
    return readdirSync(join(file, '..', 'backups')).length;
  } catch {
    return 0;
  }
};

const list = (db: Db, sql: string): number[] => db.prepare<[], number>(sql).pluck().all();

/** An index into whatever exists when the step runs; now and then an id that never existed. */
type Pick = number | 'missing';
const pick: fc.Arbitrary<Pick> = fc.oneof({ weight: 12, arbitrary: fc.nat() }, { weight: 1, arbitrary: fc.constant('missing' as const) });
const from = (ids: readonly number[], p: Pick): number => (p === 'missing' || ids.length === 0 ? 987_654 : ids[p % ids.length]!);

const engineersOf = (db: Db) => list(db, 'SELECT id FROM engineers ORDER BY id');
const itemsOf = (db: Db) => list(db, 'SELECT id FROM work_items ORDER BY id');
const ladderLevelsOf = (db: Db) => list(db, 'SELECT id FROM ladder_levels ORDER BY position');
const touchpointsOf = (db: Db) => list(db, 'SELECT id FROM ladder_touchpoints ORDER BY position');
const assignedOf = (db: Db) => list(db, 'SELECT item_id FROM assignments ORDER BY item_id');
const teamsOf = (db: Db) => list(db, 'SELECT id FROM teams ORDER BY id');
const quartersOf = (db: Db) => list(db, 'SELECT id FROM quarters ORDER BY id');
/** Overreaches, and items with a reviewer or a note: where the rules have something to lose. */
const overreachesOf = (db: Db) =>
  list(
    db,
    'SELECT w.id FROM work_items w JOIN assignments a ON a.item_id = w.id JOIN engineers e ON e.id = a.engineer_id WHERE w.rung - e.level >= 2',
  );
const keptOf = (db: Db) => list(db, 'SELECT item_id FROM assignments WHERE reviewer_id IS NOT NULL OR ack_note IS NOT NULL');
/** Two picks in three from the interesting few (when there are any), the rest from all. */
const mostly = (p: Pick, few: number[], all: number[]) => (p !== 'missing' && p % 3 !== 0 && few.length > 0 ? few : all);
const nameOf = (db: Db, table: string, id: number) =>
  (db.prepare(`SELECT name FROM ${table} WHERE id = ?`).pluck().get(id) as string) ?? 'Nobody';

class Step implements fc.Command<Model, Real> {
  readonly label: string;
  readonly make: (db: Db) => [ChannelName, unknown];
  constructor(label: string, make: (db: Db) => [ChannelName, unknown]) {
    this.label = label;
    this.make = make;
  }
  check = () => true;
  toString = () => this.label;

  run(m: Model, r: Real): void {
    const [channel, request] = this.make(r.db);
    const before = fingerprint(r.db);
    const backupsBefore = backups(r.file);
    const res = r.dispatchUnknown(channel, request);
    const after = fingerprint(r.db);
    const shown = JSON.stringify(request);
    m.trace.push(
      `${shown.length > 200 ? this.label : `${channel} ${shown}`} → ${res.ok ? (res.value as { summary?: string }).summary : `${res.error.code}: ${res.error.message}`}`,
    );
    const fail = (what: string) => {
      throw new Error(`${what}\nSteps:\n  ${m.trace.join('\n  ')}`);
    };
    if (!res.ok) {
      if (res.error.code === 'internal') fail('an internal error');
      if (/constraint|SQLITE/i.test(res.error.message)) fail('a refusal in SQLite words');
      if (after !== before) fail('a refusal changed rows');
      if (backups(r.file) !== backupsBefore) fail('a refusal wrote a backup');
    } else if (channel === 'history.undo') {
      if (m.done.length > 0 && after !== m.done.pop()) fail('undo did not restore the state before the change');
      m.undone.push(before);
    } else if (channel === 'history.redo') {
      if (m.undone.length > 0 && after !== m.undone.pop()) fail('redo did not restore the state after the change');
      m.done.push(before);
    } else if ((res.value as { changeId: number | null }).changeId !== null) {
      m.done.push(before);
      m.undone = [];
    } else if (after !== before) fail('a change that logged nothing changed rows');
    // The reply tells History what undo and redo offer now: the log must say the same.
    const told = res.ok ? (res.value as { changed?: { history: unknown } }).changed?.history : undefined;
    if (told !== undefined && JSON.stringify(told) !== JSON.stringify(historyState(r.db)))
      fail('the reply misstates what undo and redo offer');
    const breaches = planBreaches(r.db);
    if (breaches.length > 0) fail(`the plan breaks its rules:\n  ${breaches.join('\n  ')}`);
  }
}

const NAMES = ['Ana Silva', 'Ben Cho', 'ana silva', 'Priya Natarajan', 'Leo Okafor', 'Zoë Ng'];
const TEAMS = ['Platform', 'platform', 'Checkout', 'Growth', 'Mobile'];
const QUARTERS = ['2027 Q1', '2027 q1', '2027 Q2', 'Later'];
const level = fc.constantFrom(0, 1, 2, 3);
const note = fc.constantFrom('Pairs with a Senior', null);

/** The demo roster as a Rungs document, and ways a hand-edited one breaks the plan's rules. */
const demoDocument = (() => {
  let doc: Record<string, unknown> | null = null;
  return () => {
    if (!doc) {
      const { dispatchUnknown } = tempRoster();
      const r = dispatchUnknown('export.json', {});
      if (!r.ok) throw new Error(r.error.message);
      doc = JSON.parse((r.value as { text: string }).text) as Record<string, unknown>;
    }
    return structuredClone(doc) as {
      teams: { id: number; name: string }[];
      engineers: { id: number; level: number; active: boolean }[];
      workItems: { rung: number; assignment: { engineerId: number; reviewerId: number | null; ackNote: string | null } | null }[];
    };
  };
})();
const CORRUPTIONS = ['none', 'inactive assignee', 'reviewer is assignee', 'reviewer below', 'note on in reach', 'same team twice'] as const;
function documentText(corruption: (typeof CORRUPTIONS)[number], p: number): string {
  const doc = demoDocument();
  const assigned = doc.workItems.filter((w) => w.assignment !== null);
  const item = assigned[p % assigned.length]!;
  const a = item.assignment!;
  const assignee = doc.engineers.find((e) => e.id === a.engineerId)!;
  if (corruption === 'inactive assignee') assignee.active = false;
  if (corruption === 'reviewer is assignee') a.reviewerId = a.engineerId;
  if (corruption === 'reviewer below')
    a.reviewerId = doc.engineers.find((e) => e.level <= assignee.level && e.id !== assignee.id)?.id ?? null;
  if (corruption === 'note on in reach') {
    item.rung = Math.max(1, Math.min(item.rung, assignee.level));
    a.ackNote = 'Kept';
  }
  if (corruption === 'same team twice') doc.teams[1]!.name = doc.teams[0]!.name.toUpperCase();
  return JSON.stringify(doc);
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

const acknowledge = fc
  .tuple(pick, note)
  .map(
    ([i, n]) =>
      new Step(`acknowledge ${i} ${n}`, (db) => [
        'plan.acknowledge',
        { itemId: from(mostly(i, overreachesOf(db), assignedOf(db)), i), note: n },
      ]),
  );

const workUpdate = fc
  .tuple(
    pick,
    fc.option(level),
    fc.option(fc.constantFrom('planned', 'in_progress', 'done')),
    // A parent set now and then: most edits change the rung or the status.
    fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.record({ value: fc.option(pick) }) }),
  )
  .map(
    ([i, rung, status, parent]) =>
      new Step(`work.update ${i} rung ${rung} status ${status} parent ${JSON.stringify(parent)}`, (db) => [
        'work.update',
        {
          itemId: from(mostly(i, keptOf(db), itemsOf(db)), i),
          ...(rung === null ? {} : { rung }),
          ...(status === null ? {} : { status }),
          ...(parent === null ? {} : { parentId: parent.value === null ? null : from(itemsOf(db), parent.value) }),
        },
      ]),
  );

/** A bulk edit of a few items (the board's bulk bar): a status, a rung, or both; now and then one an item's kind refuses. */
const workUpdateMany = fc
  .tuple(fc.array(pick, { minLength: 1, maxLength: 4 }), fc.option(level), fc.option(fc.constantFrom('planned', 'in_progress', 'done')))
  .map(
    ([picks, rung, status]) =>
      new Step(`work.updateMany ${JSON.stringify(picks)} rung ${rung} status ${status}`, (db) => [
        'work.updateMany',
        {
          // Kept items first: a new rung is where a kept note can outlive its overreach.
          itemIds: [...new Set(picks.map((p) => from(mostly(p, keptOf(db), itemsOf(db)), p)))],
          ...(rung === null ? {} : { rung }),
          ...(status === null && rung === null ? { status: 'done' } : status === null ? {} : { status }),
        },
      ]),
  );

const commands = [
  fc
    .tuple(pick, fc.option(pick, { freq: 6 }))
    .map(
      ([i, e]) =>
        new Step(`assign ${i} → ${e}`, (db) => [
          'plan.assign',
          { itemId: from(itemsOf(db), i), engineerId: e === null ? null : from(engineersOf(db), e) },
        ]),
    ),
  fc.array(fc.tuple(pick, fc.option(pick, { freq: 5 })), { minLength: 1, maxLength: 3 }).map(
    (moves) =>
      new Step(`assignMany ${JSON.stringify(moves)}`, (db) => {
        const items = itemsOf(db);
        const seen = new Set<number>();
        const out = [];
        for (const [i, e] of moves) {
          const itemId = from(items, i);
          if (seen.has(itemId)) continue;
          seen.add(itemId);
          out.push({ itemId, engineerId: e === null ? null : from(engineersOf(db), e) });
        }
        return ['plan.assignMany', { moves: out }];
      }),
  ),
  fc
    .tuple(pick, fc.option(pick, { freq: 4 }), fc.boolean())
    .map(
      ([i, e, lead]) =>
        new Step(`setReviewer ${i} ${e} ${lead}`, (db) => [
          'plan.setReviewer',
          { itemId: from(assignedOf(db), i), reviewerId: e === null ? null : from(engineersOf(db), e), leadReviews: lead },
        ]),
    ),
  // Notes and rung edits weigh double: together they are where a kept note can outlive its overreach.
  acknowledge,
  acknowledge,
  fc.constant(new Step('undo', () => ['history.undo', {}])),
  fc.constant(new Step('redo', () => ['history.redo', {}])),
  fc.constantFrom(...TEAMS).map((name) => new Step(`teams.create ${name}`, () => ['teams.create', { name }])),
  fc
    .tuple(pick, fc.constantFrom(...TEAMS))
    .map(([t, name]) => new Step(`teams.rename ${t} ${name}`, (db) => ['teams.rename', { teamId: from(teamsOf(db), t), name }])),
  pick.map((t) => new Step(`teams.delete ${t}`, (db) => ['teams.delete', { teamId: from(teamsOf(db), t) }])),
  fc
    .tuple(fc.constantFrom(...NAMES), level, pick, fc.boolean())
    .map(
      ([name, l, t, active]) =>
        new Step(`engineers.create ${name} ${l}`, (db) => ['engineers.create', { name, level: l, teamId: from(teamsOf(db), t), active }]),
    ),
  // Level changes weigh more: they move every fit and every review the person is part of.
  ...[1, 2, 3].map(() =>
    fc.tuple(pick, level).map(
      ([e, l]) =>
        new Step(`engineers.update ${e} level ${l}`, (db) => {
          const engineerId = from(engineersOf(db), e);
          const fromLevel = db.prepare('SELECT level FROM engineers WHERE id = ?').pluck().get(engineerId) as Rank | undefined;
          return ['engineers.update', { engineerId, level: l, fromLevel: fromLevel ?? 0 }];
        }),
    ),
  ),
  fc
    .tuple(pick, fc.boolean(), fc.option(pick))
    .map(
      ([e, active, t]) =>
        new Step(`engineers.update ${e} active ${active} team ${t}`, (db) => [
          'engineers.update',
          { engineerId: from(engineersOf(db), e), active, ...(t === null ? {} : { teamId: from(teamsOf(db), t) }) },
        ]),
    ),
  fc
    .tuple(pick, fc.option(pick))
    .map(
      ([e, to]) =>
        new Step(`engineers.deactivate ${e} → ${to}`, (db) => [
          'engineers.deactivate',
          { engineerId: from(engineersOf(db), e), handTo: to === null ? null : from(engineersOf(db), to) },
        ]),
    ),
  pick.map((e) => new Step(`engineers.delete ${e}`, (db) => ['engineers.delete', { engineerId: from(engineersOf(db), e) }])),
  fc.tuple(pick, fc.constantFrom('initiative', 'story'), fc.option(level), fc.option(pick)).map(
    ([q, kind, rung, parent]) =>
      new Step(`work.create ${kind} rung ${rung} parent ${parent}`, (db) => [
        'work.create',
        {
          quarterId: from(quartersOf(db), q),
          kind,
          title: `Item ${q === 'missing' ? 0 : q % 7}`,
          ...(rung === null ? {} : { rung }),
          parentId: parent === null ? null : from(itemsOf(db), parent),
        },
      ]),
  ),
  workUpdate,
  workUpdate,
  workUpdateMany,
  pick.map((i) => new Step(`work.delete ${i}`, (db) => ['work.delete', { itemId: from(itemsOf(db), i) }])),
  fc.constantFrom(...QUARTERS).map((name) => new Step(`quarters.create ${name}`, () => ['quarters.create', { name }])),
  fc
    .tuple(pick, fc.constantFrom(...QUARTERS))
    .map(
      ([q, name]) => new Step(`quarters.rename ${q} ${name}`, (db) => ['quarters.rename', { quarterId: from(quartersOf(db), q), name }]),
    ),
  pick.map((q) => new Step(`quarters.delete ${q}`, (db) => ['quarters.delete', { quarterId: from(quartersOf(db), q) }])),
  pick.map((q) => new Step(`roster.openDemo ${q}`, (db) => ['roster.openDemo', { quarterId: from(quartersOf(db), q) }])),
  fc
    .tuple(pick, pick)
    .map(
      ([a, b]) =>
        new Step(`quarters.copyUnfinished ${a} → ${b}`, (db) => [
          'quarters.copyUnfinished',
          { fromQuarterId: from(quartersOf(db), a), toQuarterId: from(quartersOf(db), b) },
        ]),
    ),
  fc
    .tuple(
      fc.oneof({ weight: 5, arbitrary: fc.constant('none' as const) }, { weight: 5, arbitrary: fc.constantFrom(...CORRUPTIONS) }),
      fc.nat(),
    )
    .map(([corruption, p]) => new Step(`import.json (${corruption}, ${p})`, () => ['import.json', { text: documentText(corruption, p) }])),
  fc
    .array(fc.tuple(fc.option(pick, { freq: 2 }), fc.constantFrom(...LEVELS), fc.constantFrom(...TEAMS)), { minLength: 1, maxLength: 3 })
    .map(
      (rows) =>
        new Step(`import.commitCsv roster ${JSON.stringify(rows)}`, (db) => {
          const lines = rows.map(([e, l, team], i) => {
            const name = e === null ? `New Person ${i}` : nameOf(db, 'engineers', from(engineersOf(db), e));
            return [name, l, team].map(csvCell).join(',');
          });
          return ['import.commitCsv', { kind: 'roster', quarterId: null, text: `name,level,team\n${lines.join('\n')}\n` }];
        }),
    ),
  fc.tuple(pick, fc.constantFrom(...LEVELS), fc.constantFrom(...TOUCHPOINTS)).map(
    ([q, rung, tp]) =>
      new Step(`import.commitCsv backlog ${q} ${rung}`, (db) => [
        'import.commitCsv',
        {
          kind: 'backlog',
          quarterId: from(quartersOf(db), q),
          text: `kind,title,parent,rung,touchpoints\nInitiative,Imported ${rung},,${rung === 'Intern' ? 'Junior' : rung},${tp}\nStory,Imported part,Imported ${rung},${rung},${tp}\n`,
        },
      ]),
  ),
  fc.constantFrom(2, 4, 6).map(
    (n) =>
      new Step(`ladder.import ${n} levels`, () => [
        'ladder.import',
        {
          format: 'markdown',
          text: `| Touchpoint | ${Array.from({ length: n }, (_, i) => `L${i + 1}`).join(' | ')} |\n|---|${'---|'.repeat(n)}\n| Build | ${Array.from({ length: n }, () => 'x').join(' | ')} |\n`,
        },
      ]),
  ),
  // The ladder's edits: levels and touchpoints added, moved, renamed and removed under the plan.
  fc
    .tuple(fc.constantFrom('Staff', 'Principal', 'Mid II', 'Mid'), fc.nat(5))
    .map(([name, position]) => new Step(`ladder.addLevel ${name} ${position}`, () => ['ladder.addLevel', { name, position }])),
  fc
    .tuple(pick, fc.nat(5))
    .map(
      ([l, position]) =>
        new Step(`ladder.moveLevel ${l} ${position}`, (db) => ['ladder.moveLevel', { levelId: from(ladderLevelsOf(db), l), position }]),
    ),
  pick.map((l) => new Step(`ladder.removeLevel ${l}`, (db) => ['ladder.removeLevel', { levelId: from(ladderLevelsOf(db), l) }])),
  fc
    .tuple(pick, pick)
    .map(
      ([l, into]) =>
        new Step(`ladder.mergeLevel ${l} ${into}`, (db) => [
          'ladder.mergeLevel',
          { levelId: from(ladderLevelsOf(db), l), intoLevelId: from(ladderLevelsOf(db), into) },
        ]),
    ),
  fc
    .tuple(pick, fc.constantFrom('IC3', 'Senior', 'L5'))
    .map(
      ([l, name]) =>
        new Step(`ladder.updateLevel ${l} ${name}`, (db) => ['ladder.updateLevel', { levelId: from(ladderLevelsOf(db), l), name }]),
    ),
  fc
    .tuple(pick, fc.constantFrom('Shape', 'Build', 'Operate'))
    .map(
      ([t, name]) =>
        new Step(`ladder.updateTouchpoint ${t} ${name}`, (db) => [
          'ladder.updateTouchpoint',
          { touchpointId: from(touchpointsOf(db), t), name },
        ]),
    ),
  fc.constantFrom('Operate', 'Mentor').map((name) => new Step(`ladder.addTouchpoint ${name}`, () => ['ladder.addTouchpoint', { name }])),
  fc
    .tuple(pick, fc.nat(8))
    .map(
      ([t, position]) =>
        new Step(`ladder.moveTouchpoint ${t}`, (db) => ['ladder.moveTouchpoint', { touchpointId: from(touchpointsOf(db), t), position }]),
    ),
  pick.map(
    (t) => new Step(`ladder.removeTouchpoint ${t}`, (db) => ['ladder.removeTouchpoint', { touchpointId: from(touchpointsOf(db), t) }]),
  ),
  fc
    .tuple(pick, pick)
    .map(
      ([t, l]) =>
        new Step(`ladder.setCell ${t} ${l}`, (db) => [
          'ladder.setCell',
          { touchpointId: from(touchpointsOf(db), t), levelId: from(ladderLevelsOf(db), l), text: 'Does it.' },
        ]),
    ),
  fc
    .tuple(fc.constantFrom('initiative' as const, 'story' as const), fc.nat(4), fc.uniqueArray(fc.nat(4), { minLength: 1, maxLength: 5 }))
    .map(
      ([kind, defaultRung, allowed]) =>
        new Step(`ladder.setKind ${kind} ${defaultRung} ${allowed}`, () => ['ladder.setKind', { kind, defaultRung, allowed }]),
    ),
];

// Hostile payloads, one channel at a time.

const HOSTILE_TEXT = [
  "'; DROP TABLE engineers; --",
  "Robert'); DELETE FROM assignments WHERE 1=1; --",
  '1 OR 1=1',
  '" OR ""="',
  'ATTACH DATABASE "/tmp/x" AS x',
  '../../../etc/passwd',
  '..\\..\\rungs.sqlite',
  '\u0000',
  '\u202Eevil\u202C',
  '\uD800',
  '<script>alert(1)</script>',
  '{{constructor.constructor("alert(1)")()}}',
  '__proto__',
  'constructor',
  'x'.repeat(100_000),
  '🧑🏽‍💻'.repeat(5_000),
  'é'.normalize('NFD').repeat(3_000),
  '',
  ' ',
];

/** Objects with an own "__proto__"/"constructor" key, as JSON.parse and structured clone can make them. */
const POLLUTERS = [
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  JSON.parse('{"__proto__": null}'),
  Object.create(null) as object,
];

function withKey(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...base };
  // defineProperty, so "__proto__" becomes an own key rather than changing the prototype.
  Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
  return out;
}

function payloads(sample: Record<string, unknown>, idsToTry: number[]): fc.Arbitrary<unknown> {
  const keys = Object.keys(sample);
  const value: fc.Arbitrary<unknown> = fc.oneof(
    fc.anything({ maxDepth: 2, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withTypedArray: true }),
    fc.constantFrom(...HOSTILE_TEXT),
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.constantFrom(0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -0, 2 ** 31, 2 ** 53, ...idsToTry),
    fc.integer(),
    fc.double(),
    fc.constantFrom(true, false, null, undefined),
    fc.constantFrom(...POLLUTERS),
  );
  const arbs: fc.Arbitrary<unknown>[] = [
    value,
    fc.constant(sample),
    fc
      .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'dropTable', 'sql'), value)
      .map(([k, v]) => withKey(sample, k, v)),
  ];
  if (keys.length > 0) {
    arbs.push(
      fc.tuple(fc.constantFrom(...keys), value).map(([k, v]) => withKey(sample, k, v)),
      fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(sample).filter(([key]) => key !== k))),
      // Unknown and deleted ids in every field that holds an id.
      fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...idsToTry)).map(([k, id]) => withKey(sample, k, id)),
      fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...HOSTILE_TEXT)).map(([k, t]) => withKey(sample, k, t)),
    );
  }
  return fc.oneof(...arbs);
}

/** Ids that once existed and were deleted, next to ones that never did. */
function deletedIds(db: Db): number[] {
  const quarter = db.prepare('SELECT id FROM quarters ORDER BY id LIMIT 1').pluck().get() as number | undefined;
  const team = db.prepare('SELECT id FROM teams ORDER BY id LIMIT 1').pluck().get() as number | undefined;
  const out: number[] = [];
  if (quarter !== undefined) {
    const item = db
      .prepare(`INSERT INTO work_items (kind, quarter_id, title, rung) VALUES ('story', ?, 'Deleted story', 1)`)
      .run(quarter).lastInsertRowid;
    db.prepare('DELETE FROM work_items WHERE id = ?').run(item);
    out.push(Number(item));
  }
  if (team !== undefined) {
    const e = db.prepare(`INSERT INTO engineers (name, level, team_id) VALUES ('Deleted Engineer', 1, ?)`).run(team).lastInsertRowid;
    db.prepare('DELETE FROM engineers WHERE id = ?').run(e);
    out.push(Number(e));
  }
  return [...out, 987_654, 2 ** 31 - 1];
}

/** Every mutating channel has a command above, so a new one cannot slip past the sequences. */
const MUTATING = CHANNELS.filter((c) => contract[c].mutates);

describe('random sequences of changes, undos and redos keep every rule of the plan', () => {
  it('cover every mutating channel', () => {
    const { db } = tempRoster();
    const covered = new Set(commands.flatMap((arb) => fc.sample(arb, 40).map((s) => (s as Step).make(db)[0])));
    expect(MUTATING.filter((c) => !covered.has(c))).toEqual([]);
  });

  it(
    'after every step: rules held, refusals worded and harmless, undo and redo return to known states',
    () => {
      fc.assert(
        // Most runs start from the demo team; some from an empty roster, where import.json is accepted.
        fc.property(fc.constantFrom(true, true, true, false), fc.commands(commands, { maxCommands: STEPS, size: 'max' }), (demo, cmds) => {
          const roster = tempRoster({ demo });
          // Durability is not what this test is about; without an fsync per change it runs ~5× faster.
          roster.db.pragma('synchronous = OFF');
          try {
            fc.modelRun(() => ({ model: { done: [], undone: [], trace: [] }, real: roster }), cmds);
            steps += [...cmds].length;
          } finally {
            roster.db.close();
          }
        }),
        { numRuns: RUNS },
      );
    },
    Math.max(60_000, RUNS * STEPS * 20),
  );
});

describe('every channel alone, random and adversarial payloads', () => {
  it.each(CHANNELS)('%s: a typed error changing nothing, or a correct result', (channel) => {
    const { db, dispatchUnknown } = tempRoster();
    db.pragma('synchronous = OFF');
    const sample = CHANNEL_SAMPLES[channel](db) as Record<string, unknown>;
    const idsToTry = deletedIds(db);
    fc.assert(
      fc.property(payloads(sample, idsToTry), (payload) => {
        tried++;
        const before = rowCounts(db);
        const r = dispatchUnknown(channel, payload);
        if (r.ok) {
          const parsed = contract[channel].response.safeParse(r.value);
          expect(parsed.success, `${channel} answered outside its schema`).toBe(true);
        } else {
          expect(ERROR_CODES).toContain(r.error.code);
          expect(r.error.code, r.error.message).not.toBe('internal');
          expect(r.error.message.length).toBeGreaterThan(0);
          expect(rowCounts(db), `${channel} refused but changed rows`).toEqual(before);
        }
        expect(planBreaches(db)).toEqual([]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: PAYLOAD_RUNS },
    );
  });
});
