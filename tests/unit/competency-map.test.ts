import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCompetencyMap, parseCompetencyMap } from '../../data/seed/competency-map.ts';
import { agendaMarkdown, coachingAgenda } from '../../shared/coaching.ts';
import { engineerGaps } from '../../shared/gaps.ts';
import { CompetencyMap, cellOf } from '../../shared/competency-map.ts';
import { MAP_FILE, ok, tempDir, tempRoster } from '../helpers/temp-db.ts';

const SOURCE = '/work/shared/competency-map.md';
const text = readFileSync(MAP_FILE, 'utf8');

/** The table's cells read independently of the parser: every line starting with '|', split on '|'. */
function tableCellsBySplit(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((l) => l.startsWith('|') && !l.startsWith('|---'))
    .slice(1)
    .map((l) =>
      l
        .split('|')
        .slice(2, -1)
        .map((c) => c.trim()),
    );
}

describe('the competency map ships as data, verbatim', () => {
  it.skipIf(!existsSync(SOURCE))('data/competency-map.md is a byte-for-byte copy of the source document', () => {
    expect(text).toBe(readFileSync(SOURCE, 'utf8'));
  });

  it('parses into 7 touchpoints × 4 levels, each cell equal to the document’s', () => {
    const map = parseCompetencyMap(text);
    const cells = tableCellsBySplit(text);
    expect(cells).toHaveLength(7);
    expect(map.rows.map((r) => [...r.cells])).toEqual(cells);
    expect(map.rows.flatMap((r) => r.cells)).toHaveLength(28);
    expect(map.rows.map((r) => r.touchpoint)).toEqual([
      'Quarterly Planning',
      'Story Mapping',
      'Discover',
      'Define',
      'Build',
      'Launch',
      'Learn',
    ]);
    for (const cell of map.rows.flatMap((r) => r.cells)) expect(text).toContain(cell);
  });

  it('reads the delegation bullets and the moves up, verbatim', () => {
    const map = parseCompetencyMap(text);
    expect(map.delegate.map((d) => d.level)).toEqual(['Intern', 'Junior', 'Mid', 'Senior']);
    expect(map.delegate[1]!.text).toMatch(/^Hand off a scoped story end to end, including its Build and its release\./);
    expect(map.moves.map((m) => m.label)).toEqual(['Intern → Junior', 'Junior → Mid', 'Mid → Senior', 'Senior and beyond']);
    expect(map.moves.map((m) => m.to)).toEqual(['Junior', 'Mid', 'Senior', null]);
    expect(map.delegateRule).toBe('delegate one rung past what’s comfortable, then close the gap with review.');
    expect(map.coachingLine).toBe('If you can’t yet delegate at the level someone is supposed to be, that gap is the coaching agenda.');
    for (const t of [...map.delegate.map((d) => d.text), ...map.moves.map((m) => `${m.label}. ${m.text}`)]) expect(text).toContain(t);
  });

  it('refuses a mangled copy with a sentence naming what is wrong', () => {
    expect(() => parseCompetencyMap(text.replace('| Discover |', '| |'))).toThrow(/Line 17: .*touchpoint name/);
    expect(() => parseCompetencyMap(text.replace('- Mid. Hand off', '- Middle. Hand off'))).toThrow(/Line \d+: .*delegate.*“Middle”/);
    expect(() => parseCompetencyMap(text.replace(/\| Learn \|/, '| Learn | one cell |'))).toThrow(/cells for 4 levels/);
    const dir = tempDir();
    const bad = join(dir, 'map.md');
    writeFileSync(bad, text.replace('| Touchpoint | Intern |', '| Touchpoint | Junior |'));
    expect(() => loadCompetencyMap(bad)).toThrow(expect.objectContaining({ code: 'internal' }));
  });

  it('is served over map.get, validated by the schema', () => {
    const { dispatch } = tempRoster();
    const map = ok(dispatch('map.get', {}));
    expect(CompetencyMap.parse(map)).toEqual(parseCompetencyMap(text));
  });
});

describe('the coaching agenda takes the map’s words from the data', () => {
  it('one Markdown section per engineer to coach, with the cells for their items’ touchpoints, their delegate text and next move', () => {
    const { dispatch } = tempRoster();
    const snapshot = ok(dispatch('board.snapshot', {}));
    const map = ok(dispatch('map.get', {}));
    const agenda = coachingAgenda(engineerGaps(snapshot), snapshot.engineers, snapshot.ladder);
    const leo = agenda.find((a) => a.engineer.name === 'Leo Okafor')!;
    expect(leo.delegate).toBe(map.delegate[0]!.text);
    expect(leo.move.label).toBe('Intern → Junior');
    // The overreach carries Discover and Define: the Intern cells of those rows, verbatim.
    expect(leo.cells.map((c) => c.text)).toEqual([cellOf(map, 'Discover', 0), cellOf(map, 'Define', 0)]);
    expect(leo.cells[1]!.text).toBe('Contributes in the session; follows the definition doc, does not write the engineer section.');
    // Jade's stretch is reviewed, so it is no gap, but it is growth to coach.
    const jade = agenda.find((a) => a.engineer.name === 'Jade Martin')!;
    expect(jade.points[0]!.label).toBe('Stretch, reviewed by Sofia Lindqvist');
    const md = agendaMarkdown(agenda, snapshot.quarter.name, snapshot.ladder);
    expect(md.match(/^## /gm)).toHaveLength(agenda.length);
    expect(md).toContain('## Leo Okafor (Intern)');
    expect(md).toContain("- **Overreach**: 'Fraud rules for self-referrals' (Mid-rung story)");
    expect(md).toContain(`- **Define**: ${cellOf(map, 'Define', 0)} ('Fraud rules for self-referrals')`);
    expect(md).toContain("- **Stretch, reviewed by Sofia Lindqvist**: 'Referral rewards' (Mid-rung initiative)");
    expect(md).toContain(map.moves[0]!.text);
    expect(md).toContain(map.coachingLine);
  });
});
