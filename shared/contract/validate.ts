import { RungsError } from '../errors.ts';
import { type ChannelName, type ParsedRequestOf, contract } from './index.ts';

// The boundary check every transport runs before a handler sees a request: the channel's zod
// schema, or a typed 'invalid_input' naming the first problem. Pure, so the Electron shell can run
// it without loading the database layer.

export function parseRequest<K extends ChannelName>(channel: K, request: unknown): ParsedRequestOf<K> {
  const parsed = contract[channel].request.safeParse(request ?? {});
  if (parsed.success) return parsed.data as ParsedRequestOf<K>;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const first = issues[0];
  throw new RungsError(
    'invalid_input',
    `Invalid request for ${channel}${first ? `: ${first.path ? first.path + ': ' : ''}${first.message}` : ''}`,
    issues,
  );
}
