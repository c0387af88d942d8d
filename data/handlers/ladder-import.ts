import type { LadderImportPreview } from '../../shared/contract/ladder.ts';
import { RungsError } from '../../shared/errors.ts';
import { type Ladder, type LadderLevel, WORK_KINDS, isRankOn } from '../../shared/ladder.ts';
import { parseLadderCsv } from '../../shared/ladder-csv.ts';
import { LadderFileError, kindsFor, parseLadderMarkdown } from '../../shared/ladder-markdown.ts';
import type { Db } from '../store/db.ts';
import { getLadder } from '../store/ladder.ts';
import { plucked, prepared } from '../store/statements.ts';
import { plural } from '../../shared/words.ts';

// A ladder from a file (a Markdown table or a CSV: one preview and one commit for both) replaces
// the roster's, level by level: the file's lowest level takes the place of the roster's lowest, and
// so on up, so everyone keeps their position. The preview says what that renames, adds and removes; a file with fewer levels than are in use, or
// without a touchpoint some work carries, is refused with who and what.

export function readLadderFile(text: string, format: 'markdown' | 'csv'): Ladder {
  if (text.replace(/^\uFEFF/, '').trim() === '')
    throw new RungsError(
      'invalid_input',
      'The file is empty. A ladder file is a Markdown table like the competency map, or a CSV as Export the ladder as CSV writes it. Nothing was imported.',
    );
  try {
    return format === 'csv' ? parseLadderCsv(text) : parseLadderMarkdown(text);
  } catch (error) {
    if (error instanceof LadderFileError) throw new RungsError('invalid_input', `${error.message}. Nothing was imported.`);
    throw error;
  }
}

/** The incoming ladder as it would be stored: the roster's ids where a level or touchpoint stays, its kinds where they still fit. */
export function incoming(db: Db, file: Ladder): Ladder {
  const now = getLadder(db);
  const nextId = (list: readonly { id: number }[]) => Math.max(0, ...list.map((x) => x.id)) + 1;
  let levelId = nextId(now.levels);
  let touchpointId = nextId(now.touchpoints);
  const kindsFit = WORK_KINDS.every((k) => now.kinds[k].allowed.every((r) => isRankOn(file, r)));
  return {
    ...file,
    levels: file.levels.map((l, r) => ({ ...l, id: now.levels[r]?.id ?? levelId++ })),
    touchpoints: file.touchpoints.map((t) => ({ ...t, id: now.touchpoints.find((x) => x.name === t.name)?.id ?? touchpointId++ })),
    kinds: kindsFit ? now.kinds : kindsFor(file.levels.length),
    // A file that does not carry the delegate rule or the coaching line (a CSV never does) keeps the roster's.
    delegateRule: file.delegateRule || now.delegateRule,
    coachingLine: file.coachingLine || now.coachingLine,
  };
}

const LEVEL_FIELDS = [
  ['code', (a, b) => a.code !== b.code],
  ['titles', (a, b) => a.aliases.join('\n') !== b.aliases.join('\n')],
  ['what you can delegate', (a, b) => a.delegate !== b.delegate],
  ['the next move', (a, b) => a.nextMove !== b.nextMove],
] as const satisfies readonly (readonly [
  LadderImportPreview['levels'][number]['changed'][number],
  (a: LadderLevel, b: LadderLevel) => boolean,
])[];

export function previewLadder(db: Db, file: Ladder): LadderImportPreview {
  const now = getLadder(db);
  const n = Math.max(now.levels.length, file.levels.length);
  const levels = Array.from({ length: n }, (_, r) => {
    const [a, b] = [now.levels[r], file.levels[r]];
    const changed = !a || !b ? [] : LEVEL_FIELDS.filter(([, differs]) => differs(a, b)).map(([what]) => what);
    return { from: a?.name ?? null, to: b?.name ?? null, changed };
  });
  const names = new Set(file.touchpoints.map((t) => t.name));
  const touchpoints = [
    ...file.touchpoints.map((t) => ({
      name: t.name,
      change: now.touchpoints.some((x) => x.name === t.name) ? ('kept' as const) : ('new' as const),
    })),
    ...now.touchpoints.filter((t) => !names.has(t.name)).map((t) => ({ name: t.name, change: 'removed' as const })),
  ];
  let cellsChanged = 0;
  for (const t of file.touchpoints) {
    const old = now.touchpoints.find((x) => x.name === t.name);
    t.cells.forEach((c, r) => (cellsChanged += old?.cells[r] === c ? 0 : 1));
  }
  const problems: string[] = [];
  const top = file.levels.length;
  const holding = plucked<[number, number], string>(
    db,
    'SELECT DISTINCT e.name FROM engineers e LEFT JOIN level_changes c ON c.engineer_id = e.id WHERE e.level >= ? OR c.to_level >= ? ORDER BY e.name',
  ).all(top, top);
  if (holding.length > 0) problems.push(`${holding.join(', ')} ${holding.length === 1 ? 'holds' : 'hold'} a level above the file’s ${top}`);
  const rungs = plucked<[number], string>(db, 'SELECT title FROM work_items WHERE rung >= ? ORDER BY id').all(top);
  if (rungs.length > 0)
    problems.push(`${plural(rungs.length, 'item')} sit at a rung above the file’s ${top} levels ('${rungs.slice(0, 5).join("', '")}')`);
  for (const t of touchpoints.filter((x) => x.change === 'removed')) {
    const carrying = prepared<[string], { title: string }>(
      db,
      'SELECT title FROM work_items WHERE EXISTS (SELECT 1 FROM json_each(touchpoints) WHERE value = ?) ORDER BY id',
    ).all(t.name);
    if (carrying.length > 0)
      problems.push(`${t.name}, which the file does not have, is a touchpoint of ${plural(carrying.length, 'item')}`);
  }
  return { levels, touchpoints, cellsChanged, problems };
}
