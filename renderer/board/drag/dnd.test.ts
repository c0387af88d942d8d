import { KeyboardCode } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';
import { type Target, createDropTargetRegistry } from './DropTarget.tsx';
import { boardCollisions, laneKeyboardCoordinates, nextInReadingOrder, targetAt, targetOf } from './dnd.ts';
import { BACKLOG_ID, SURFACE_ID } from './ids.ts';

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

describe('Up and Down move between lanes only', () => {
  // A tall lane, the backlog beside it (nearer than the next lane below), and that lane.
  const box = (left: number, top: number, width: number, height: number) => ({
    isConnected: true,
    getBoundingClientRect: () => ({ left, top, width, height, right: left + width, bottom: top + height }),
  });
  const registry = createDropTargetRegistry();
  for (const t of [
    { id: 'lane-1', node: { current: box(0, 0, 200, 2800) } },
    { id: BACKLOG_ID, node: { current: box(300, 600, 300, 30000) } },
    { id: 'lane-2', node: { current: box(0, 2900, 200, 300) } },
  ])
    registry.add(t as unknown as Target);
  const getter = laneKeyboardCoordinates(registry);
  const move = (code: string) =>
    getter(
      { code, preventDefault: () => {} } as unknown as KeyboardEvent,
      {
        active: 'item-1',
        currentCoordinates: { x: 10, y: 100 },
        context: {
          active: { id: 'item-1' },
          collisionRect: { left: 10, top: 80, width: 180, height: 40, right: 190, bottom: 120 },
        },
      } as unknown as Parameters<typeof getter>[1],
    );

  it('Down from a tall lane goes to the lane below, not the backlog beside it', () => {
    expect(move(KeyboardCode.Down)).toEqual({ x: 8, y: 2900 + 48 });
  });
  it('Right goes to the backlog beside the last column', () => {
    expect(move(KeyboardCode.Right)).toMatchObject({ x: 308 });
  });
});

describe('the target a card is over is judged on the registered targets, not on what dnd-kit measured', () => {
  it('the pointer decides when it is inside a target', () => {
    expect(targetAt(rects, { x: 150, y: 50 }, rect(0, 0))).toBe('b');
  });
  it('with no pointer (a keyboard drag), or in a gutter, the target the card overlaps most', () => {
    const card = { left: 60, top: 20, right: 160, bottom: 60 };
    expect(targetAt(rects, null, card)).toBe('b');
    expect(targetAt(rects, { x: 105, y: 50 }, card)).toBe('b');
  });
  it('over nothing, no target', () => {
    expect(targetAt(rects, { x: 900, y: 900 }, { left: 800, top: 800, right: 850, bottom: 850 })).toBeNull();
  });
  it('dnd-kit hears of the lanes’ surface, or of the backlog, and the lane rides in the collision', () => {
    const box = (left: number, top: number) => ({
      isConnected: true,
      getBoundingClientRect: () => ({ left, top, width: 100, height: 100, right: left + 100, bottom: top + 100 }),
    });
    const registry = createDropTargetRegistry();
    registry.add({ id: 'lane-3', node: { current: box(0, 0) } } as unknown as Target);
    registry.add({ id: BACKLOG_ID, node: { current: box(200, 0) } } as unknown as Target);
    const judge = boardCollisions(registry);
    const at = (x: number) =>
      judge({
        pointerCoordinates: { x, y: 50 },
        collisionRect: { left: x, top: 40, right: x + 10, bottom: 60, width: 10, height: 20 },
      } as unknown as Parameters<typeof judge>[0]);
    expect(at(50)).toEqual([{ id: SURFACE_ID, data: { target: 'lane-3' } }]);
    expect(targetOf(at(50))).toBe('lane-3');
    expect(at(250)).toEqual([{ id: BACKLOG_ID, data: { target: BACKLOG_ID } }]);
    expect(at(150)).toEqual([]);
    expect(targetOf(at(150))).toBeNull();
  });
});
