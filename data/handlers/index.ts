import type { Contract } from '../../shared/contract/index.ts';
import { boardHandlers } from './board.ts';
import { insightsHandlers } from './insights.ts';
import { ladderHandlers } from './ladder.ts';
import { quartersHandlers } from './quarters.ts';
import { rosterHandlers } from './roster.ts';
import { transferHandlers } from './transfer.ts';
import { safetyHandlers } from './safety.ts';
import { rosterFilesHandlers, shellHandlers } from './shell.ts';
import type { Handlers } from './types.ts';
import { workHandlers } from './work.ts';

/** mapFile: where data/competency-map.md is for this process (the shells know their own layout). */
export type AppInfo = { databasePath: string; mapFile?: string | undefined };

/** Every channel's handler, grouped by domain. The type makes a missing or extra handler a compile error. */
export const createHandlers = (info: AppInfo): Handlers<Contract> => ({
  ...boardHandlers,
  ...insightsHandlers(info),
  ...rosterHandlers,
  ...workHandlers,
  ...quartersHandlers,
  ...transferHandlers,
  ...safetyHandlers(info),
  ...shellHandlers,
  ...rosterFilesHandlers,
  ...ladderHandlers,
});
