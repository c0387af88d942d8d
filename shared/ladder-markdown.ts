import { type Ladder, Ladder as LadderSchema, type Rank } from './ladder.ts';

// A ladder from a Markdown document shaped like the competency map (data/competency-map.md): a
// table under "## The Map" with a header row of levels and a row per touchpoint; bullets under
// "## What You Can Delegate at Each Level" ("- Mid. Hand off…") and "## Reading Your Own Column"
// ("- Mid → Senior. Stop waiting…"); and, when present, a table under "## Level codes and HR
// titles" ("| Level | Code | HR titles |", titles split by ";"), which the map has no place for.
// A line break in a text is written <br>, as GFM tables write one. The seed file reads to exactly
// the default ladder; the export reads back to the ladder it was written from.

export class LadderFileError extends Error {
  readonly line: number | null;
  constructor(message: string, line: number | null) {
    super(line === null ? message : `Line ${line}: ${message}`);
    this.line = line;
  }
}

const BREAK = '<br>';
/** A text on one Markdown line: its line breaks written <br>. */
const oneLine = (text: string) => text.replace(/\r?\n/g, BREAK);
const unbreak = (text: string) => text.replace(/<br\s*\/?>/gi, '\n');
const cell = (text: string) => oneLine(text).replaceAll('|', '\\|');

/** A table row's cells; a pipe inside a cell is written `\|`. */
const cellsOf = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => unbreak(c.trim().replaceAll('\\|', '|')));

/** HR titles in one cell, split by ";" (a title's own ";" written `\;`). */
const titlesCell = (aliases: readonly string[]) => cell(aliases.map((a) => a.replaceAll(';', '\\;')).join('; '));
const titlesOf = (text: string) =>
  text
    .split(/(?<!\\);/)
    .map((a) => a.replaceAll('\\;', ';').trim())
    .filter((a) => a !== '');

type Numbered = { text: string; line: number };

/** The lines of the section under a `## Heading`, up to the next heading; null when there is none. */
function section(lines: readonly Numbered[], heading: RegExp): Numbered[] | null {
  const start = lines.findIndex((l) => l.text.startsWith('## ') && heading.test(l.text.slice(3).trim()));
  if (start < 0) return null;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l.text.startsWith('## '));
  return end < 0 ? rest : rest.slice(0, end);
}

/**
 * The text of each level's bullet in a section. A bullet names its level the way the export writes
 * it ("- Sr. Engineer. Hand off…", "- Mid → Senior. Stop…"), the longest such label winning, so a
 * name holding ". " reads; else its label runs to the first ". " and names the longest level name
 * it starts with ("- Senior and beyond. …").
 */
function bulletTexts(lines: readonly Numbered[], labels: readonly string[], names: readonly string[], what: string): Map<Rank, string> {
  const texts = new Map<Rank, string>();
  for (const l of lines.filter((x) => x.text.startsWith('- '))) {
    const body = unbreak(l.text.trim().slice(2));
    let rank: Rank | null = null;
    labels.forEach((label, r) => {
      if (body.startsWith(`${label}. `) && (rank === null || label.length > labels[rank]!.length)) rank = r;
    });
    if (rank !== null) {
      texts.set(rank, body.slice(labels[rank]!.length + 2).trim());
      continue;
    }
    const m = /^(.+?)\. (.+)$/s.exec(body);
    if (!m) throw new LadderFileError(`a bullet reads "Level. Text"; this one is “${l.text.slice(0, 80)}”`, l.line);
    const named = levelOfLabel(names, m[1]!);
    if (named === null)
      throw new LadderFileError(`the ${what} bullet “${m[1]!}” names no level of the table (${names.join(', ')})`, l.line);
    texts.set(named, m[2]!);
  }
  return texts;
}

/** Which level a bullet's label names: the longest level name it starts with. */
function levelOfLabel(names: readonly string[], label: string): Rank | null {
  const from = label.split('→')[0]!.trim().toLowerCase();
  let best: Rank | null = null;
  names.forEach((n, i) => {
    if ((from === n.toLowerCase() || from.startsWith(`${n.toLowerCase()} `)) && (best === null || n.length > names[best]!.length)) best = i;
  });
  return best;
}

/** How the Markdown heads a level's next move: "Mid → Senior", "Senior and beyond". */
const moveLabels = (names: readonly string[]) =>
  names.map((n, r) => (r === names.length - 1 ? `${n} and beyond` : `${n} → ${names[r + 1]!}`));

/** Each level's code and HR titles from the "Level | Code | HR titles" table; a level it does not list keeps its name as its code. */
function codesAndTitles(lines: readonly Numbered[] | null, names: readonly string[]) {
  const found = names.map((name) => ({ code: name, aliases: [] as string[] }));
  const table = firstTable(lines ?? []);
  if (table.length === 0) return found;
  const seen = new Set<Rank>();
  for (const l of table.slice(2)) {
    const cells = cellsOf(l.text);
    if (cells.length > 3) throw new LadderFileError(`the row has ${cells.length} cells for 3 columns (Level, Code, HR titles)`, l.line);
    const [name = '', code = '', titles = ''] = cells;
    const rank = names.findIndex((n) => n.toLowerCase() === name.toLowerCase());
    if (rank < 0) throw new LadderFileError(`“${name}” is no level of the map’s table (${names.join(', ')})`, l.line);
    if (seen.has(rank)) throw new LadderFileError(`a second row for ${names[rank]!}`, l.line);
    seen.add(rank);
    found[rank] = { code: code || names[rank]!, aliases: titlesOf(titles) };
  }
  return found;
}

/** The first table in some lines: its header, its rule and its rows, up to the first line that is not a row. */
function firstTable(lines: readonly Numbered[]): Numbered[] {
  const start = lines.findIndex((l) => l.text.trim().startsWith('|'));
  if (start < 0) return [];
  const rest = lines.slice(start);
  const end = rest.findIndex((l) => !l.text.trim().startsWith('|'));
  return end < 0 ? rest : rest.slice(0, end);
}

/** Default and allowed rungs for a ladder read from a file: stories anywhere from the second level, initiatives from it upward. */
export function kindsFor(levels: number): Ladder['kinds'] {
  const all = Array.from({ length: levels }, (_, i) => i);
  return {
    initiative: { defaultRung: Math.min(2, levels - 1), allowed: all.slice(1) },
    story: { defaultRung: 1, allowed: all },
  };
}

/** Parse a ladder from Markdown. Throws a LadderFileError naming the line for a malformed file. */
export function parseLadderMarkdown(markdown: string): Ladder {
  const lines = markdown
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((text, i) => ({ text, line: i + 1 }));
  const [header, rule, ...body] = firstTable(section(lines, /^the map$/i) ?? lines);
  if (!header) throw new LadderFileError('the file has no table of touchpoints × levels', null);
  if (!rule || !/^\|?\s*:?-{2,}/.test(rule.text.trim()))
    throw new LadderFileError('the table’s second line must be its |---| rule', rule?.line ?? header.line);
  const names = cellsOf(header.text).slice(1);
  const touchpoints = body.map((l, i) => {
    const [name, ...cells] = cellsOf(l.text);
    if (cells.length !== names.length) throw new LadderFileError(`the row has ${cells.length} cells for ${names.length} levels`, l.line);
    if (!name) throw new LadderFileError('the row has no touchpoint name in its first cell', l.line);
    return { id: i + 1, name, cells };
  });

  const delegation = section(lines, /delegate/i) ?? [];
  const delegateRule = delegation.map((l) => /The rule underneath it: (.+)$/.exec(l.text)?.[1]).find((t) => t !== undefined) ?? '';
  const coachingLine = delegation.find((l) => /^If you can.t yet delegate/.test(l.text))?.text.trim() ?? '';
  const delegate = bulletTexts(delegation, names, names, 'delegate');
  const moves = bulletTexts(section(lines, /own column|next move/i) ?? [], moveLabels(names), names, 'next-move');
  const codes = codesAndTitles(section(lines, /codes? and (hr )?titles/i), names);

  const candidate = {
    levels: names.map((name, i) => ({
      id: i + 1,
      name,
      ...codes[i]!,
      delegate: delegate.get(i) ?? '',
      nextMove: moves.get(i) ?? '',
    })),
    touchpoints,
    kinds: kindsFor(names.length),
    delegateRule: unbreak(delegateRule),
    coachingLine: unbreak(coachingLine),
  };
  const parsed = LadderSchema.safeParse(candidate);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new LadderFileError(`${first.message}${first.path.length ? ` (at ${first.path.join('.')})` : ''}`, header.line);
  }
  return parsed.data;
}

/**
 * The ladder as Markdown shaped like the competency map, which parseLadderMarkdown reads back: the
 * table, the delegate bullets under the rule and the coaching line, the next-move bullets, and the
 * table of each level's code and HR titles.
 */
export function ladderMarkdown(ladder: Ladder): string {
  const names = ladder.levels.map((l) => cell(l.name));
  const moves = moveLabels(ladder.levels.map((l) => l.name));
  return [
    '# Career ladder',
    '',
    '## The Map',
    '',
    `| Touchpoint | ${names.join(' | ')} |`,
    `|---|${'---|'.repeat(names.length)}`,
    ...ladder.touchpoints.map((t) => `| ${cell(t.name)} | ${t.cells.map(cell).join(' | ')} |`),
    '',
    '## What You Can Delegate at Each Level',
    '',
    ...(ladder.delegateRule ? [`The rule underneath it: ${oneLine(ladder.delegateRule)}`] : []),
    ...ladder.levels.filter((l) => l.delegate).map((l) => `- ${oneLine(l.name)}. ${oneLine(l.delegate)}`),
    ...(ladder.coachingLine ? [oneLine(ladder.coachingLine)] : []),
    '',
    '## Reading Your Own Column',
    '',
    ...ladder.levels.flatMap((l, r) => (l.nextMove ? [`- ${oneLine(moves[r]!)}. ${oneLine(l.nextMove)}`] : [])),
    '',
    '## Level codes and HR titles',
    '',
    '| Level | Code | HR titles |',
    '|---|---|---|',
    ...ladder.levels.map((l) => `| ${cell(l.name)} | ${cell(l.code)} | ${titlesCell(l.aliases)} |`),
    '',
  ].join('\n');
}
