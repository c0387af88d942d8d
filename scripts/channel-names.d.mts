import type { Plugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

/** The esbuild plugin that gives the preload and the main process the contract's channel names only. */
export function channelNamesOnly(): Promise<Plugin>;

/** The Vite plugin that gives the built renderer the contract's channel names only. */
export function channelNamesOnlyVite(): VitePlugin;
