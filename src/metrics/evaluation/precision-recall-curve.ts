import { binaryClfCurve } from './binary-clf-curve.js';
import { binaryLabels, finiteScores, sampleWeights, type Numbers } from './inputs.js';
import { warning, type MetricWarning } from './metric-warning.js';

export interface PrecisionRecallCurve {
  /** len(thresholds) + 1 entries; the last is 1 (no threshold). 0 where nothing is predicted. */
  readonly precision: number[];
  /** Decreasing, len(thresholds) + 1 entries; the last is 0. */
  readonly recall: number[];
  /**
   * Every distinct score, increasing; point i counts score >= thresholds[i] as positive
   * (scikit-learn 1.2's convention; versions before 1.1 cut the curve at full recall).
   */
  readonly thresholds: number[];
  readonly warnings: readonly MetricWarning[];
}

/** Precision and recall at every distinct score, as scikit-learn's precision_recall_curve. */
export function precisionRecallCurve(
  yTrue: Numbers,
  yScore: Numbers,
  options: { sampleWeight?: Numbers } = {},
): PrecisionRecallCurve {
  const fn = 'precisionRecallCurve';
  const labels = binaryLabels(fn, yTrue);
  const scores = finiteScores(fn, 'yScore', yScore, labels.length);
  const weights = sampleWeights(fn, options.sampleWeight, labels.length);
  const { fps, tps, thresholds } = binaryClfCurve(labels, scores, weights);
  const m = tps.length;
  const totalPositives = m === 0 ? 0 : tps[m - 1];
  const warnings: MetricWarning[] = [];
  if (totalPositives === 0) {
    warnings.push(
      warning('precision_recall_curve', 'no-positives', 'No positive samples in yTrue: recall is set to 1 at every threshold.'),
    );
  }
  // NOTE: reversed so recall decreases, closed with the point (recall 0, precision 1).
  const precision: number[] = [];
  const recall: number[] = [];
  const kept: number[] = [];
  for (let i = m - 1; i >= 0; i--) {
    const predicted = tps[i] + fps[i];
    precision.push(predicted === 0 ? 0 : tps[i] / predicted);
    recall.push(totalPositives === 0 ? 1 : tps[i] / totalPositives);
    kept.push(thresholds[i]);
  }
  precision.push(1);
  recall.push(0);
  return { precision, recall, thresholds: kept, warnings };
}
