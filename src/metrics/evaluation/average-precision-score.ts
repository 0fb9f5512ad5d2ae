import type { Numbers } from './inputs.js';
import type { ScoreResult } from './metric-warning.js';
import { precisionRecallCurve } from './precision-recall-curve.js';

/**
 * Average precision: sum over the precision-recall curve of (R_n - R_{n-1}) · P_n, step-wise
 * with no interpolation (scikit-learn's definition). With no positives in yTrue the result is 0
 * (scikit-learn writes -0; we return +0) and a warning says recall was set to 1.
 */
export function averagePrecisionScore(yTrue: Numbers, yScore: Numbers, options: { sampleWeight?: Numbers } = {}): ScoreResult {
  const curve = precisionRecallCurve(yTrue, yScore, options);
  let sum = 0;
  for (let i = 0; i + 1 < curve.recall.length; i++) sum += (curve.recall[i + 1] - curve.recall[i]) * curve.precision[i];
  return { value: 0 - sum, warnings: curve.warnings.map((w) => ({ ...w, metric: 'average_precision' })) };
}
