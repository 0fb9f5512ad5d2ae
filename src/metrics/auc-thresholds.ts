/**
 * Keras' AUC thresholds and the bucketing that counts a score at each of them in one pass.
 * Keras keeps y_pred and the thresholds in float32, so the bucketing rounds as float32 does.
 */

/** Keras' backend epsilon, placed outside [0, 1] so scores of exactly 0 and 1 are handled. */
export const KERAS_EPSILON = 1e-7;

/**
 * Thresholds (T), increasing: [-ε, user or evenly spaced interior ones, 1 + ε]. With
 * numThresholds = T the interior is i / (T - 1) for i = 1 .. T - 2.
 */
export function aucThresholds(numThresholds: number, interior?: readonly number[]): number[] {
  const inner = interior
    ? [...interior].sort((a, b) => a - b)
    : Array.from({ length: numThresholds - 2 }, (_, i) => ((i + 1) * 1.0) / (numThresholds - 1));
  return [0 - KERAS_EPSILON, ...inner, 1 + KERAS_EPSILON];
}

/** Whether [0, interior..., 1] is evenly spaced (within ε), so the one-pass bucketing applies. */
export function isEvenlySpaced(interior: readonly number[]): boolean {
  const points = [0, ...[...interior].sort((a, b) => a - b), 1];
  const n = points.length;
  if (n < 3) return false;
  return points.every((p, i) => Math.abs(p - Math.fround(i / (n - 1))) <= KERAS_EPSILON + 1e-5 * Math.abs(Math.fround(i / (n - 1))));
}

/**
 * The last threshold index a score exceeds, for evenly spaced thresholds (T): the score is
 * clipped to [0, 1] and counted for thresholds 0 .. bucket. ceil(p · (T - 1)) - 1 puts a score
 * exactly on a threshold below it (score > threshold is strict); index 0 (-ε) always counts.
 */
export function evenBucket(score: number, numThresholds: number): number {
  const p = Math.min(Math.max(Math.fround(score), 0), 1);
  const scaled = Math.fround(p * Math.fround(numThresholds - 1));
  return Math.max(Math.ceil(scaled) - 1, 0);
}

/**
 * The last threshold index a score exceeds, for any increasing thresholds (T) compared as
 * float32: binary search for how many thresholds are strictly below the score, minus 1
 * (-1: none, the score counts nowhere).
 */
export function searchBucket(score: number, thresholds32: Float32Array): number {
  const s = Math.fround(score);
  let low = 0;
  let high = thresholds32.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (thresholds32[mid] < s) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}
