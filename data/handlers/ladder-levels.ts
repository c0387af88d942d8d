import type { LevelUse, ladderContract } from '../../shared/contract/ladder.ts';
import { RungsError } from '../../shared/errors.ts';
import { type Rank, WORK_KINDS, levelName } from '../../shared/ladder.ts';
import { fitChanges, movedOrder, positionsAfterMerge, positionsAfterMove } from '../../shared/ladder-moves.ts';
import { noun, plural } from '../../shared/words.ts';
import type { Db } from '../store/db.ts';
import { getLadder } from '../store/ladder.ts';
import { plucked } from '../store/statements.ts';
import {
  checkWhole,
  clearBroken,
  judgedAssignments,
  levelRow,
  levelRows,
  renumber,
  reposition,
  touchpointRows,
} from './ladder-positions.ts';
import { type Handlers, record } from './types.ts';

// Moving and removing levels. Both change how far apart levels are, so both can change fits: the
// lead sees which before (ladder.moveImpact, ladder.levelUse with `moveTo`), and the same position
// maps (shared/ladder-moves.ts) make the preview and the change.

type LevelHandlers = Handlers<
  Pick<typeof ladderContract, 'ladder.levelUse' | 'ladder.moveImpact' | 'ladder.moveLevel' | 'ladder.removeLevel' | 'ladder.mergeLevel'>
>;

export const names = (list: readonly string[], max = 5) =>
  list.length <= max ? list.join(', ') : `${list.slice(0, max).join(', ')} and ${list.length - max} more`;

const kindsWord = (kinds: readonly string[]) => kinds.map((k) => (k === 'story' ? 'stories' : 'initiatives')).join(' and ');

/** The positions of the level to remove and of the one its people and work go to, refusing what cannot be. */
function removal(db: Db, levelId: number, moveTo: number | undefined): { at: Rank; target: Rank | null } {
  const levels = levelRows(db);
  const at = levels.findIndex((l) => l.id === levelId);
  if (at < 0) throw new RungsError('not_found', `No level ${levelId} on the ladder.`);
  if (moveTo === undefined) return { at, target: null };
  if (moveTo === levelId)
    throw new RungsError(
      'invalid_input',
      `${levels[at]!.name} cannot take its own people and work: pick another level. Nothing was changed.`,
    );
  const target = levels.findIndex((l) => l.id === moveTo);
  if (target < 0) throw new RungsError('not_found', `No level ${moveTo} on the ladder to move them to.`);
  return { at, target };
}

function levelUse(db: Db, levelId: number, moveTo?: number): LevelUse {
  const { at, target } = removal(db, levelId, moveTo);
  const ladder = getLadder(db);
  const engineers = plucked<[number, number, number], string>(
    db,
    `SELECT name FROM engineers WHERE level = ? OR id IN (SELECT engineer_id FROM level_changes WHERE to_level = ? OR from_level = ?) ORDER BY name`,
  ).all(at, at, at);
  const items = plucked<[number], string>(db, 'SELECT title FROM work_items WHERE rung = ? ORDER BY quarter_id, sort_key, id').all(at);
  const history = plucked<[number, number], number>(db, 'SELECT COUNT(*) FROM level_changes WHERE from_level = ? OR to_level = ?').get(
    at,
    at,
  )!;
  const defaults = WORK_KINDS.filter((k) => ladder.kinds[k].defaultRung === at);
  const fits = target === null ? [] : fitChanges(judgedAssignments(db), positionsAfterMerge(at, target));
  return { level: levelName(ladder, at), engineers, items, defaults, history, fits };
}

/** Why a level cannot simply go: who and what still stands on it, in words; null when nothing does. */
function inUse(use: LevelUse): string | null {
  const parts = [
    use.engineers.length > 0 && `held by ${names(use.engineers)}`,
    use.items.length > 0 && `the rung of ${plural(use.items.length, 'item')} (${names(use.items.map((t) => `'${t}'`))})`,
    use.defaults.length > 0 && `the default rung of ${kindsWord(use.defaults)}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : null;
}

/** What a removal with a move carried, for the change's summary. */
function movedWords(db: Db, use: LevelUse, at: Rank, target: string): string | null {
  const engineers = plucked<[number], number>(db, 'SELECT COUNT(*) FROM engineers WHERE level = ?').get(at)!;
  const what = [
    engineers > 0 && plural(engineers, 'engineer'),
    use.items.length > 0 && plural(use.items.length, 'item'),
    use.defaults.length > 0 && `the default rung of ${kindsWord(use.defaults)}`,
  ].filter(Boolean);
  return [
    what.length > 0 && `moved ${what.slice(0, -1).join(', ')}${what.length > 1 ? ' and ' : ''}${what.at(-1)} to ${target}`,
    use.history > 0 && `${plural(use.history, 'level change')} in people’s history now read ${target}`,
  ]
    .filter(Boolean)
    .join('; ');
}

const cellsOf = (json: string) => JSON.parse(json) as Record<string, string>;

/**
 * Where every level goes when one moves, and the fits that changes: what ladder.moveImpact shows
 * before the move and ladder.moveLevel writes and says, from the one position map and fit rule.
 */
function levelMove(db: Db, levels: readonly { id: number }[], levelId: number, position: number) {
  const positions = positionsAfterMove(
    levels.length,
    levels.findIndex((l) => l.id === levelId),
    position,
  );
  return { positions, fits: fitChanges(judgedAssignments(db), positions) };
}

export const levelHandlers: LevelHandlers = {
  'ladder.levelUse': (db, { levelId, intoLevelId }) => levelUse(db, levelId, intoLevelId),

  'ladder.moveImpact': (db, { levelId, position }) => {
    levelRow(db, levelId);
    return levelMove(db, levelRows(db), levelId, position).fits;
  },

  'ladder.moveLevel': (db, { levelId, position }) => {
    const levels = levelRows(db);
    const level = levelRow(db, levelId);
    const order = movedOrder(
      levels.map((l) => l.id),
      levelId,
      position,
    );
    const to = order.indexOf(levelId);
    const where = to === order.length - 1 ? 'to the top' : `below ${levels.find((l) => l.id === order[to + 1])!.name}`;
    const { positions, fits } = levelMove(db, levels, levelId, position);
    // Said in the summary too, so a move that went through without asking says it changed no fit.
    const fitWords =
      fits.length === 0 ? 'no assignment’s fit changes' : `${plural(fits.length, 'fit')} ${noun(fits.length, 'changes', 'change')}`;
    let cleared: string | null = null;
    return record(
      db,
      () => [`Ladder: moved ${level.name} ${where}`, fitWords, cleared].filter(Boolean).join('; '),
      (rows) => {
        renumber(db, rows, positions);
        cleared = clearBroken(db, rows);
        reposition(rows, 'ladder_levels', order);
        checkWhole(db);
      },
    );
  },

  'ladder.removeLevel': (db, { levelId }) => removeLevel(db, levelId, undefined),
  // A level change in someone's history that names the merged level names the target after: the
  // record must still resolve to a level, and the change's summary says how many now read so.
  'ladder.mergeLevel': (db, { levelId, intoLevelId }) => removeLevel(db, levelId, intoLevelId),
};

function removeLevel(db: Db, levelId: number, moveTo: number | undefined) {
  const { at, target } = removal(db, levelId, moveTo);
  const use = levelUse(db, levelId);
  const standing = inUse(use);
  if (target === null && standing !== null)
    throw new RungsError('conflict', `${use.level} is ${standing}. Move them to another level first; nothing was changed.`);
  const levels = levelRows(db);
  const carried = target === null ? null : movedWords(db, use, at, levels[target]!.name);
  let cleared: string | null = null;
  return record(
    db,
    () => [`Ladder: removed the level ${use.level}`, carried, cleared].filter(Boolean).join('; '),
    (rows) => {
      // Without a target nothing stands on the level but the kinds' allowed rungs; with one, they move too.
      if (target === null) {
        const k = getLadder(db).kinds;
        for (const kind of WORK_KINDS)
          rows.update('ladder', 1, { [`${kind}_allowed`]: JSON.stringify(k[kind].allowed.filter((r) => r !== at)) });
      }
      rows.remove('ladder_levels', levelId);
      renumber(db, rows, target === null ? (r) => (r > at ? r - 1 : r) : positionsAfterMerge(at, target));
      cleared = clearBroken(db, rows);
      reposition(
        rows,
        'ladder_levels',
        levels.filter((l) => l.id !== levelId).map((l) => l.id),
      );
      for (const t of touchpointRows(db)) {
        const { [String(levelId)]: _gone, ...cells } = cellsOf(t.cells);
        rows.update('ladder_touchpoints', t.id, { cells: JSON.stringify(cells) });
      }
      checkWhole(db);
    },
  );
}
