import { describe, expect, it } from 'vitest';
import { callFrame, splitFrame } from './socket.ts';

describe('a socket frame', () => {
  it('carries its id before the first newline, as text or bytes', () => {
    const frame = callFrame(42, '{"channel":"plan.assign","request":{"note":"a\\nb"}}');
    expect(splitFrame(frame)).toEqual({ id: 42, rest: '{"channel":"plan.assign","request":{"note":"a\\nb"}}' });
    const bytes = splitFrame(new TextEncoder().encode(frame));
    expect(bytes?.id).toBe(42);
    expect(new TextDecoder().decode(bytes?.rest)).toBe('{"channel":"plan.assign","request":{"note":"a\\nb"}}');
  });

  it.each(['{"channel":"x"}', '\n{}', 'x1\n{}', '-1\n{}', '1234567890\n{}', ''])(
    'is refused when it does not start with an id: %j',
    (frame) => {
      expect(splitFrame(frame)).toBeNull();
    },
  );
});
