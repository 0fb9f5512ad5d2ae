import { DataError } from '../../errors.js';

/** A fitted isotonic (non-decreasing) map: the points it interpolates linearly between. */
export interface IsotonicFit {
  /** Increasing x (points). */
  readonly x: Float64Array;
  /** Non-decreasing fitted values at x (points). */
  readonly y: Float64Array;
}

/**
 * Isotonic regression of y on x, as scikit-learn 1.2's IsotonicRegression(increasing=True):
 * rows sorted by x (then y), equal x merged into their weighted mean (x within 1e-15 counts as
 * equal), pool-adjacent-violators, and interior points equal to both neighbours dropped. Used to
 * calibrate scores: `isotonicPredict(fit, scores)`.
 */
export function isotonicRegression(x: ArrayLike<number>, y: ArrayLike<number>, weights?: ArrayLike<number>): IsotonicFit {
  const n = x.length;
  if (n === 0 || y.length !== n || (weights !== undefined && weights.length !== n)) {
    throw new DataError('data/length-mismatch', `isotonicRegression needs as many x as y (and weights), at least one, but got ${n} x and ${y.length} y.`);
  }
  const rows = Array.from({ length: n }, (_, i) => i).filter((i) => (weights === undefined ? 1 : weights[i]) > 0);
  rows.sort((a, b) => x[a] - x[b] || y[a] - y[b]);
  // NOTE: sklearn's _make_unique: a run of x within the float64 resolution keeps its first x.
  const ux: number[] = [];
  const uy: number[] = [];
  const uw: number[] = [];
  for (const i of rows) {
    const w = weights === undefined ? 1 : weights[i];
    const last = ux.length - 1;
    if (last >= 0 && x[i] - ux[last] < 1e-15) {
      uy[last] += y[i] * w;
      uw[last] += w;
    } else {
      ux.push(x[i]);
      uy.push(y[i] * w);
      uw.push(w);
    }
  }
  for (let i = 0; i < uy.length; i++) uy[i] /= uw[i];
  const fitted = poolAdjacentViolators(Float64Array.from(uy), Float64Array.from(uw));
  const keep = ux.map((_, i) => i === 0 || i === ux.length - 1 || fitted[i] !== fitted[i - 1] || fitted[i] !== fitted[i + 1]);
  return { x: Float64Array.from(ux.filter((_, i) => keep[i])), y: fitted.filter((_, i) => keep[i]) };
}

/** The fit at each score: linear between its points, clipped to its first and last x. */
export function isotonicPredict(fit: IsotonicFit, scores: ArrayLike<number>): Float64Array {
  const { x, y } = fit;
  return Float64Array.from(scores as ArrayLike<number>, (score) => {
    if (x.length === 1 || score <= x[0]) return y[0];
    if (score >= x[x.length - 1]) return y[y.length - 1];
    let lo = 0;
    let hi = x.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (x[mid] <= score) lo = mid;
      else hi = mid;
    }
    // NOTE: numpy's interp formula, slope first, so values match it to the last bit where they can.
    const slope = (y[hi] - y[lo]) / (x[hi] - x[lo]);
    return slope * (score - x[lo]) + y[lo];
  });
}

/** Pool adjacent violators in place (sklearn's _inplace_contiguous_isotonic_regression). */
function poolAdjacentViolators(y: Float64Array, w: Float64Array): Float64Array {
  const n = y.length;
  const target = Int32Array.from({ length: n }, (_, i) => i);
  let i = 0;
  while (i < n) {
    let k = target[i] + 1;
    if (k === n) break;
    if (y[i] < y[k]) {
      i = k;
      continue;
    }
    let sumWy = w[i] * y[i];
    let sumW = w[i];
    for (;;) {
      const previous = y[k];
      sumWy += w[k] * y[k];
      sumW += w[k];
      k = target[k] + 1;
      if (k === n || previous < y[k]) {
        y[i] = sumWy / sumW;
        w[i] = sumW;
        target[i] = k - 1;
        target[k - 1] = i;
        if (i > 0) i = target[i - 1];
        break;
      }
    }
  }
  for (i = 0; i < n; ) {
    const k = target[i] + 1;
    y.fill(y[i], i + 1, k);
    i = k;
  }
  return y;
}
