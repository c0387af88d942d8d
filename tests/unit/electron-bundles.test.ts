import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { channelNamesOnly } from '../../scripts/channel-names.mjs';
import { CHANNELS } from '../../shared/contract/index.ts';

// The preload and the main process are bundled with the contract's channel names only
// (scripts/channel-names.mjs): the real build's plugin, on the real sources.

const bundle = async (entry: string) => {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    external: ['electron', 'better-sqlite3'],
    logLevel: 'silent',
    plugins: [await channelNamesOnly()],
  });
  return out.outputFiles[0]!.text;
};

describe('the Electron bundles carry channel names, not the contract', () => {
  it('the preload has no zod, and exposes exactly one function per channel of the contract (and the menu’s listener)', async () => {
    const code = await bundle('electron/preload.ts');
    expect(code).not.toMatch(/ZodError|zod/i);
    expect(code.length).toBeLessThan(10_000);
    const worlds: [string, Record<string, unknown>][] = [];
    const invoked: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: Record<string, unknown>) => worlds.push([key, value]) },
      ipcRenderer: { invoke: (channel: string) => invoked.push(channel), on: () => {} },
    };
    const module = { exports: {} };
    runInNewContext(code, { module, exports: module.exports, require: (id: string) => (id === 'electron' ? electron : undefined) });
    expect(worlds.map(([key]) => key)).toEqual(['rungs', 'rungsMenu']);
    const [key, api] = worlds[0]!;
    expect(key).toBe('rungs');
    expect(Object.keys(api).toSorted()).toEqual([...CHANNELS].toSorted());
    (api['board.snapshot'] as (r: unknown) => unknown)({});
    expect(invoked).toEqual(['board.snapshot']);
  });

  it('the main process loads the shell channels (and zod) only when the first request comes', async () => {
    const code = await bundle('electron/main.ts');
    for (const channel of CHANNELS) expect(code).toContain(JSON.stringify(channel));
    // esbuild wraps a module imported with import() in a lazy initializer: shell.ts and its schemas
    // are in the file but not evaluated at start-up.
    expect(code).toMatch(/Promise\.resolve\(\)\.then\(\(\) => \(init_shell\d*\(\), shell_exports\)\)/);
    // So are the roster-file channels' answers and their schemas; switching itself needs no zod.
    expect(code).toMatch(/Promise\.resolve\(\)\.then\(\(\) => \(init_roster_files\d*\(\), roster_files_exports\d*\)\)/);
  });
});
