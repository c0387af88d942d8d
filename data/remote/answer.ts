import { readMessage } from '../../shared/payload.ts';
import { createDispatcher } from '../handlers/dispatch.ts';
import type { Roster } from '../open/roster.ts';
import type { ServerPort } from './protocol.ts';
import { type Call, reply } from './reply.ts';

export type ServedCall = (call: Call) => void;

/**
 * The one dispatcher over the open roster, answering each call. Loaded by server.ts only once the
 * roster is open, so evaluating the handlers and the contract's schemas does not delay opening.
 */
export function answerCalls(roster: Roster, mapFile: string | undefined, port: ServerPort): ServedCall {
  const { dispatchUnknown } = createDispatcher(roster.db, { databasePath: roster.path, mapFile });
  return (call) => {
    if (!('body' in call)) return reply(port, call, dispatchUnknown(call.channel, call.request));
    const message = readMessage(call.body);
    reply(port, call, message.ok ? dispatchUnknown(message.value.channel, message.value.request) : message);
  };
}
