// The processes that call the roster need the contract's channel names, not its zod schemas:
// the Electron preload and main process (esbuild), and the renderer (Vite). Evaluating the whole
// contract took ~47 ms (Node 24, this 2-core VM): in the preload that is before the page's first
// script runs, in the main process before the window opens, in the renderer before the board's
// first render. Their bundles import the names instead, read here from the contract itself, so
// the contract stays the one source of truth. The roster process keeps the whole contract: it
// validates every request. The renderer's forms still import the few schemas they check with.
const CONTRACT = /[\\/]shared[\\/]contract[\\/]index\.ts$/;

async function namesModule() {
  const { CHANNELS } = await import('../shared/contract/index.ts');
  return `export const CHANNELS = ${JSON.stringify(CHANNELS)};`;
}

/** esbuild: the Electron main process and preload. */
export async function channelNamesOnly() {
  const contents = await namesModule();
  return {
    name: 'rungs-channel-names-only',
    setup(build) {
      build.onResolve({ filter: /contract[\\/]index\.ts$/ }, (args) => {
        const resolved = new URL(args.path, `file://${args.resolveDir}/`).pathname;
        return CONTRACT.test(resolved) ? { path: 'channel-names', namespace: 'rungs' } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'rungs' }, () => ({ contents, loader: 'js' }));
    },
  };
}

/** Vite: the built renderer. Only `vite build`: the unit tests and the dev server keep the whole contract. */
export function channelNamesOnlyVite() {
  const id = '\0rungs-channel-names';
  return {
    name: 'rungs-channel-names-only',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer || !/contract[\\/]index\.ts$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved && CONTRACT.test(resolved.id) ? id : null;
    },
    load: (loaded) => (loaded === id ? namesModule() : null),
  };
}
