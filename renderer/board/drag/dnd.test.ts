import { KeyboardCode } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';
import { nextInReadingOrder } from './dnd.ts';

// Two rows of two lanes and the backlog on the right: [a b] [backlog] / [c d].
const rect = (left: number, top: number) => ({ left, top, right: left + 100, bottom: top + 100 });
const rects = new Map<string, ReturnType<typeof rect>>([
  ['a', rect(0, 0)],
  ['b', rect(110, 0)],
  ['backlog', rect(220, 0)],
  ['c', rect(0, 110)],
  ['d', rect(110, 110)],
]);
/** The lanes in reading order; the backlog is not among them (it is never reached by a wrap). */
const lanes = ['a', 'b', 'c', 'd'];
const inside = (id: string) => ({ x: rects.get(id)!.left + 50, y: rects.get(id)!.top + 50 });

describe('at the edge of the grid, an arrow moves to the next lane in reading order: no dead key presses', () => {
  it('Right from the last lane of a row goes to the first of the next row', () => {
    expect(nextInReadingOrder(lanes, rects, inside('b'), KeyboardCode.Right)).toBe('c');
  });
  it('Left from the first lane wraps to the last', () => {
    expect(nextInReadingOrder(lanes, rects, inside('a'), KeyboardCode.Left)).toBe('d');
  });
  it('Down from the last lane wraps to the first', () => {
    expect(nextInReadingOrder(lanes, rects, inside('d'), KeyboardCode.Down)).toBe('a');
  });
  it('from the backlog, Right goes to the first lane and Left to the last', () => {
    expect(nextInReadingOrder(lanes, rects, inside('backlog'), KeyboardCode.Right)).toBe('a');
    expect(nextInReadingOrder(lanes, rects, inside('backlog'), KeyboardCode.Left)).toBe('d');
  });
  it('with a single lane there is nowhere to go', () => {
    expect(nextInReadingOrder(['a'], rects, inside('a'), KeyboardCode.Right)).toBeUndefined();
  });
});
