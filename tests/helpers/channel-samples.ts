import type { z } from 'zod';
import type { Channel } from '../../shared/contract/channel.ts';
import type { ChannelName, RequestOf } from '../../shared/contract/index.ts';
import { boardSamples } from './samples/board.ts';
import { insightsSamples } from './samples/insights.ts';
import { ladderSamples } from './samples/ladder.ts';
import { quartersSamples } from './samples/quarters.ts';
import { rosterSamples } from './samples/roster.ts';
import { transferSamples } from './samples/transfer.ts';
import { workSamples } from './samples/work.ts';
import { safetySamples } from './samples/safety.ts';
import { rosterFilesSamples, shellSamples } from './samples/shell.ts';
import type { Db } from '../../data/store/db.ts';

// A valid request for every channel, built from the demo roster. The bad-input and property tests
// derive their hostile payloads from these, so a new channel without a sample fails the suite.
// Each domain keeps its samples in samples/<domain>.ts, merged below.

export type SamplesOf<C extends Record<string, Channel>> = { [K in keyof C]: (db: Db) => z.input<C[K]['request']> };

export const CHANNEL_SAMPLES: { [K in ChannelName]: (db: Db) => RequestOf<K> } = {
  ...boardSamples,
  ...insightsSamples,
  ...rosterSamples,
  ...workSamples,
  ...quartersSamples,
  ...transferSamples,
  ...safetySamples,
  ...shellSamples,
  ...rosterFilesSamples,
  ...ladderSamples,
};

export { ids } from './samples/ids.ts';
