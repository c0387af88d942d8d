// An esbuild plugin for the Electron preload and main process: they need the contract's channel
// names, not its zod schemas. Evaluating the whole contract took ~47 ms (Node 24, this 2-core VM):
// in the preload that is before the page's first script runs, in the main process before the
// window opens. Their bundles import the names instead, read here from the contract itself, so
// the contract stays the one source of truth. The roster process keeps the whole contract: it
// validates every request.
const CONTRACT = /[\\/]shared[\\/]contract[\\/]index\.ts$/;

export async function channelNamesOnly() {
  const { CHANNELS } = await import('../shared/contract/index.ts');
  return {
    name: 'rungs-channel-names-only',
    setup(build) {
      build.onResolve({ filter: /contract[\\/]index\.ts$/ }, (args) => {
        const resolved = new URL(args.path, `file://${args.resolveDir}/`).pathname;
        return CONTRACT.test(resolved) ? { path: 'channel-names', namespace: 'rungs' } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'rungs' }, () => ({
        contents: `export const CHANNELS = ${JSON.stringify(CHANNELS)};`,
        loader: 'js',
      }));
    },
  };
}
