import { describe, expect, it } from 'vitest';
import { carriedOverText, earlierNoteText, workTeam } from './work-team.ts';

describe("a story under an initiative is its initiative's team's work", () => {
  const parent = { title: 'Checkout revamp', teamId: 1 };
  it('takes the parent team when none is asked, or the same one', () => {
    expect(workTeam(parent, undefined, null)).toEqual({ ok: true, teamId: 1 });
    expect(workTeam(parent, 1, 2)).toEqual({ ok: true, teamId: 1 });
  });
  it('follows a new parent, whatever team it had', () => {
    expect(workTeam(parent, undefined, 2)).toEqual({ ok: true, teamId: 1 });
  });
  it('refuses another team, naming the initiative', () => {
    const r = workTeam(parent, 2, 1);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toMatch(/initiative's.*'Checkout revamp'/);
  });
  it('an initiative without a team gives its stories none', () => {
    expect(workTeam({ title: 'x', teamId: null }, undefined, 3)).toEqual({ ok: true, teamId: null });
  });
});

describe('an initiative or a loose story has the team the lead gives it, or none', () => {
  it('takes what is asked, keeps what it had when nothing is asked', () => {
    expect(workTeam(null, 2, 1)).toEqual({ ok: true, teamId: 2 });
    expect(workTeam(null, null, 1)).toEqual({ ok: true, teamId: null });
    expect(workTeam(null, undefined, 1)).toEqual({ ok: true, teamId: 1 });
  });
});

describe('carried work says where it came from', () => {
  it('in the words the card and the warning show', () => {
    expect(carriedOverText('2026 Q4')).toBe('carried over from 2026 Q4');
    expect(earlierNoteText('2026 Q4', 'pairs with Marcus')).toBe('kept in 2026 Q4: pairs with Marcus');
  });
});
