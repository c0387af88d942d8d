import type { Contract } from '../../shared/contract/index.ts';
import { boardHandlers } from './board.ts';
import type { Handlers } from './types.ts';

export type AppInfo = { version: string; databasePath: string };

/** Every channel's handler, grouped by domain. The type makes a missing or extra handler a compile error. */
export const createHandlers = (info: AppInfo): Handlers<Contract> => ({
  ...boardHandlers(info),
});
