/** Tiny statistics helpers for the benchmarks: percentiles and median/min/max. */

/** Linear-interpolated percentile (p in 0..100) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export const median = (values: readonly number[]) => percentile(values, 50);

export type Summary = { n: number; min: number; max: number; median: number; p50: number; p99: number; mean: number };

export function summarize(values: readonly number[]): Summary {
  const n = values.length;
  return {
    n,
    min: n ? Math.min(...values) : NaN,
    max: n ? Math.max(...values) : NaN,
    median: median(values),
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    mean: n ? values.reduce((a, b) => a + b, 0) / n : NaN,
  };
}

/** Rounds for display: 3 significant digits below 100, whole numbers above. */
export function round(v: number): number {
  if (!Number.isFinite(v)) return v;
  const a = Math.abs(v);
  if (a >= 100) return Math.round(v);
  if (a >= 10) return Math.round(v * 10) / 10;
  if (a >= 1) return Math.round(v * 100) / 100;
  return Math.round(v * 1000) / 1000;
}
