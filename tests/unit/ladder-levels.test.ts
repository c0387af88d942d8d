import { describe, expect, it } from 'vitest';
import { type FitKind, fit } from '../../shared/fit.ts';
import { levelName } from '../../shared/ladder.ts';
import type { Snapshot } from '../../shared/schemas.ts';
import { ok, rowCounts, tempRoster } from '../helpers/temp-db.ts';

// Reordering a level shows which fits change before it applies; removing a level people hold moves
// them, their history and the work at it to a level the lead picks. Real roster files, real handlers.

type Dispatch = ReturnType<typeof tempRoster>['dispatch'];
const snapshot = (dispatch: Dispatch, quarterId?: number) => ok(dispatch('board.snapshot', quarterId === undefined ? {} : { quarterId }));
const levelId = (s: Snapshot, name: string) => s.ladder.levels.find((l) => l.name === name)!.id;

/** Every assignment's fit in every quarter, as each quarter's board shows it: item id → fit. */
function boardFits(dispatch: Dispatch): Map<number, FitKind> {
  const out = new Map<number, FitKind>();
  for (const q of snapshot(dispatch).quarters) {
    const s = snapshot(dispatch, q.id);
    for (const i of s.items) {
      const e = s.engineers.find((x) => x.id === i.assignment?.engineerId);
      if (e) out.set(i.id, fit(i.rung, e.level).kind);
    }
  }
  return out;
}

const changedBetween = (before: Map<number, FitKind>, after: Map<number, FitKind>) =>
  [...before]
    .filter(([id, kind]) => after.get(id) !== kind)
    .map(([id, kind]) => [id, kind, after.get(id)])
    .toSorted(([a], [b]) => Number(a) - Number(b));

// The order a lead reads, restated here from the words of the rule rather than imported.
const RANK: Record<FitKind, number> = { in_reach: 0, stretch: 1, overreach: 2 };
const group = (c: { before: FitKind; after: FitKind }) =>
  RANK[c.after] <= RANK[c.before] ? 'better' : c.after === 'overreach' ? 'new overreach' : 'new stretch';

describe('reordering a level shows which fits change, new overreaches first, before it applies', () => {
  it('for every level and every place it can go, the preview names exactly the fits the move then changes', () => {
    const { dispatch } = tempRoster();
    const levels = snapshot(dispatch).ladder.levels;
    const groupsSeen = new Set<string>();
    for (const level of levels) {
      for (let position = 0; position < levels.length; position++) {
        if (levels[position]!.id === level.id) continue;
        const before = boardFits(dispatch);
        const impact = ok(dispatch('ladder.moveImpact', { levelId: level.id, position }));
        const groups = impact.map(group);
        expect(groups, `${level.name} to ${position}`).toEqual(
          groups.toSorted(
            (a, b) => ['new overreach', 'new stretch', 'better'].indexOf(a) - ['new overreach', 'new stretch', 'better'].indexOf(b),
          ),
        );
        groups.forEach((g) => groupsSeen.add(g));
        const moved = ok(dispatch('ladder.moveLevel', { levelId: level.id, position }));
        expect(moved.summary, `${level.name} to ${position}`).toContain(
          impact.length === 0 ? '; no assignment’s fit changes' : `; ${impact.length} fit${impact.length === 1 ? ' changes' : 's change'}`,
        );
        const after = boardFits(dispatch);
        expect(
          impact.map((c) => [c.itemId, c.before, c.after]).toSorted(([a], [b]) => Number(a) - Number(b)),
          `${level.name} to ${position}`,
        ).toEqual(changedBetween(before, after));
        ok(dispatch('history.undo', {}));
        expect(boardFits(dispatch)).toEqual(before);
      }
    }
    // The demo team's moves make new overreaches, new stretches and better fits: the order is tested, not assumed.
    expect([...groupsSeen].toSorted()).toEqual(['better', 'new overreach', 'new stretch']);
  });
  it('raising Intern over Junior: the Junior-rung initiatives Interns carry become overreaches, listed before the fit that gets better', () => {
    const { dispatch } = tempRoster();
    const s = snapshot(dispatch);
    const impact = ok(dispatch('ladder.moveImpact', { levelId: levelId(s, 'Intern'), position: 1 }));
    expect(impact.map((c) => `${c.title}, ${c.engineer}: ${c.before} → ${c.after}`)).toEqual([
      'Checkout revamp, Ana Sousa: stretch → overreach',
      'Referral rewards, Jade Martin: stretch → overreach',
      'Fraud rules for self-referrals, Leo Okafor: overreach → stretch',
    ]);
  });
  it('a new top level lowered below Senior changes no fit: the preview is empty, the change says so, every board reads the same', () => {
    const { dispatch } = tempRoster();
    ok(dispatch('ladder.addLevel', { name: 'Staff', position: 4 }));
    const staff = levelId(snapshot(dispatch), 'Staff');
    const before = boardFits(dispatch);
    expect(ok(dispatch('ladder.moveImpact', { levelId: staff, position: 3 }))).toEqual([]);
    expect(ok(dispatch('ladder.moveLevel', { levelId: staff, position: 3 })).summary).toBe(
      'Ladder: moved Staff below Senior; no assignment’s fit changes',
    );
    expect(snapshot(dispatch).ladder.levels.map((l) => l.name)).toEqual(['Intern', 'Junior', 'Mid', 'Staff', 'Senior']);
    expect(boardFits(dispatch)).toEqual(before);
  });
  it('an unknown level is not_found and a preview changes no row', () => {
    const { db, dispatch } = tempRoster();
    const counts = rowCounts(db);
    expect(dispatch('ladder.moveImpact', { levelId: 987, position: 0 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    ok(dispatch('ladder.moveImpact', { levelId: 1, position: 3 }));
    expect(rowCounts(db)).toEqual(counts);
  });
});

describe('removing a level people hold: they, their history and the work at it move to the level the lead picks', () => {
  it('Junior into Intern: engineers, rungs, the stories’ default and the level history move; one change, undone and redone whole', () => {
    const { db, dispatch } = tempRoster();
    const before = snapshot(dispatch);
    const name = (s: Snapshot, rank: number) => levelName(s.ladder, rank);
    const juniors = before.engineers.filter((e) => name(before, e.level) === 'Junior').map((e) => e.id);
    const juniorItems = before.items.filter((i) => name(before, i.rung) === 'Junior').map((i) => i.id);
    const historyAtJunior = before.levelChanges.filter((c) => c.toLevel === 1 || c.fromLevel === 1).map((c) => c.id);
    expect(juniors.length).toBeGreaterThan(0);
    expect(juniorItems.length).toBeGreaterThan(0);
    expect(historyAtJunior.length).toBeGreaterThan(0);
    const fitsBefore = boardFits(dispatch);
    const use = ok(dispatch('ladder.levelUse', { levelId: levelId(before, 'Junior'), intoLevelId: levelId(before, 'Intern') }));
    expect(use.history).toBe(historyAtJunior.length);

    const r = ok(dispatch('ladder.mergeLevel', { levelId: levelId(before, 'Junior'), intoLevelId: levelId(before, 'Intern') }));
    expect(r.summary).toMatch(
      new RegExp(
        `^Ladder: removed the level Junior; moved ${juniors.length} engineers, ${juniorItems.length} items and the default rung of stories to Intern; ${historyAtJunior.length} level changes? in people’s history now read Intern`,
      ),
    );
    const after = snapshot(dispatch);
    expect(after.ladder.levels.map((l) => l.name)).toEqual(['Intern', 'Mid', 'Senior']);
    expect(after.ladder.touchpoints.every((t) => t.cells.length === 3)).toBe(true);
    for (const id of juniors) expect(name(after, after.engineers.find((e) => e.id === id)!.level)).toBe('Intern');
    for (const id of juniorItems) expect(name(after, after.items.find((i) => i.id === id)!.rung)).toBe('Intern');
    expect(name(after, after.ladder.kinds.story.defaultRung)).toBe('Intern');
    expect(after.ladder.kinds.initiative.allowed.map((r) => name(after, r))).toEqual(['Intern', 'Mid', 'Senior']);
    // The promotion records stay, each still naming a level on the ladder: Junior's now read Intern.
    expect(after.levelChanges.map((c) => c.id)).toEqual(before.levelChanges.map((c) => c.id));
    for (const c of after.levelChanges.filter((x) => historyAtJunior.includes(x.id))) {
      const was = before.levelChanges.find((x) => x.id === c.id)!;
      expect(name(after, c.toLevel)).toBe(was.toLevel === 1 ? 'Intern' : name(before, was.toLevel));
      if (c.fromLevel !== null) expect(name(after, c.fromLevel)).toBe(was.fromLevel === 1 ? 'Intern' : name(before, was.fromLevel!));
    }
    // The preview named the fits that changed.
    expect(use.fits.map((c) => [c.itemId, c.before, c.after]).toSorted(([a], [b]) => Number(a) - Number(b))).toEqual(
      changedBetween(fitsBefore, boardFits(dispatch)),
    );

    const counts = rowCounts(db);
    ok(dispatch('history.undo', {}));
    const undone = snapshot(dispatch);
    expect(undone.ladder).toEqual(before.ladder);
    expect(undone.engineers).toEqual(before.engineers);
    expect(undone.items).toEqual(before.items);
    expect(undone.levelChanges).toEqual(before.levelChanges);
    ok(dispatch('history.redo', {}));
    const redone = snapshot(dispatch);
    expect(redone.ladder).toEqual(after.ladder);
    expect(redone.levelChanges).toEqual(after.levelChanges);
    expect(rowCounts(db)).toEqual(counts);
  });
  it('the lowest level into the one above: Intern into Junior', () => {
    const { dispatch } = tempRoster();
    const s = snapshot(dispatch);
    ok(dispatch('ladder.mergeLevel', { levelId: levelId(s, 'Intern'), intoLevelId: levelId(s, 'Junior') }));
    const after = snapshot(dispatch);
    expect(after.ladder.levels.map((l) => l.name)).toEqual(['Junior', 'Mid', 'Senior']);
    expect(after.engineers.map((e) => e.level).every((r) => r >= 0 && r < 3)).toBe(true);
  });
  it('refusals change nothing: into itself, unknown levels, a ladder of two', () => {
    const { db, dispatch } = tempRoster();
    const s = snapshot(dispatch);
    const counts = rowCounts(db);
    const mid = levelId(s, 'Mid');
    expect(dispatch('ladder.mergeLevel', { levelId: mid, intoLevelId: mid })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Mid cannot take its own people and work: pick another level. Nothing was changed.' },
    });
    expect(dispatch('ladder.mergeLevel', { levelId: mid, intoLevelId: 987 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(dispatch('ladder.mergeLevel', { levelId: 987, intoLevelId: mid })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(dispatch('ladder.levelUse', { levelId: mid, intoLevelId: mid })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(rowCounts(db)).toEqual(counts);

    ok(dispatch('ladder.mergeLevel', { levelId: levelId(s, 'Intern'), intoLevelId: levelId(s, 'Junior') }));
    ok(dispatch('ladder.mergeLevel', { levelId: levelId(s, 'Junior'), intoLevelId: mid }));
    const two = rowCounts(db);
    expect(dispatch('ladder.mergeLevel', { levelId: mid, intoLevelId: levelId(s, 'Senior') })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'A ladder has at least 2 levels. Nothing was changed.' },
    });
    expect(rowCounts(db)).toEqual(two);
    expect(snapshot(dispatch).ladder.levels.map((l) => l.name)).toEqual(['Mid', 'Senior']);
  });
});
