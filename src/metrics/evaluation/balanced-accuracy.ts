import { DataError } from '../../errors.js';
import { countPairs, uniqueLabels } from './confusion-matrix.js';
import { classLabels, sampleWeights, type Numbers } from './inputs.js';
import { warning, type MetricWarning, type ScoreResult } from './metric-warning.js';

/**
 * Mean recall over the classes present in yTrue (scikit-learn's balanced_accuracy_score,
 * adjusted=False). A predicted class that never occurs in yTrue has no recall; it is dropped
 * and a warning says so.
 */
export function balancedAccuracy(yTrue: Numbers, yPred: Numbers, options: { sampleWeight?: Numbers } = {}): ScoreResult {
  const fn = 'balancedAccuracy';
  const actual = classLabels(fn, 'yTrue', yTrue, yTrue.length);
  const predicted = classLabels(fn, 'yPred', yPred, actual.length);
  const weights = sampleWeights(fn, options.sampleWeight, actual.length);
  const labels = uniqueLabels(actual, predicted);
  const matrix = countPairs(actual, predicted, labels, weights);
  const recalls: number[] = [];
  const dropped: number[] = [];
  labels.forEach((label, k) => {
    const support = matrix[k].reduce((a, b) => a + b, 0);
    if (support === 0) dropped.push(label);
    else recalls.push(matrix[k][k] / support);
  });
  if (recalls.length === 0) {
    throw new DataError('data/zero-weight', `${fn}: every sample weight is 0, so no class has a recall; give some samples weight.`);
  }
  const warnings: MetricWarning[] = [];
  if (dropped.length > 0) {
    warnings.push(
      warning(
        'balanced_accuracy',
        'absent-class',
        `yPred contains class${dropped.length > 1 ? 'es' : ''} ${dropped.join(', ')} absent from yTrue; ` +
          'left out of the mean recall.',
      ),
    );
  }
  return { value: recalls.reduce((a, b) => a + b, 0) / recalls.length, warnings };
}
