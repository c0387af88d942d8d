import type { z } from 'zod';
import type { Result } from '../errors.ts';
import { boardContract } from './board.ts';
import { mergeContracts } from './channel.ts';
import { insightsContract } from './insights.ts';
import { ladderContract } from './ladder.ts';
import { quartersContract } from './quarters.ts';
import { rosterContract } from './roster.ts';
import { transferContract } from './transfer.ts';
import { workContract } from './work.ts';
import { safetyContract } from './safety.ts';
import { shellContract } from './shell.ts';
import { rosterFilesContract } from './roster-files.ts';

// The single source of truth for IPC: every channel, its request and response schema.
// The preload script, the browser host and the handler map are all typed from this object.
// Domain contracts are merged here; a name declared twice throws at load.
export const contract = mergeContracts(
  boardContract,
  insightsContract,
  rosterContract,
  workContract,
  quartersContract,
  transferContract,
  safetyContract,
  shellContract,
  rosterFilesContract,
  ladderContract,
);

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export const CHANNELS = Object.keys(contract) as ChannelName[];

export type RequestOf<K extends ChannelName> = z.input<Contract[K]['request']>;
export type ParsedRequestOf<K extends ChannelName> = z.output<Contract[K]['request']>;
export type ResponseOf<K extends ChannelName> = z.output<Contract[K]['response']>;

/** What the renderer sees on either transport: one async function per channel. */
export type RungsApi = { [K in ChannelName]: (request: RequestOf<K>) => Promise<Result<ResponseOf<K>>> };

export const isChannelName = (name: unknown): name is ChannelName => typeof name === 'string' && Object.hasOwn(contract, name);
