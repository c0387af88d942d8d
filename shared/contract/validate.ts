import { type ChannelName, type ParsedRequestOf, contract } from './index.ts';
import { parseAgainst } from './parse.ts';

// The boundary check every transport runs before a handler sees a request: the channel's zod
// schema, or a typed 'invalid_input' naming the first problem. Pure, so the Electron shell can run
// it without loading the database layer.

export const parseRequest = <K extends ChannelName>(channel: K, request: unknown): ParsedRequestOf<K> =>
  parseAgainst(contract[channel].request, channel, request) as ParsedRequestOf<K>;
