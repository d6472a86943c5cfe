import type { LoadResult } from './load';

/** The middle of `values` (the upper of the two middles when their number is even). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * The median of several runs by req/s, taken whole, so its p50 and p99 are that run's own; its
 * errors and non-2xx are the sum over every run, so a failure in any run still shows as a miss.
 */
export function medianRun(runs: LoadResult[]): LoadResult {
  const middle = [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;
  const sum = (key: 'errors' | 'non2xx') => runs.reduce((total, r) => total + r[key], 0);
  return { ...middle, errors: sum('errors'), non2xx: sum('non2xx') };
}
