import { CHANNELS, type RungsApi } from '../shared/contract/index.ts';
import { send } from './transport.ts';

// The renderer talks to the main process through one typed API, whichever transport carries it
// (transport.ts).

export const api: RungsApi =
  window.rungs ?? (Object.fromEntries(CHANNELS.map((c) => [c, (request: unknown) => send(c, request)])) as RungsApi);
