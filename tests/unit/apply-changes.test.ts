import { describe, expect, it } from 'vitest';
import type { ChannelName, RequestOf } from '../../shared/contract/index.ts';
import type { Mutation, Snapshot } from '../../shared/schemas.ts';
import { applyChanges } from '../../renderer/store/applyChanges.ts';
import { ids } from '../helpers/channel-samples.ts';
import { ok, tempRoster } from '../helpers/temp-db.ts';

// A reply says what changed, and the renderer's plan store patches itself from it: the patched
// snapshot must be the one `board.snapshot` answers afterwards, for every kind of change.

type Roster = ReturnType<typeof tempRoster>;

/** Run a change on a snapshot of the quarter the item lives in; return the patched and the fresh snapshot. */
function patchedAndFresh<K extends ChannelName>(roster: Roster, quarterId: number | undefined, channel: K, request: RequestOf<K>) {
  const before = ok(roster.dispatch('board.snapshot', quarterId === undefined ? {} : { quarterId }));
  const reply = ok(roster.dispatch(channel, request)) as Mutation;
  expect(reply.refetch).toBeUndefined();
  expect(reply.changed).toBeDefined();
  const patched = applyChanges(before, reply.changed!);
  const fresh = ok(roster.dispatch('board.snapshot', quarterId === undefined ? {} : { quarterId }));
  return { patched, fresh, reply, before };
}

const quarterOf = (roster: Roster, itemId: number) =>
  roster.db.prepare<[number], number>('SELECT quarter_id FROM work_items WHERE id = ?').pluck().get(itemId)!;

const expectSame = (patched: Snapshot, fresh: Snapshot) => expect(patched).toEqual(fresh);

describe('a reply patches the plan store to what a fresh snapshot says', () => {
  it('plan.assign: a drop from the backlog, and back', () => {
    const roster = tempRoster();
    const { backlogStory, senior } = ids(roster.db);
    const q = quarterOf(roster, backlogStory);
    let r = patchedAndFresh(roster, q, 'plan.assign', { itemId: backlogStory, engineerId: senior });
    expectSame(r.patched, r.fresh);
    // Small: the one item, not the plan.
    expect(r.reply.changed!.workItems.map((i) => i.id)).toEqual([backlogStory]);
    expect(r.reply.changed!.engineers).toEqual([]);
    r = patchedAndFresh(roster, q, 'plan.assign', { itemId: backlogStory, engineerId: null });
    expectSame(r.patched, r.fresh);
  });

  it('plan.setReviewer and plan.acknowledge', () => {
    const roster = tempRoster();
    const { stretch, overreach, senior } = ids(roster.db);
    let r = patchedAndFresh(roster, quarterOf(roster, stretch), 'plan.setReviewer', {
      itemId: stretch,
      reviewerId: senior,
      leadReviews: false,
    });
    expectSame(r.patched, r.fresh);
    r = patchedAndFresh(roster, quarterOf(roster, overreach), 'plan.acknowledge', { itemId: overreach, note: 'Paired with a senior' });
    expectSame(r.patched, r.fresh);
  });

  it('engineers.update: a rename that reorders, a promotion, a deactivation that frees work', () => {
    const roster = tempRoster();
    const { junior, intern } = ids(roster.db);
    let r = patchedAndFresh(roster, undefined, 'engineers.update', { engineerId: junior, name: 'Aaron Aardvark' });
    expectSame(r.patched, r.fresh);
    r = patchedAndFresh(roster, undefined, 'engineers.update', { engineerId: intern, level: 1, fromLevel: 0 });
    expectSame(r.patched, r.fresh);
    r = patchedAndFresh(roster, undefined, 'engineers.update', { engineerId: junior, active: false });
    expectSame(r.patched, r.fresh);
  });

  it('work.create, work.update (a new team moves the stories), work.delete', () => {
    const roster = tempRoster();
    const before = ok(roster.dispatch('board.snapshot', {}));
    const q = before.quarter.id;
    let r = patchedAndFresh(roster, q, 'work.create', { quarterId: q, kind: 'story', title: 'A new story', rung: 1 });
    expectSame(r.patched, r.fresh);
    const created = r.fresh.items.find((i) => i.title === 'A new story')!;
    const initiative = before.items.find((i) => i.kind === 'initiative' && before.items.some((s) => s.parentId === i.id))!;
    const otherTeam = before.teams.find((t) => t.id !== initiative.teamId)!;
    r = patchedAndFresh(roster, q, 'work.update', { itemId: initiative.id, teamId: otherTeam.id, title: 'Renamed initiative' });
    expectSame(r.patched, r.fresh);
    r = patchedAndFresh(roster, q, 'work.delete', { itemId: created.id });
    expectSame(r.patched, r.fresh);
    r = patchedAndFresh(roster, q, 'work.delete', { itemId: initiative.id });
    expectSame(r.patched, r.fresh);
  });

  it('history.undo and history.redo carry the rows they wrote back', () => {
    const roster = tempRoster();
    const { backlogStory, senior, intern } = ids(roster.db);
    const q = quarterOf(roster, backlogStory);
    ok(roster.dispatch('plan.assign', { itemId: backlogStory, engineerId: senior }));
    let r = patchedAndFresh(roster, q, 'history.undo', {});
    expectSame(r.patched, r.fresh);
    r = patchedAndFresh(roster, q, 'history.redo', {});
    expectSame(r.patched, r.fresh);
    ok(roster.dispatch('engineers.update', { engineerId: intern, level: 1, fromLevel: 0 }));
    r = patchedAndFresh(roster, undefined, 'history.undo', {});
    expectSame(r.patched, r.fresh);
    r = patchedAndFresh(roster, undefined, 'history.redo', {});
    expectSame(r.patched, r.fresh);
  });

  it('teams and quarters: created, renamed, deleted', () => {
    const roster = tempRoster();
    let r = patchedAndFresh(roster, undefined, 'teams.create', { name: 'Aardvarks' });
    expectSame(r.patched, r.fresh);
    const team = r.fresh.teams.find((t) => t.name === 'Aardvarks')!;
    r = patchedAndFresh(roster, undefined, 'teams.rename', { teamId: team.id, name: 'Zebras' });
    expectSame(r.patched, r.fresh);
    r = patchedAndFresh(roster, undefined, 'teams.delete', { teamId: team.id });
    expectSame(r.patched, r.fresh);
    const q = r.fresh.quarter.id;
    r = patchedAndFresh(roster, q, 'quarters.rename', { quarterId: q, name: 'Renamed quarter' });
    expectSame(r.patched, r.fresh);
  });
});
