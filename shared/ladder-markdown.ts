import { type Ladder, Ladder as LadderSchema, type Rank } from './ladder.ts';

// A ladder from a Markdown document shaped like the competency map (data/competency-map.md): a
// table under "## The Map" with a header row of levels and a row per touchpoint; bullets under
// "## What You Can Delegate at Each Level" ("- Mid. Hand off…") and "## Reading Your Own Column"
// ("- Mid → Senior. Stop waiting…"). The seed file reads to exactly the default ladder.

export class LadderFileError extends Error {
  readonly line: number | null;
  constructor(message: string, line: number | null) {
    super(line === null ? message : `Line ${line}: ${message}`);
    this.line = line;
  }
}

/** A table row's cells; a pipe inside a cell is written `\|`. */
const cellsOf = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replaceAll('\\|', '|'));

type Numbered = { text: string; line: number };

/** The lines of the section under a `## Heading`, up to the next heading; null when there is none. */
function section(lines: readonly Numbered[], heading: RegExp): Numbered[] | null {
  const start = lines.findIndex((l) => l.text.startsWith('## ') && heading.test(l.text.slice(3).trim()));
  if (start < 0) return null;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l.text.startsWith('## '));
  return end < 0 ? rest : rest.slice(0, end);
}

/** "- Intern → Junior. Stop needing…": the label runs to the first ". ". */
function bullets(lines: readonly Numbered[]) {
  return lines
    .filter((l) => l.text.startsWith('- '))
    .map((l) => {
      const m = /^- (.+?)\. (.+)$/.exec(l.text.trim());
      if (!m) throw new LadderFileError(`a bullet reads "Level. Text"; this one is “${l.text.slice(0, 80)}”`, l.line);
      return { label: m[1]!, text: m[2]!, line: l.line };
    });
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
  const mapSection = section(lines, /^the map$/i) ?? lines;
  const table = mapSection.filter((l) => l.text.trim().startsWith('|'));
  const [header, rule, ...body] = table;
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
  const delegate = new Map<Rank, string>();
  for (const b of bullets(delegation)) {
    const r = levelOfLabel(names, b.label);
    if (r === null) throw new LadderFileError(`the delegate bullet “${b.label}” names no level of the table (${names.join(', ')})`, b.line);
    delegate.set(r, b.text);
  }
  const moves = new Map<Rank, string>();
  for (const b of bullets(section(lines, /own column|next move/i) ?? [])) {
    const r = levelOfLabel(names, b.label);
    if (r === null)
      throw new LadderFileError(`the next-move bullet “${b.label}” names no level of the table (${names.join(', ')})`, b.line);
    moves.set(r, b.text);
  }

  const candidate = {
    levels: names.map((name, i) => ({
      id: i + 1,
      name,
      code: name,
      aliases: [],
      delegate: delegate.get(i) ?? '',
      nextMove: moves.get(i) ?? '',
    })),
    touchpoints,
    kinds: kindsFor(names.length),
    delegateRule,
    coachingLine,
  };
  const parsed = LadderSchema.safeParse(candidate);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new LadderFileError(`${first.message}${first.path.length ? ` (at ${first.path.join('.')})` : ''}`, header.line);
  }
  return parsed.data;
}

/** One line of Markdown: a table cell or a bullet holds no line break, and a cell's pipe is escaped. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');
const cell = (text: string) => oneLine(text).replaceAll('|', '\\|');

/**
 * The ladder as Markdown shaped like the competency map, which parseLadderMarkdown reads back: the
 * table, the delegate bullets under the rule and the coaching line, and the next-move bullets. A
 * level's code and HR titles are not in it (the CSV carries them), and a text's line breaks become spaces.
 */
export function ladderMarkdown(ladder: Ladder): string {
  const names = ladder.levels.map((l) => cell(l.name));
  const top = ladder.levels.length - 1;
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
    ...ladder.levels
      .map((l, r) => ({ l, r }))
      .filter(({ l }) => l.nextMove)
      .map(
        ({ l, r }) =>
          `- ${oneLine(l.name)}${r === top ? ' and beyond' : ` → ${oneLine(ladder.levels[r + 1]!.name)}`}. ${oneLine(l.nextMove)}`,
      ),
    '',
  ].join('\n');
}
