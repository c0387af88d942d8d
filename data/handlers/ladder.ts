import type { ladderContract } from '../../shared/contract/ladder.ts';
import { RungsError } from '../../shared/errors.ts';
import { WORK_KINDS, levelName } from '../../shared/ladder.ts';
import { movedOrder } from '../../shared/ladder-moves.ts';
import type { Db } from '../store/db.ts';
import { getLadder } from '../store/ladder.ts';
import { prepared } from '../store/statements.ts';
import { plural } from '../../shared/words.ts';
import { checkWhole, clearBroken, levelRow, levelRows, renumber, reposition, touchpointRow, touchpointRows } from './ladder-positions.ts';
import { levelHandlers, names } from './ladder-levels.ts';
import { type Handlers, record } from './types.ts';
import { incoming, previewLadder, readLadderFile } from './ladder-import.ts';
import { replaceLadder } from './ladder-transfer.ts';

// Editing the roster's ladder: each edit one undoable change, checked whole before it commits.

function itemsCarrying(db: Db, touchpoint: string) {
  return prepared<[string], { id: number; title: string; touchpoints: string }>(
    db,
    `SELECT id, title, touchpoints FROM work_items WHERE EXISTS (SELECT 1 FROM json_each(touchpoints) WHERE value = ?) ORDER BY id`,
  ).all(touchpoint);
}

const cellsOf = (json: string) => JSON.parse(json) as Record<string, string>;

export const ladderHandlers: Handlers<typeof ladderContract> = {
  'ladder.get': (db) => getLadder(db),
  ...levelHandlers,
  'ladder.previewImport': (db, { text, format }) => previewLadder(db, readLadderFile(text, format)),
  'ladder.import': (db, { text, format }) => {
    const file = readLadderFile(text, format);
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
          movedOrder(
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
        movedOrder(
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
        movedOrder(
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
