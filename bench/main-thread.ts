import { openDatabase } from '../data/store/db.ts';
import { createDispatcher } from '../data/handlers/dispatch.ts';
import { createRemoteRoster } from '../data/remote/client.ts';
import { spawnRosterWorker } from '../data/remote/worker-thread.ts';
import type { GeneratedOrg, Scale } from './generate.ts';
import type { Row } from './report.ts';
import { expectOk, stallRows } from './stalls.ts';

// The target: "the main process never blocks for more than one frame (16 ms) on a database call",
// watched (stalls.ts) while the window's thread has a 3,000-item plan.assignMany and a full board
// snapshot answered.

export async function mainThreadFigures(
  org: Pick<GeneratedOrg, 'file' | 'quarterId' | 'engineerIds' | 'storyIds'>,
  scale: Scale,
  samples: number,
): Promise<Row[]> {
  const local = openDatabase(org.file);
  const { dispatchUnknown } = createDispatcher(local, { databasePath: org.file });
  const remote = createRemoteRoster({
    spawn: spawnRosterWorker,
    open: { path: org.file, options: {}, launchBackup: false },
  });
  try {
    const opened = await remote.open();
    if (!opened.ok) throw new Error(`The bench roster did not open: ${opened.problem.message}`);
    const items = org.storyIds.slice(0, 3000);
    const n = org.engineerIds.length;
    let k = 0;
    // Every sample sends each story to another engineer than the sample before.
    const reassign = () => {
      const shift = k++;
      return ['plan.assignMany', { moves: items.map((itemId, j) => ({ itemId, engineerId: org.engineerIds[(j + shift) % n]! })) }] as const;
    };
    const snapshot = () => ['board.snapshot', { quarterId: org.quarterId }] as const;
    const pair = (figure: string, call: () => readonly [string, unknown]) => ({
      figure,
      inThread: () => {
        const r = dispatchUnknown(...call());
        if (!r.ok) throw new Error(`${figure} failed in the benchmark: ${r.error.message}`);
      },
      // As the host sends it on: JSON made and encoded on the roster thread, its bytes moved to this one.
      viaRosterThread: async () => expectOk(await remote.dispatchBytes(...call()), figure),
    });
    return await stallRows(
      scale.name,
      [pair(`plan.assignMany, ${items.length.toLocaleString('en-US')} items`, reassign), pair('board.snapshot', snapshot)],
      samples,
    );
  } finally {
    await remote.close();
    local.close();
  }
}
