import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../shared/errors.ts';
import type { Snapshot } from '../../shared/schemas.ts';

// The plan store takes the board's first snapshot from the request made as the app's script starts
// (firstSnapshot.ts) and asks again only for what that request did not answer.

/** A stand-in snapshot: the store passes it on whole, so its quarter's name tells answers apart. */
const answer = (name: string): Result<Snapshot> => ({ ok: true, value: { quarter: { id: 1, name, startsOn: '2026-10-01' } } as Snapshot });

// Importing the store makes the first request (firstSnapshot.ts): give it a main process to ask.
const atStart: unknown[] = [];
vi.stubGlobal('window', {
  location: { search: '' },
  rungs: { 'board.snapshot': async (request: unknown) => (atStart.push(request), answer('asked at start')) },
});
const { createPlanStore } = await import('./plan.ts');

function storeWith(first: Promise<Result<Snapshot>> | null) {
  const asked: unknown[] = [];
  const source = { 'board.snapshot': async (request: { quarterId?: number }) => (asked.push(request), answer('asked again')) };
  return { store: createPlanStore(source, first), asked };
}

describe('the first snapshot', () => {
  it('is asked for once as the script starts, for the latest quarter', () => {
    expect(atStart).toEqual([{}]);
  });

  it('answers the first fetch of the latest quarter, which asks nothing more', async () => {
    const { store, asked } = storeWith(Promise.resolve(answer('early')));
    await store.fetch(undefined);
    expect(store.get().snapshot?.quarter.name).toBe('early');
    expect(asked).toEqual([]);
  });

  it('answers only once: the next fetch asks again', async () => {
    const { store, asked } = storeWith(Promise.resolve(answer('early')));
    await store.fetch(undefined);
    await store.fetch(undefined);
    expect(store.get().snapshot?.quarter.name).toBe('asked again');
    expect(asked).toEqual([{}]);
  });

  it('does not answer a fetch of another quarter, nor any fetch after it', async () => {
    const { store, asked } = storeWith(Promise.resolve(answer('early')));
    await store.fetch(3);
    // No quarter named: the one on screen, quarter 3 now.
    await store.fetch(undefined);
    expect(asked).toEqual([{ quarterId: 3 }, { quarterId: 3 }]);
    expect(store.get().snapshot?.quarter.name).toBe('asked again');
  });

  it('a refusal at start is the store’s error, as any other answer', async () => {
    const { store } = storeWith(Promise.resolve({ ok: false, error: { code: 'internal', message: 'The roster could not be read.' } }));
    await store.fetch(undefined);
    expect(store.get()).toMatchObject({ snapshot: null, error: 'The roster could not be read.' });
  });
});
