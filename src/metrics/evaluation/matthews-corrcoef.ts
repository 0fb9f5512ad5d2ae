import { countPairs, uniqueLabels } from './confusion-matrix.js';
import { classLabels, sampleWeights, type Numbers } from './inputs.js';
import { warning, type ScoreResult } from './metric-warning.js';

/**
 * Matthews correlation coefficient between true and predicted classes (any number of
 * classes, weighted). When its denominator is 0 (every label or every prediction in one class)
 * the value is 0 as in scikit-learn, and, unlike scikit-learn, a warning says it was undefined.
 */
export function matthewsCorrcoef(yTrue: Numbers, yPred: Numbers, options: { sampleWeight?: Numbers } = {}): ScoreResult {
  const fn = 'matthewsCorrcoef';
  const actual = classLabels(fn, 'yTrue', yTrue, yTrue.length);
  const predicted = classLabels(fn, 'yPred', yPred, actual.length);
  const weights = sampleWeights(fn, options.sampleWeight, actual.length);
  const labels = uniqueLabels(actual, predicted);
  const matrix = countPairs(actual, predicted, labels, weights);
  const K = labels.length;
  const trueSums = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const predSums = labels.map((_, j) => matrix.reduce((sum, row) => sum + row[j], 0));
  let correct = 0;
  for (let k = 0; k < K; k++) correct += matrix[k][k];
  const total = predSums.reduce((a, b) => a + b, 0);
  let truePred = 0;
  let predPred = 0;
  let trueTrue = 0;
  for (let k = 0; k < K; k++) {
    truePred += trueSums[k] * predSums[k];
    predPred += predSums[k] * predSums[k];
    trueTrue += trueSums[k] * trueSums[k];
  }
  const covariance = correct * total - truePred;
  const predVariance = total * total - predPred;
  const trueVariance = total * total - trueTrue;
  if (predVariance * trueVariance === 0) {
    return {
      value: 0,
      warnings: [warning('matthews_corrcoef', 'mcc-undefined', 'MCC is undefined: every label or every prediction is one class; set to 0.')],
    };
  }
  return { value: covariance / Math.sqrt(trueVariance * predVariance), warnings: [] };
}
