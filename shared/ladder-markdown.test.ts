import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from './default-ladder.ts';
import type { Ladder } from './ladder.ts';
import { ladderMarkdown, parseLadderMarkdown } from './ladder-markdown.ts';

// The ladder exported as Markdown shaped like the competency map reads back as the same ladder.

describe('a ladder exported as Markdown reads back', () => {
  it('the competency map’s ladder, whole: levels, texts, cells, the rule and the coaching line', () => {
    expect(parseLadderMarkdown(ladderMarkdown(DEFAULT_LADDER))).toEqual(DEFAULT_LADDER);
  });
  it('a pipe in a cell or a name is escaped and comes back; a line break becomes a space', () => {
    const ladder: Ladder = {
      ...DEFAULT_LADDER,
      levels: DEFAULT_LADDER.levels.map((l, r) => (r === 3 ? { ...l, name: 'Staff | Lead', code: 'Staff | Lead' } : l)),
      touchpoints: [{ id: 1, name: 'Build | Ship', cells: ['a | b', 'two\nlines', '', 'd'] }],
    };
    const back = parseLadderMarkdown(ladderMarkdown(ladder));
    expect(back.levels.map((l) => l.name)).toEqual(['Intern', 'Junior', 'Mid', 'Staff | Lead']);
    expect(back.touchpoints).toEqual([{ id: 1, name: 'Build | Ship', cells: ['a | b', 'two lines', '', 'd'] }]);
    expect(back.levels[3]!.nextMove).toBe(DEFAULT_LADDER.levels[3]!.nextMove);
  });
});
