import { RungsError } from '../../shared/errors.ts';
import { Ladder, type LadderLevel, type LadderTouchpoint, isRankOn, touchpointNames } from '../../shared/ladder.ts';
import type { Db } from './db.ts';
import { prepared } from './statements.ts';

// The roster's ladder, read from its three tables (migration 0005) into the shared shape. Rows
// keep their own (snake_case) types here; the one conversion to the domain is `ladderOf`.

export type DbLadder = {
  id: 1;
  delegate_rule: string;
  coaching_line: string;
  initiative_default: number;
  initiative_allowed: string;
  story_default: number;
  story_allowed: string;
};
export type DbLadderLevel = {
  id: number;
  position: number;
  name: string;
  code: string;
  aliases: string;
  delegate: string;
  next_move: string;
};
export type DbLadderTouchpoint = { id: number; position: number; name: string; cells: string };

export const ladderRows = (db: Db) => ({
  ladder: prepared<[], DbLadder>(db, 'SELECT * FROM ladder WHERE id = 1').get()!,
  levels: prepared<[], DbLadderLevel>(db, 'SELECT * FROM ladder_levels ORDER BY position, id').all(),
  touchpoints: prepared<[], DbLadderTouchpoint>(db, 'SELECT * FROM ladder_touchpoints ORDER BY position, id').all(),
});

export const levelOf = (r: DbLadderLevel): LadderLevel => ({
  id: r.id,
  name: r.name,
  code: r.code,
  aliases: JSON.parse(r.aliases) as string[],
  delegate: r.delegate,
  nextMove: r.next_move,
});

export function ladderOf(rows: ReturnType<typeof ladderRows>): Ladder {
  const levels = rows.levels.map(levelOf);
  const touchpoints = rows.touchpoints.map((t): LadderTouchpoint => {
    const cells = JSON.parse(t.cells) as Record<string, string>;
    return { id: t.id, name: t.name, cells: levels.map((l) => cells[l.id] ?? '') };
  });
  return {
    levels,
    touchpoints,
    kinds: {
      initiative: { defaultRung: rows.ladder.initiative_default, allowed: JSON.parse(rows.ladder.initiative_allowed) as number[] },
      story: { defaultRung: rows.ladder.story_default, allowed: JSON.parse(rows.ladder.story_allowed) as number[] },
    },
    delegateRule: rows.ladder.delegate_rule,
    coachingLine: rows.ladder.coaching_line,
  };
}

/** The roster's ladder. */
export const getLadder = (db: Db): Ladder => ladderOf(ladderRows(db));

/** The ladder after a change, checked whole: a change that would leave it malformed is refused by the caller. */
export const checkedLadder = (db: Db) => Ladder.safeParse(getLadder(db));

/** Refuse a level (or rung) the roster's ladder does not have, naming the ladder's levels. */
export function checkRank(ladder: Ladder, rank: number, what: 'level' | 'rung'): void {
  if (isRankOn(ladder, rank)) return;
  const names = ladder.levels.map((l) => l.name).join(', ');
  throw new RungsError('invalid_input', `That ${what} is not on the ladder (${names}).`);
}

/** Refuse touchpoints the roster's ladder does not have. */
export function checkTouchpoints(ladder: Ladder, touchpoints: readonly string[]): void {
  const known = touchpointNames(ladder);
  const unknown = touchpoints.filter((t) => !known.includes(t));
  if (unknown.length > 0)
    throw new RungsError('invalid_input', `Unknown touchpoint: ${unknown.join(', ')} (the map has ${known.join(', ')}).`);
}
