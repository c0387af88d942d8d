import type { Plugin } from 'esbuild';

/** The esbuild plugin that gives the preload and the main process the contract's channel names only. */
export function channelNamesOnly(): Promise<Plugin>;
