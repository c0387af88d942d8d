import { describe, expect, it, vi } from 'vitest';
import { createDropTargetRegistry } from './DropTarget.tsx';

// The registry is how lanes outside <DndContext> become drop targets inside it. A lane coming into
// reach adds itself and a lane going out of reach removes itself; <DropTargets> reads the list
// through useSyncExternalStore. No DOM is needed: the registry only carries the ref along.

const target = (id: string) => ({ id, node: { current: null } });

describe('a lane that comes into reach is listed, and the drop targets hear of it', () => {
  it('add lists the target and notifies', () => {
    const registry = createDropTargetRegistry();
    const listener = vi.fn();
    registry.subscribe(listener);
    const lane = target('lane-7');
    registry.add(lane);
    expect(registry.list()).toEqual([lane]);
    expect(listener).toHaveBeenCalledTimes(1);
  });
  it('the lane and the backlog are listed side by side', () => {
    const registry = createDropTargetRegistry();
    const lane = target('lane-7');
    const backlog = target('backlog');
    registry.add(lane);
    registry.add(backlog);
    expect(registry.list()).toEqual([lane, backlog]);
  });
});

describe('a lane that goes out of reach is unlisted', () => {
  it('the remove that add returned unlists it and notifies', () => {
    const registry = createDropTargetRegistry();
    const listener = vi.fn();
    registry.subscribe(listener);
    const other = target('lane-8');
    registry.add(other);
    const remove = registry.add(target('lane-7'));
    remove();
    expect(registry.list()).toEqual([other]);
    expect(listener).toHaveBeenCalledTimes(3);
  });
  it('a second call of the same remove changes nothing and notifies no one', () => {
    const registry = createDropTargetRegistry();
    const remove = registry.add(target('lane-7'));
    remove();
    const listener = vi.fn();
    registry.subscribe(listener);
    remove();
    expect(registry.list()).toEqual([]);
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('a stale remove does not unlist the lane registered again under the same id', () => {
  // Two lanes can hold one id for a moment (an engineer moved to another team: a lane mounts under
  // the new team while the one under the old team goes), and the order React runs their effects in
  // is not one to rely on. The old lane's cleanup must not take the new lane's target away, or that
  // engineer's lane would silently take no drop.
  it('removing the old target leaves the new one listed', () => {
    const registry = createDropTargetRegistry();
    const removeOld = registry.add(target('lane-7'));
    const newer = target('lane-7');
    registry.add(newer);
    const listener = vi.fn();
    registry.subscribe(listener);
    removeOld();
    expect(registry.list()).toEqual([newer]);
    expect(registry.list()[0]).toBe(newer);
    expect(listener).not.toHaveBeenCalled();
  });
  it('adding again under the same id replaces the target rather than listing it twice', () => {
    const registry = createDropTargetRegistry();
    registry.add(target('lane-7'));
    const newer = target('lane-7');
    registry.add(newer);
    expect(registry.list()).toEqual([newer]);
  });
});

describe('the list is a stable snapshot: useSyncExternalStore re-renders (or loops) on a new one', () => {
  it('list() returns the same array between changes', () => {
    const registry = createDropTargetRegistry();
    const empty = registry.list();
    expect(registry.list()).toBe(empty);
    registry.add(target('lane-7'));
    const one = registry.list();
    expect(one).not.toBe(empty);
    expect(registry.list()).toBe(one);
  });
  it('a stale remove that changes nothing keeps the same array', () => {
    const registry = createDropTargetRegistry();
    const removeOld = registry.add(target('lane-7'));
    registry.add(target('lane-7'));
    const before = registry.list();
    removeOld();
    expect(registry.list()).toBe(before);
  });
  it('a snapshot already handed out is not changed by a later add', () => {
    const registry = createDropTargetRegistry();
    registry.add(target('lane-7'));
    const before = registry.list();
    registry.add(target('lane-8'));
    expect(before).toHaveLength(1);
    expect(registry.list()).toHaveLength(2);
  });
});

describe('a drop-target list that stops listening hears nothing more', () => {
  it('unsubscribe stops the notices', () => {
    const registry = createDropTargetRegistry();
    const listener = vi.fn();
    const unsubscribe = registry.subscribe(listener);
    unsubscribe();
    registry.add(target('lane-7'));
    expect(listener).not.toHaveBeenCalled();
  });
});
