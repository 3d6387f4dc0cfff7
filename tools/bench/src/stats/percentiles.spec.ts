import { percentile, summarize } from './percentiles.js';

describe('percentile (nearest rank)', () => {
  it('given 1..100, when asked for p50 and p99, then returns the 50th and 99th values', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
  });

  it('given few samples, when asked for p99, then returns the largest rather than interpolating', () => {
    expect(percentile([1, 2, 3, 40], 99)).toBe(40);
    expect(percentile([1, 2, 3, 40], 50)).toBe(2);
  });

  it('given a single sample, when asked for any percentile, then returns it', () => {
    expect(percentile([7], 1)).toBe(7);
    expect(percentile([7], 100)).toBe(7);
  });

  it('given no samples, when asked for a percentile, then returns NaN', () => {
    expect(percentile([], 50)).toBeNaN();
  });

  it('given a percentile outside (0, 100], when asked, then throws', () => {
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('given unsorted samples, when summarized, then sorts numerically and reports every field', () => {
    const summary = summarize([10, 2, 30, 4, 1]);
    expect(summary).toEqual({ count: 5, mean: 9.4, p50: 4, p90: 30, p95: 30, p99: 30, max: 30 });
  });

  it('given no samples, when summarized, then counts zero and reports NaN', () => {
    const summary = summarize([]);
    expect(summary.count).toBe(0);
    expect(summary.p99).toBeNaN();
    expect(summary.mean).toBeNaN();
  });
});
