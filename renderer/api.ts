import { CHANNELS, type RungsApi } from '../shared/contract/index.ts';
import { send } from './transport.ts';

// The renderer talks to the main process through one typed API, whichever transport carries it:
// transport.ts decides which, once.

export const api = Object.fromEntries(CHANNELS.map((c) => [c, (request: unknown) => send(c, request)])) as RungsApi;
