import { binaryClfCurve } from './binary-clf-curve.js';
import { binaryLabels, finiteScores, sampleWeights, type Numbers } from './inputs.js';
import { warning, type MetricWarning } from './metric-warning.js';

export interface RocCurve {
  /** False positive rate at each threshold (NaN, with a warning, when there are no negatives). */
  readonly fpr: number[];
  /** True positive rate at each threshold (NaN, with a warning, when there are no positives). */
  readonly tpr: number[];
  /**
   * Decreasing; point i counts score >= thresholds[i] as positive. thresholds[0] is
   * max(score) + 1 (no sample reaches it), giving the origin (scikit-learn 1.2's convention).
   */
  readonly thresholds: number[];
  readonly warnings: readonly MetricWarning[];
}

export interface RocCurveOptions {
  readonly sampleWeight?: Numbers;
  /** Drop points that are collinear or suboptimal (scikit-learn's default, true). */
  readonly dropIntermediate?: boolean;
}

/** The ROC curve of binary labels against scores, one point per distinct score (as sklearn). */
export function rocCurve(yTrue: Numbers, yScore: Numbers, options: RocCurveOptions = {}): RocCurve {
  const fn = 'rocCurve';
  const labels = binaryLabels(fn, yTrue);
  const scores = finiteScores(fn, 'yScore', yScore, labels.length);
  const weights = sampleWeights(fn, options.sampleWeight, labels.length);
  const curve = binaryClfCurve(labels, scores, weights);
  let fps = Array.from(curve.fps);
  let tps = Array.from(curve.tps);
  let thresholds = Array.from(curve.thresholds);
  if ((options.dropIntermediate ?? true) && fps.length > 2) {
    // NOTE: keep the ends and every point where the slope changes: the second difference of
    // fps or tps is non-zero (computed as numpy's diff of diff, so ties in bits agree).
    const kept: number[] = [0];
    for (let i = 1; i < fps.length - 1; i++) {
      const fpTurn = fps[i + 1] - fps[i] - (fps[i] - fps[i - 1]);
      const tpTurn = tps[i + 1] - tps[i] - (tps[i] - tps[i - 1]);
      if (fpTurn !== 0 || tpTurn !== 0) kept.push(i);
    }
    kept.push(fps.length - 1);
    fps = kept.map((i) => fps[i]);
    tps = kept.map((i) => tps[i]);
    thresholds = kept.map((i) => thresholds[i]);
  }
  fps.unshift(0);
  tps.unshift(0);
  thresholds.unshift(thresholds[0] + 1);
  const warnings: MetricWarning[] = [];
  const negatives = fps[fps.length - 1];
  const positives = tps[tps.length - 1];
  if (negatives <= 0) {
    warnings.push(warning('roc_curve', 'no-negatives', 'No negative samples in yTrue: the false positive rate is undefined (NaN).'));
  }
  if (positives <= 0) {
    warnings.push(warning('roc_curve', 'no-positives', 'No positive samples in yTrue: the true positive rate is undefined (NaN).'));
  }
  return {
    fpr: fps.map((v) => (negatives <= 0 ? Number.NaN : v / negatives)),
    tpr: tps.map((v) => (positives <= 0 ? Number.NaN : v / positives)),
    thresholds,
    warnings,
  };
}
