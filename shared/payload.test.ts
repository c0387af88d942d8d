import { describe, expect, it } from 'vitest';
import { MAX_MOVES } from './contract/board.ts';
import { MAX_PAYLOAD_DEPTH, MAX_PAYLOAD_NODES, jsonDepthProblem, payloadProblem, readMessage } from './payload.ts';

const nested = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
};

describe('a request is refused before it is posted when it is deeper or larger than any screen sends', () => {
  it('passes the largest real request: plan.assignMany with every move it allows', () => {
    const moves = Array.from({ length: MAX_MOVES }, (_, i) => ({ itemId: i + 1, engineerId: null }));
    expect(payloadProblem({ moves })).toBeNull();
    expect(payloadProblem({ text: 'x'.repeat(1_000_000) })).toBeNull();
    expect(payloadProblem(null)).toBeNull();
  });

  it(`passes ${MAX_PAYLOAD_DEPTH} levels and refuses one more`, () => {
    expect(payloadProblem(nested(MAX_PAYLOAD_DEPTH))).toBeNull();
    expect(payloadProblem(nested(MAX_PAYLOAD_DEPTH + 1))).toEqual({
      code: 'invalid_input',
      message: `The request is nested more than ${MAX_PAYLOAD_DEPTH} levels deep.`,
    });
  });

  it('walks 100,000 levels without overflowing the stack', () => {
    expect(payloadProblem(nested(100_000))).toMatchObject({ code: 'invalid_input' });
  });

  it(`refuses more than ${MAX_PAYLOAD_NODES.toLocaleString('en')} values, counted before they are walked`, () => {
    expect(payloadProblem(new Array(MAX_PAYLOAD_NODES - 1).fill(0))).toBeNull();
    expect(payloadProblem(new Array(MAX_PAYLOAD_NODES).fill(0))).toEqual({
      code: 'invalid_input',
      message: 'The request holds more than 100,000 values.',
    });
    // Sparse: a length in the billions is refused on its length alone.
    expect(payloadProblem({ a: new Array(2 ** 31) })).toMatchObject({ code: 'invalid_input' });
    // Keys count as arrays' elements do (a smaller bound: a 100,000-key object is slow to build).
    const wide = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, { i }]));
    expect(payloadProblem(wide, { depth: MAX_PAYLOAD_DEPTH, nodes: 1000 })).toMatchObject({ code: 'invalid_input' });
    expect(payloadProblem(wide, { depth: MAX_PAYLOAD_DEPTH, nodes: 2001 })).toBeNull();
  });

  it('ends on a cycle (a structured clone from the renderer can hold one)', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(payloadProblem(loop)).toMatchObject({ code: 'invalid_input' });
  });
});

describe('the depth bound read off JSON bytes, before parsing', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  const message = (request: unknown) => bytes(JSON.stringify({ channel: 'plan.assign', request }));
  const nested = (depth: number): unknown => {
    let v: unknown = 1;
    for (let i = 1; i < depth; i++) v = [v];
    return v;
  };

  it('agrees with payloadProblem on the message a host receives', () => {
    for (let depth = MAX_PAYLOAD_DEPTH - 2; depth <= MAX_PAYLOAD_DEPTH + 3; depth++) {
      const request = nested(depth);
      expect(jsonDepthProblem(message(request))).toEqual(payloadProblem(request));
    }
    expect(jsonDepthProblem(message(nested(MAX_PAYLOAD_DEPTH + 3)))?.code).toBe('invalid_input');
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthProblem(message({ title: '[[[[{{{{'.repeat(100) + '\\"[[[[' }))).toBeNull();
  });

  it('a string that ends in a backslash ends there: the brackets after it count', () => {
    expect(jsonDepthProblem(message({ title: 'C:\\', deep: nested(MAX_PAYLOAD_DEPTH + 3) }))?.code).toBe('invalid_input');
  });

  it('refuses ten million brackets in one pass without parsing them', () => {
    const deep = new Uint8Array(10_000_000).fill(0x5b);
    expect(jsonDepthProblem(deep)?.message).toMatch(/nested more than 32 levels/);
  });
});

describe('a body read into its channel and request, by whichever thread parses it', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('reads the message the renderer sends, names beyond ASCII and all', () => {
    const request = { name: 'Équipe Jürgen ☺ 𝄞' };
    expect(readMessage(bytes(JSON.stringify({ channel: 'teams.create', request })))).toEqual({
      ok: true,
      value: { channel: 'teams.create', request },
    });
  });

  it.each([
    ['not JSON', '{"channel":"plan.assign","request":{', /not valid JSON/],
    ['JSON null', 'null', /not an object/],
    ['a number', '7', /not an object/],
    ['too deep, before it is parsed', `{"channel":"x","request":${'['.repeat(100)}${']'.repeat(100)}}`, /nested more than 32/],
    ['too wide', JSON.stringify({ channel: 'x', request: new Array(MAX_PAYLOAD_NODES + 1).fill(0) }), /more than 100,000 values/],
  ])('refuses %s as invalid input', (_what, text, message) => {
    expect(readMessage(bytes(text))).toEqual({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(message) } });
  });
});
