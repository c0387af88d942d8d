import { describe, expect, it } from 'vitest';
import { NOTHING_SELECTED, type Selection, extended, pruned, toggled } from './selection.ts';

// Picking cards: what Ctrl-click (or X) and Shift-click (or Shift+X) do to the selection.

const ids = (s: Selection) => [...s.ids].sort((a, b) => a - b);
const LIST = [10, 11, 12, 13, 14];

describe('Ctrl-click or X toggles one card, which starts the next range', () => {
  it('adds a card, then takes it out again', () => {
    const one = toggled(NOTHING_SELECTED, 12);
    expect(ids(one)).toEqual([12]);
    expect(one.anchor).toBe(12);
    expect(ids(toggled(one, 12))).toEqual([]);
  });
});

describe('Shift-click or Shift+X adds the run from the last card picked to this one, in the same list', () => {
  it('adds every card between, either way, and keeps what was picked before', () => {
    const start = toggled(toggled(NOTHING_SELECTED, 99), 11);
    expect(ids(extended(start, 13, LIST))).toEqual([11, 12, 13, 99]);
    expect(ids(extended(toggled(NOTHING_SELECTED, 14), 12, LIST))).toEqual([12, 13, 14]);
  });

  it('keeps its anchor, so a second Shift-click moves the far end of the run', () => {
    const run = extended(toggled(NOTHING_SELECTED, 11), 12, LIST);
    expect(run.anchor).toBe(11);
    expect(ids(extended(run, 14, LIST))).toEqual([11, 12, 13, 14]);
  });

  it('with nothing picked yet, or the last pick in another list, toggles the card alone', () => {
    expect(ids(extended(NOTHING_SELECTED, 12, LIST))).toEqual([12]);
    const elsewhere = toggled(NOTHING_SELECTED, 50);
    const r = extended(elsewhere, 12, LIST);
    expect(ids(r)).toEqual([12, 50]);
    expect(r.anchor).toBe(12);
  });
});

describe('a card gone from the plan leaves the selection', () => {
  it('drops it (and the anchor, if it was that card); an unchanged selection stays the same object', () => {
    const s = toggled(toggled(NOTHING_SELECTED, 10), 11);
    const r = pruned(s, (id) => id !== 11);
    expect(ids(r)).toEqual([10]);
    expect(r.anchor).toBeNull();
    expect(pruned(s, () => true)).toBe(s);
  });
});
