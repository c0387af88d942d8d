import type { Result } from '../../shared/errors.ts';
import type { Snapshot } from '../../shared/schemas.ts';
import { send } from '../transport.ts';

/**
 * The board's first snapshot (the latest quarter), asked for as the app's script starts: main.tsx
 * imports this module first, so the request leaves before the rest of the script (React, the
 * contract's schemas, every screen) is evaluated, and the main process reads the roster meanwhile.
 * Asked for once the app had rendered its frame, it left ~450 ms after the page opened at 1,000
 * engineers, and the roster's ~150 ms to answer came on top (npm run bench, start-up).
 */
export const firstSnapshot = send('board.snapshot', {}) as Promise<Result<Snapshot>>;
