import { accuracyScore } from '../metrics/evaluation/accuracy-score.js';
import { confusionMatrix } from '../metrics/evaluation/confusion-matrix.js';
import type { MetricWarning } from '../metrics/evaluation/metric-warning.js';
import { precisionRecallFscoreSupport, type PerClassScores } from '../metrics/evaluation/precision-recall-fscore-support.js';

/** A binary classifier's results at one decision threshold, from nn.evaluation's functions. */
export interface ThresholdMetrics {
  readonly threshold: number;
  /** `nn.evaluation.confusionMatrix` with labels [0, 1]: [[tn, fp], [fn, tp]]. */
  readonly confusionMatrix: number[][];
  /** `nn.evaluation.precisionRecallFscoreSupport` with labels [0, 1]: index 1 is the positive class. */
  readonly perClass: PerClassScores;
  /** `nn.evaluation.accuracyScore`. */
  readonly accuracy: number;
  /** Where a value is 0 / 0 and set to 0 by convention (nothing predicted positive, say). */
  readonly warnings: readonly MetricWarning[];
}

/**
 * The rows predicted positive at `threshold` (score > threshold, as the model predicts) scored
 * by the library's own evaluation functions, so a page shows exactly what they return.
 */
export function thresholdMetrics(labels: Int32Array, scores: ArrayLike<number>, threshold: number): ThresholdMetrics {
  const predicted = new Int32Array(labels.length);
  for (let row = 0; row < labels.length; row++) predicted[row] = scores[row] > threshold ? 1 : 0;
  const perClass = precisionRecallFscoreSupport(labels, predicted, { labels: [0, 1] });
  const accuracy = accuracyScore(labels, predicted);
  return {
    threshold,
    confusionMatrix: confusionMatrix(labels, predicted, { labels: [0, 1] }).matrix,
    perClass,
    accuracy: accuracy.value,
    warnings: [...perClass.warnings, ...accuracy.warnings],
  };
}
