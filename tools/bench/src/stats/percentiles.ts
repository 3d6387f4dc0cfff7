// Percentiles and summaries of latency samples (milliseconds).

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * The p-th percentile (0 < p <= 100) of ascending-sorted samples by the nearest-rank method:
 * the smallest sample such that at least p% of all samples are less than or equal to it.
 * Nearest rank never interpolates, so p99 is always a latency some request really had.
 */
export function percentile(sortedAscending: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const n = sortedAscending.length;
  if (n === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * n);
  return sortedAscending[Math.min(n, Math.max(1, rank)) - 1];
}

/** Count, mean, p50, p90, p95, p99 and max of unsorted samples; NaN fields when there are none. */
export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const values = Array.from(sorted);
  let total = 0;
  for (const value of values) total += value;
  const count = values.length;
  return {
    count,
    mean: count === 0 ? Number.NaN : total / count,
    p50: percentile(values, 50),
    p90: percentile(values, 90),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: count === 0 ? Number.NaN : values[count - 1],
  };
}
