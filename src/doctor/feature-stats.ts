import { kernels } from '../kernels/backend.js';
import { emptyColumnRanges } from '../kernels/kernels.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * Per-feature summary of the training rows, kept on the model (and saved in
 * `model.metadata.doctor`) so predict and evaluate can tell when inputs leave the training range.
 */
export interface FeatureStats {
  readonly rows: number;
  readonly min: readonly number[];
  readonly max: readonly number[];
  readonly mean: readonly number[];
  /** Population standard deviation. */
  readonly std: readonly number[];
}

/** x (rows, cols) → per-column min, max, mean and standard deviation (float64 sums). */
export function computeFeatureStats(x: Tensor): FeatureStats {
  const { rows, cols, data } = x;
  const k = kernels().scans;
  // NOTE: bounds no value lies beyond: only the ranges' min and max are wanted here.
  const below = new Float32Array(cols).fill(-Infinity);
  const above = new Float32Array(cols).fill(Infinity);
  const ranges = emptyColumnRanges(cols);
  k.columnRanges(data, rows, cols, below, above, ranges);
  const sums = new Float64Array(2 * cols);
  k.columnMoments(data, rows, cols, new Float64Array(cols), sums);
  const mean = Array.from(sums.subarray(0, cols), (s) => (rows === 0 ? 0 : s / rows));
  // NOTE: two passes (mean first) so the variance does not lose precision on large offsets.
  const deviations = new Float64Array(2 * cols);
  k.columnMoments(data, rows, cols, Float64Array.from(mean), deviations);
  const std = Array.from(deviations.subarray(cols), (s) => (rows === 0 ? 0 : Math.sqrt(s / rows)));
  return {
    rows,
    min: Array.from(ranges.subarray(0, cols), (v) => (rows === 0 ? 0 : v)),
    max: Array.from(ranges.subarray(cols, 2 * cols), (v) => (rows === 0 ? 0 : v)),
    mean,
    std,
  };
}

function isNumberList(value: unknown, length: number): value is number[] {
  return Array.isArray(value) && value.length === length && value.every((v) => typeof v === 'number' && Number.isFinite(v));
}

/**
 * Reads feature stats saved in model metadata; undefined (with a reason) when they are not a
 * valid summary of `cols` features, so a loader can refuse a tampered file.
 */
export function parseFeatureStats(value: unknown, cols: number): { stats?: FeatureStats; problem?: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'featureStats must be an object' };
  const v = value as Record<string, unknown>;
  if (!Number.isSafeInteger(v.rows) || (v.rows as number) < 1) return { problem: 'featureStats.rows must be a positive whole number' };
  for (const key of ['min', 'max', 'mean', 'std'] as const) {
    if (!isNumberList(v[key], cols)) return { problem: `featureStats.${key} must list ${cols} finite numbers, one per input feature` };
  }
  const list = (key: 'min' | 'max' | 'mean' | 'std') => v[key] as number[];
  const stats = { rows: v.rows as number, min: list('min'), max: list('max'), mean: list('mean'), std: list('std') };
  if (stats.min.some((m, j) => m > stats.max[j]) || stats.std.some((s) => s < 0)) {
    return { problem: 'featureStats has a min above its max or a negative std' };
  }
  return { stats };
}
