import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOST_NODE_FLAGS } from '../../host/node-flags.ts';

// The host's flags are passed by code everywhere but package.json's web script, which spells them out.

describe("the browser host's Node flags", () => {
  it('are the ones `npm run web` starts the host with', () => {
    const web = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> })
      .scripts.web!;
    const launch = web
      .split('&&')
      .map((part) => part.trim())
      .find((part) => part.endsWith('host/main.mjs'));
    expect(launch).toBe(`node ${HOST_NODE_FLAGS.join(' ')} host/main.mjs`);
  });
});
