import { createContext, useContext } from 'react';
import { DEFAULT_LADDER } from '../../shared/default-ladder.ts';
import type { Ladder } from '../../shared/ladder.ts';

// The roster's ladder, for every screen that names a level or a rung. The app provides the plan
// store's (it arrives with the board snapshot and is patched by ladder changes); until the roster
// has loaded nothing names a level, so the default only keeps the type simple.
export const LadderContext = createContext<Ladder>(DEFAULT_LADDER);

export const useLadder = (): Ladder => useContext(LadderContext);
