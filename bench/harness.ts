import { performance } from 'node:perf_hooks';

// A deliberately tiny harness: warm up, take N samples with performance.now(), sort, read the
// median and the 95th percentile. Nothing adaptive, so two runs do the same work.

export type Stats = { n: number; median: number; p95: number; min: number; max: number };

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function stats(samples: readonly number[]): Stats {
  const sorted = samples.toSorted((a, b) => a - b);
  return { n: sorted.length, median: percentile(sorted, 50), p95: percentile(sorted, 95), min: sorted[0]!, max: sorted.at(-1)! };
}

export type MeasureOptions = { warmup: number; samples: number };

/** Time `fn` once per sample (milliseconds). `fn` gets the sample index so each run can do fresh work. */
export function measure(fn: (i: number) => void, { warmup, samples }: MeasureOptions): Stats {
  for (let i = 0; i < warmup; i++) fn(i);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    fn(warmup + i);
    times.push(performance.now() - t0);
  }
  return stats(times);
}

/**
 * Time two things alternately, sample by sample, so a noisy neighbour on a shared machine slows
 * both alike; their ratio is what the comparison reports.
 */
export function measurePair(
  a: (i: number) => void,
  b: (i: number) => void,
  { warmup, samples }: MeasureOptions,
): { a: Stats; b: Stats; ratio: Stats } {
  for (let i = 0; i < warmup; i++) {
    a(i);
    b(i);
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < samples; i++) {
    let t0 = performance.now();
    a(warmup + i);
    ta.push(performance.now() - t0);
    t0 = performance.now();
    b(warmup + i);
    tb.push(performance.now() - t0);
  }
  // The ratio of each pair, not of the medians: a pair ran within a millisecond, under the same load.
  return { a: stats(ta), b: stats(tb), ratio: stats(ta.map((t, i) => t / tb[i]!)) };
}

export async function measureAsync(fn: (i: number) => Promise<number | void>, { warmup, samples }: MeasureOptions): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    // A function may report its own duration (e.g. read from the page) instead of wall time.
    const own = await fn(warmup + i);
    times.push(typeof own === 'number' ? own : performance.now() - t0);
  }
  return stats(times);
}
