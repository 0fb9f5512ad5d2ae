import { binaryClfCurve } from '../metrics/evaluation/binary-clf-curve.js';

/** One way to cut the scores: what a threshold predicts, as weighted counts. */
export interface OperatingPoint {
  /** Predicted positive when score > threshold reproduces exactly these counts. */
  readonly threshold: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
}

/**
 * A threshold t with below <= t < above, so that score > t splits the scores at or above
 * `above` from those at or below `below`: the midpoint where it is safe, else `below`.
 */
export function strictThreshold(above: number, below: number | undefined): number {
  if (below === undefined) {
    // NOTE: everything positive: any t below the lowest score; for probabilities half of it.
    return above > 0 ? above / 2 : above - Math.max(1, Math.abs(above));
  }
  const middle = below + (above - below) / 2;
  const separates = (t: number) => below <= t && t < above;
  // NOTE: model outputs are float32; a threshold stored as float32 must still separate them.
  const float32Scores = Math.fround(above) === above && Math.fround(below) === below;
  if (separates(middle) && (!float32Scores || separates(Math.fround(middle)))) return middle;
  return below;
}

/**
 * Every distinct operating point of a scorer, from predicting nothing positive (threshold =
 * the highest score) to predicting everything positive, each with a strict threshold that
 * reproduces it. labels (n) 0/1, scores (n), weights (n)? — validated by the caller.
 */
export function operatingPoints(labels: Float64Array, scores: Float64Array, weights: Float64Array | undefined): OperatingPoint[] {
  const { thresholds, tps, fps } = binaryClfCurve(labels, scores, weights);
  const m = thresholds.length;
  const positives = tps[m - 1];
  const negatives = fps[m - 1];
  const points: OperatingPoint[] = [{ threshold: thresholds[0], tp: 0, fp: 0, fn: positives, tn: negatives }];
  for (let i = 0; i < m; i++) {
    const threshold = strictThreshold(thresholds[i], i + 1 < m ? thresholds[i + 1] : undefined);
    points.push({ threshold, tp: tps[i], fp: fps[i], fn: positives - tps[i], tn: negatives - fps[i] });
  }
  return points;
}
