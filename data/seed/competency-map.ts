import { readFileSync } from 'node:fs';
import { CompetencyMap } from '../../shared/competency-map.ts';
import { RungsError } from '../../shared/errors.ts';
import { LEVELS } from '../../shared/ladder.ts';

// The competency map ships as the source document itself (data/competency-map.md, a verbatim copy
// of the map the product is built on). The main process parses it once, on first use, and checks
// the result against the zod schema in shared/, so a mangled copy is refused loudly instead of
// quietly showing a lead the wrong words.

export const MAP_FILE_NAME = 'competency-map.md';

const cellsOf = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());

/** The lines of the section under a `## Heading`, up to the next heading. */
function section(lines: readonly string[], heading: string): string[] {
  const start = lines.findIndex((l) => l.trim() === `## ${heading}`);
  if (start < 0) throw new Error(`The competency map has no “${heading}” section.`);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l.startsWith('## '));
  return end < 0 ? rest : rest.slice(0, end);
}

const bullets = (lines: readonly string[]) =>
  lines
    .filter((l) => l.startsWith('- '))
    .map((l) => {
      // "- Intern → Junior. Stop needing…": the label runs to the first ". ".
      const m = /^- (.+?)\. (.+)$/.exec(l.trim());
      if (!m) throw new Error(`Unreadable bullet in the competency map: ${l}`);
      return { label: m[1]!, text: m[2]! };
    });

/** Parse the map's Markdown into the shape CompetencyMap validates. Throws with a plain sentence. */
export function parseCompetencyMap(markdown: string): CompetencyMap {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const table = section(lines, 'The Map').filter((l) => l.trim().startsWith('|'));
  const [header, , ...body] = table;
  if (!header) throw new Error('The competency map has no table.');
  const levels = cellsOf(header).slice(1);

  const delegation = section(lines, 'What You Can Delegate at Each Level');
  const rule = delegation.map((l) => /The rule underneath it: (.+)$/.exec(l)?.[1]).find((t) => t !== undefined);
  const coachingLine = delegation.find((l) => l.startsWith('If you can’t yet delegate'))?.trim();

  const candidate = {
    levels,
    rows: body.map((line) => {
      const [touchpoint, ...cells] = cellsOf(line);
      return { touchpoint, cells };
    }),
    delegateRule: rule,
    delegate: bullets(delegation).map((b) => ({ level: b.label, text: b.text })),
    coachingLine,
    moves: bullets(section(lines, 'Reading Your Own Column')).map((b) => {
      const [from, to] = b.label.split('→').map((s) => s.trim());
      const fromLevel = LEVELS.find((l) => from?.startsWith(l)) ?? from;
      return { from: fromLevel, to: to ?? null, label: b.label, text: b.text };
    }),
  };
  const parsed = CompetencyMap.safeParse(candidate);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new Error(`The competency map does not match its schema at ${first.path.join('.') || 'top'}: ${first.message}`);
  }
  return parsed.data;
}

const cache = new Map<string, CompetencyMap>();

/** Read and validate the map file once per process; later calls reuse it. */
export function loadCompetencyMap(file: string): CompetencyMap {
  const hit = cache.get(file);
  if (hit) return hit;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new RungsError('internal', `The competency map could not be read from ${file}: ${String(error)}`);
  }
  let map: CompetencyMap;
  try {
    map = parseCompetencyMap(text);
  } catch (error) {
    throw new RungsError('internal', error instanceof Error ? error.message : String(error));
  }
  cache.set(file, map);
  return map;
}
