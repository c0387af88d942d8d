import { readFileSync } from 'node:fs';
import { type CompetencyMap, mapOf } from '../../shared/competency-map.ts';
import { RungsError } from '../../shared/errors.ts';
import { parseLadderMarkdown } from '../../shared/ladder-markdown.ts';

// The competency map ships as the source document itself (data/competency-map.md, a verbatim copy
// of the map the product is built on). The main process parses it once, on first use, and checks
// the result against the zod schema in shared/, so a mangled copy is refused loudly instead of
// quietly showing a lead the wrong words.

export const MAP_FILE_NAME = 'competency-map.md';

/** Parse the map's Markdown into the map the ladder reads as. Throws with a plain sentence. */
export const parseCompetencyMap = (markdown: string): CompetencyMap => mapOf(parseLadderMarkdown(markdown));

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
