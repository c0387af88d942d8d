import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER } from '../../shared/default-ladder.ts';
import { fit } from '../../shared/fit.ts';
import { engineerGaps, ownRungWork } from '../../shared/gaps.ts';
import { heatmap, teamHeatmap } from '../../shared/heatmap.ts';
import { Ladder, type Ladder as LadderT, levelName, moveLabel, parseLevel } from '../../shared/ladder.ts';
import { parseLadderMarkdown } from '../../shared/ladder-markdown.ts';
import { eng, item } from '../helpers/plan.ts';
import { MAP_FILE } from '../helpers/temp-db.ts';

const SEED = readFileSync(MAP_FILE, 'utf8');

/** A ladder of n levels named L1…Ln, with codes, an alias each and two touchpoints. */
const ladderOf = (n: number): LadderT =>
  Ladder.parse({
    levels: Array.from({ length: n }, (_, i) => ({
      id: i + 1,
      name: `Level ${i + 1}`,
      code: `L${i + 1}`,
      aliases: [`Engineer ${'I'.repeat(Math.min(i + 1, 3))}${i >= 3 ? ` ${i}` : ''}`],
      delegate: `Delegate at ${i + 1}.`,
      nextMove: `Move from ${i + 1}.`,
    })),
    touchpoints: ['Plan', 'Build'].map((name, t) => ({ id: t + 1, name, cells: Array.from({ length: n }, (_, i) => `${name} ${i}`) })),
    kinds: {
      initiative: { defaultRung: Math.min(2, n - 1), allowed: Array.from({ length: n - 1 }, (_, i) => i + 1) },
      story: { defaultRung: 1, allowed: Array.from({ length: n }, (_, i) => i) },
    },
    delegateRule: 'rule',
    coachingLine: 'line',
  });

describe('the competency map file is the default ladder', () => {
  it('the seed file reads to exactly the default ladder, every cell byte for byte', () => {
    expect(parseLadderMarkdown(SEED)).toEqual(DEFAULT_LADDER);
  });
  it('four levels, Intern to Senior; seven touchpoints in the map’s row order', () => {
    expect(DEFAULT_LADDER.levels.map((l) => l.name)).toEqual(['Intern', 'Junior', 'Mid', 'Senior']);
    expect(DEFAULT_LADDER.touchpoints.map((t) => t.name)).toEqual([
      'Quarterly Planning',
      'Story Mapping',
      'Discover',
      'Define',
      'Build',
      'Launch',
      'Learn',
    ]);
  });
  it('initiatives take Junior to Senior, default Mid; stories Intern to Senior, default Junior', () => {
    expect(DEFAULT_LADDER.kinds).toEqual({
      initiative: { defaultRung: 2, allowed: [1, 2, 3] },
      story: { defaultRung: 1, allowed: [0, 1, 2, 3] },
    });
  });
  it('the next move is headed the way the map heads it', () => {
    expect([0, 1, 2, 3].map((r) => moveLabel(DEFAULT_LADDER, r))).toEqual([
      'Intern → Junior',
      'Junior → Mid',
      'Mid → Senior',
      'Senior and beyond',
    ]);
  });
});

describe('a ladder has 2 to 12 levels with distinct names and codes, and a cell per level', () => {
  it('refuses 1 and 13 levels', () => {
    expect(() => ladderOf(1)).toThrow();
    expect(() => ladderOf(13)).toThrow();
    expect(() => ladderOf(2)).not.toThrow();
    expect(() => ladderOf(12)).not.toThrow();
  });
  it('refuses duplicate names and a touchpoint with a missing cell', () => {
    const l = ladderOf(3);
    expect(Ladder.safeParse({ ...l, levels: l.levels.map((v) => ({ ...v, name: 'Same' })) }).success).toBe(false);
    expect(Ladder.safeParse({ ...l, touchpoints: [{ ...l.touchpoints[0]!, cells: ['a', 'b'] }] }).success).toBe(false);
  });
});

describe('the rules hold on positions of any ladder of 2 to 12 levels', () => {
  it('gap = rung − level: in reach, stretch (one rung), overreach (more), below level (two or more under)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1), fc.nat(n - 1))),
        ([, rung, level]) => {
          const f = fit(rung, level);
          const gap = rung - level;
          expect(f.kind).toBe(gap <= 0 ? 'in_reach' : gap === 1 ? 'stretch' : 'overreach');
          expect(f.belowLevel).toBe(gap <= -2);
        },
      ),
    );
  });
  it('the heatmaps have as many columns as the ladder has levels', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), (n) => {
        const ladder = ladderOf(n);
        const top = eng('Top', n - 1);
        const plan = { ladder, engineers: [top], items: [item('Work', 'story', 0, top)] };
        expect(heatmap(plan)[0]!.cells).toHaveLength(n);
        expect(teamHeatmap(plan).roster).toHaveLength(n);
        expect(teamHeatmap(plan).rows.every((r) => r.byLevel.length === n)).toBe(true);
      }),
    );
  });
  it('own-rung work is named for the level, from where it sits against the default rungs', () => {
    const ladder = ladderOf(7);
    expect([0, 1, 2, 6].map((r) => ownRungWork(ladder, r).label)).toEqual([
      'No task of their own',
      'No Level 2-rung story of their own',
      'DRI of no Level 3-rung initiative',
      'No Level 7-rung item',
    ]);
    const staff = eng('Staff', 5);
    const gaps = engineerGaps({ ladder, engineers: [staff], items: [item('Small', 'story', 1, staff)] })[0]!.gaps;
    expect(gaps.map((g) => g.message)).toContain('Staff (Level 6) carries no Level 6-rung item');
    expect(gaps.map((g) => g.kind)).toContain('only_below_level');
  });
});

describe('a level cell from a spreadsheet reads through the ladder’s names, codes and aliases', () => {
  it('names, codes and aliases, case and punctuation aside; a number is a position', () => {
    const ladder = ladderOf(7);
    expect(parseLevel(ladder, 'level 3')).toBe(2);
    expect(parseLevel(ladder, 'l5')).toBe(4);
    expect(parseLevel(ladder, 'engineer ii')).toBe(1);
    expect(parseLevel(ladder, 'Wizard')).toBeNull();
    expect(levelName(ladder, 6)).toBe('Level 7');
  });
  it('the map’s common spellings still read on the default ladder', () => {
    expect(['Sr', 'Mid-level', 'Senior Engineer', 'medior', 'INTERN'].map((t) => parseLevel(DEFAULT_LADDER, t))).toEqual([3, 2, 3, 2, 0]);
  });
});
