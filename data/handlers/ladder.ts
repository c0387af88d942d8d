import type { LevelUse, ladderContract } from '../../shared/contract/ladder.ts';
import { RungsError } from '../../shared/errors.ts';
import { WORK_KINDS, levelName } from '../../shared/ladder.ts';
import type { Db } from '../store/db.ts';
import { getLadder } from '../store/ladder.ts';
import { plucked, prepared } from '../store/statements.ts';
import { plural } from '../../shared/words.ts';
import { checkWhole, clearBroken, levelRow, levelRows, renumber, reposition, touchpointRow, touchpointRows } from './ladder-positions.ts';
import { type Handlers, record } from './types.ts';
import { incoming, previewLadder, readLadderFile } from './ladder-import.ts';
import { replaceLadder } from './ladder-transfer.ts';

// Editing the roster's ladder: each edit one undoable change, checked whole before it commits.

/** Move `id` to `position` in `ids`. */
const moved = (ids: readonly number[], id: number, position: number) => {
  const rest = ids.filter((x) => x !== id);
  rest.splice(Math.min(position, rest.length), 0, id);
  return rest;
};

const names = (list: readonly string[], max = 5) =>
  list.length <= max ? list.join(', ') : `${list.slice(0, max).join(', ')} and ${list.length - max} more`;

function levelUse(db: Db, levelId: number): LevelUse {
  const levels = levelRows(db);
  const position = levels.findIndex((l) => l.id === levelId);
  if (position < 0) throw new RungsError('not_found', `No level ${levelId} on the ladder.`);
  const ladder = getLadder(db);
  const engineers = plucked<[number, number, number], string>(
    db,
    `SELECT name FROM engineers WHERE level = ? OR id IN (SELECT engineer_id FROM level_changes WHERE to_level = ? OR from_level = ?) ORDER BY name`,
  ).all(position, position, position);
  const items = plucked<[number], string>(db, 'SELECT title FROM work_items WHERE rung = ? ORDER BY quarter_id, sort_key, id').all(
    position,
  );
  const defaults = WORK_KINDS.filter((k) => ladder.kinds[k].defaultRung === position);
  return { level: levelName(ladder, position), engineers, items, defaults };
}

function itemsCarrying(db: Db, touchpoint: string) {
  return prepared<[string], { id: number; title: string; touchpoints: string }>(
    db,
    `SELECT id, title, touchpoints FROM work_items WHERE EXISTS (SELECT 1 FROM json_each(touchpoints) WHERE value = ?) ORDER BY id`,
  ).all(touchpoint);
}

const cellsOf = (json: string) => JSON.parse(json) as Record<string, string>;

export const ladderHandlers: Handlers<typeof ladderContract> = {
  'ladder.get': (db) => getLadder(db),
  'ladder.previewMarkdown': (db, { text }) => previewLadder(db, readLadderFile(text)),
  'ladder.importMarkdown': (db, { text }) => {
    const file = readLadderFile(text);
    const { problems } = previewLadder(db, file);
    if (problems.length > 0) throw new RungsError('conflict', `The ladder was not imported: ${problems.join('; ')}.`);
    const ladder = incoming(db, file);
    return record(
      db,
      `Ladder: imported ${plural(ladder.levels.length, 'level')} and ${plural(ladder.touchpoints.length, 'touchpoint')}`,
      (rows) => {
        replaceLadder(db, rows, ladder);
        checkWhole(db);
      },
    );
  },
  'ladder.levelUse': (db, { levelId }) => levelUse(db, levelId),

  'ladder.updateLevel': (db, { levelId, ...patch }) => {
    const before = levelRow(db, levelId);
    const changed = [
      patch.name !== undefined && patch.name !== before.name && `renamed ${before.name} to ${patch.name}`,
      patch.code !== undefined && patch.code !== before.code && `code ${patch.code}`,
      patch.aliases !== undefined && 'aliases',
      patch.delegate !== undefined && 'what you can delegate',
      patch.nextMove !== undefined && 'the next move',
    ].filter(Boolean);
    return record(
      db,
      `Ladder: ${patch.name !== undefined && patch.name !== before.name ? '' : `${before.name}: `}${changed.join(', ') || 'no change'}`,
      (rows) => {
        rows.update('ladder_levels', levelId, {
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.code !== undefined && { code: patch.code }),
          ...(patch.aliases !== undefined && { aliases: JSON.stringify(patch.aliases) }),
          ...(patch.delegate !== undefined && { delegate: patch.delegate }),
          ...(patch.nextMove !== undefined && { next_move: patch.nextMove }),
        });
        checkWhole(db);
      },
    );
  },

  'ladder.addLevel': (db, { name, code, position }) => {
    const levels = levelRows(db);
    const at = Math.min(position, levels.length);
    const where = at === levels.length ? 'at the top' : `below ${levels[at]!.name}`;
    let cleared: string | null = null;
    return record(
      db,
      () => [`Ladder: added the level ${name} ${where}`, cleared].filter(Boolean).join('; '),
      (rows) => {
        renumber(db, rows, (r) => (r >= at ? r + 1 : r));
        cleared = clearBroken(db, rows);
        const id = rows.insert('ladder_levels', { position: at, name, code: code ?? name, aliases: '[]', delegate: '', next_move: '' });
        reposition(
          rows,
          'ladder_levels',
          moved(
            levels.map((l) => l.id),
            id,
            at,
          ),
        );
        // A kind that takes rungs below the new level takes it too: a Staff level above Senior is work an initiative can ask for.
        const k = getLadder(db).kinds;
        for (const kind of WORK_KINDS) {
          const allowed = k[kind].allowed;
          if (allowed.some((r) => r < at))
            rows.update('ladder', 1, { [`${kind}_allowed`]: JSON.stringify([...allowed, at].toSorted((a, b) => a - b)) });
        }
        checkWhole(db);
      },
    );
  },

  'ladder.moveLevel': (db, { levelId, position }) => {
    const levels = levelRows(db);
    const level = levelRow(db, levelId);
    const order = moved(
      levels.map((l) => l.id),
      levelId,
      position,
    );
    const newPosition = new Map(order.map((id, p) => [id, p]));
    const from = levels.map((l) => newPosition.get(l.id)!);
    const to = order.indexOf(levelId);
    const where = to === order.length - 1 ? 'to the top' : `below ${levels.find((l) => l.id === order[to + 1])!.name}`;
    let cleared: string | null = null;
    return record(
      db,
      () => [`Ladder: moved ${level.name} ${where}`, cleared].filter(Boolean).join('; '),
      (rows) => {
        renumber(db, rows, (r) => from[r] ?? r);
        cleared = clearBroken(db, rows);
        reposition(rows, 'ladder_levels', order);
        checkWhole(db);
      },
    );
  },

  'ladder.removeLevel': (db, { levelId }) => {
    const use = levelUse(db, levelId);
    const parts = [
      use.engineers.length > 0 && `held by ${names(use.engineers)}`,
      use.items.length > 0 && `the rung of ${plural(use.items.length, 'item')} (${names(use.items.map((t) => `'${t}'`))})`,
      use.defaults.length > 0 &&
        `the default rung of ${use.defaults.map((k) => `${k === 'story' ? 'stories' : 'initiatives'}`).join(' and ')}`,
    ].filter(Boolean);
    if (parts.length > 0) {
      throw new RungsError('conflict', `${use.level} is ${parts.join('; ')}. Move them to another level first; nothing was changed.`);
    }
    const levels = levelRows(db);
    const at = levels.findIndex((l) => l.id === levelId);
    let cleared: string | null = null;
    return record(
      db,
      () => [`Ladder: removed the level ${use.level}`, cleared].filter(Boolean).join('; '),
      (rows) => {
        const k = getLadder(db).kinds;
        for (const kind of WORK_KINDS) {
          rows.update('ladder', 1, { [`${kind}_allowed`]: JSON.stringify(k[kind].allowed.filter((r) => r !== at)) });
        }
        rows.remove('ladder_levels', levelId);
        renumber(db, rows, (r) => (r > at ? r - 1 : r));
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
  },

  'ladder.updateTouchpoint': (db, { touchpointId, name }) => {
    const before = touchpointRow(db, touchpointId);
    return record(db, `Ladder: renamed the touchpoint ${before.name} to ${name}`, (rows) => {
      rows.update('ladder_touchpoints', touchpointId, { name });
      // Items name their touchpoints: they follow the new name.
      for (const w of itemsCarrying(db, before.name)) {
        const list = (JSON.parse(w.touchpoints) as string[]).map((t) => (t === before.name ? name : t));
        rows.update('work_items', w.id, { touchpoints: JSON.stringify(list) });
      }
      checkWhole(db);
    });
  },

  'ladder.addTouchpoint': (db, { name, position }) => {
    const list = touchpointRows(db);
    const at = Math.min(position ?? list.length, list.length);
    return record(db, `Ladder: added the touchpoint ${name}`, (rows) => {
      const id = rows.insert('ladder_touchpoints', { position: at, name, cells: '{}' });
      reposition(
        rows,
        'ladder_touchpoints',
        moved(
          list.map((t) => t.id),
          id,
          at,
        ),
      );
      checkWhole(db);
    });
  },

  'ladder.moveTouchpoint': (db, { touchpointId, position }) => {
    const t = touchpointRow(db, touchpointId);
    return record(db, `Ladder: moved the touchpoint ${t.name}`, (rows) => {
      reposition(
        rows,
        'ladder_touchpoints',
        moved(
          touchpointRows(db).map((x) => x.id),
          touchpointId,
          position,
        ),
      );
    });
  },

  'ladder.removeTouchpoint': (db, { touchpointId }) => {
    const t = touchpointRow(db, touchpointId);
    const carrying = itemsCarrying(db, t.name);
    if (carrying.length > 0) {
      throw new RungsError(
        'conflict',
        `${t.name} is a touchpoint of ${plural(carrying.length, 'item')} (${names(carrying.map((w) => `'${w.title}'`))}). Take it off them first; nothing was changed.`,
      );
    }
    return record(db, `Ladder: removed the touchpoint ${t.name}`, (rows) => {
      rows.remove('ladder_touchpoints', touchpointId);
      reposition(
        rows,
        'ladder_touchpoints',
        touchpointRows(db).map((x) => x.id),
      );
    });
  },

  'ladder.setCell': (db, { touchpointId, levelId, text }) => {
    const t = touchpointRow(db, touchpointId);
    const level = levelRow(db, levelId);
    return record(db, `Ladder: ${t.name} at ${level.name}`, (rows) => {
      rows.update('ladder_touchpoints', touchpointId, { cells: JSON.stringify({ ...cellsOf(t.cells), [levelId]: text }) });
    });
  },

  'ladder.setKind': (db, { kind, defaultRung, allowed }) => {
    const ladder = getLadder(db);
    const sorted = allowed.toSorted((a, b) => a - b);
    const name = (r: number) => levelName(ladder, r);
    const outside = prepared<[string], { title: string; rung: number }>(db, 'SELECT title, rung FROM work_items WHERE kind = ? ORDER BY id')
      .all(kind)
      .filter((w) => !sorted.includes(w.rung));
    if (outside.length > 0) {
      throw new RungsError(
        'conflict',
        `${plural(outside.length, kind, kind === 'story' ? 'stories' : 'initiatives')} would sit at a rung ${kind === 'story' ? 'stories' : 'initiatives'} may not take (${names(outside.map((w) => `'${w.title}', ${name(w.rung)}`))}). Change their rungs first; nothing was changed.`,
      );
    }
    const what = kind === 'story' ? 'Stories' : 'Initiatives';
    return record(db, `Ladder: ${what} take ${sorted.map(name).join(', ')}, by default ${name(defaultRung)}`, (rows) => {
      rows.update('ladder', 1, { [`${kind}_default`]: defaultRung, [`${kind}_allowed`]: JSON.stringify(sorted) });
      checkWhole(db);
    });
  },
};
