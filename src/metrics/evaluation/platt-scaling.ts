import { DataError } from '../../errors.js';

/** A fitted Platt (sigmoid) map: calibrated p = 1 / (1 + exp(a·score + b)). */
export interface PlattFit {
  readonly a: number;
  readonly b: number;
}

/**
 * Platt scaling, as scikit-learn 1.2's CalibratedClassifierCV(method="sigmoid"): fits a, b by
 * minimizing the cross-entropy of 1 / (1 + exp(a·score + b)) against Platt's smoothed targets
 * ((positives + 1) / (positives + 2) for positives, 1 / (negatives + 2) for negatives), from
 * sklearn's starting point, by Newton's method with step halving to the exact minimum (sklearn's
 * BFGS stops at a gradient of 1e-5, so its a, b agree to about 1e-6).
 * `scores` (rows) are the uncalibrated scores, `labels` (rows) 0 or 1.
 */
export function plattScaling(scores: ArrayLike<number>, labels: ArrayLike<number>): PlattFit {
  const n = scores.length;
  if (n === 0 || labels.length !== n) {
    throw new DataError('data/length-mismatch', `plattScaling needs one label per score, at least one, but got ${n} scores and ${labels.length} labels.`);
  }
  let positives = 0;
  for (let i = 0; i < n; i++) if (labels[i] > 0) positives++;
  const negatives = n - positives;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  const t = Float64Array.from({ length: n }, (_, i) => (labels[i] > 0 ? high : low));
  const loss = (a: number, b: number) => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      // NOTE: log P and log(1 − P) of P = σ(−u), u = a·F + b, without overflow.
      const u = a * scores[i] + b;
      const logP = -softplus(u);
      const log1mP = -softplus(-u);
      sum -= t[i] * logP + (1 - t[i]) * log1mP;
    }
    return sum;
  };
  let a = 0;
  let b = Math.log((negatives + 1) / (positives + 1));
  let current = loss(a, b);
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
    for (let i = 0; i < n; i++) {
      const f = scores[i];
      const p = 1 / (1 + Math.exp(a * f + b));
      const d = t[i] - p; // ∂loss/∂u
      ga += d * f;
      gb += d;
      const h = p * (1 - p);
      haa += h * f * f;
      hab += h * f;
      hbb += h;
    }
    const det = haa * hbb - hab * hab;
    if (!(Math.abs(ga) + Math.abs(gb) > 1e-15) || !(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    let step = 1;
    let next = loss(a - da, b - db);
    while (next > current && step > 1e-10) {
      step /= 2;
      next = loss(a - step * da, b - step * db);
    }
    if (next > current) break;
    a -= step * da;
    b -= step * db;
    const done = Math.abs(step * da) + Math.abs(step * db) < 1e-15 * (1 + Math.abs(a) + Math.abs(b));
    current = next;
    if (done) break;
  }
  return { a, b };
}

/** Calibrated probabilities 1 / (1 + exp(a·score + b)) per score. */
export function plattPredict(fit: PlattFit, scores: ArrayLike<number>): Float64Array {
  return Float64Array.from(scores as ArrayLike<number>, (score) => 1 / (1 + Math.exp(fit.a * score + fit.b)));
}

function softplus(u: number): number {
  return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
}
