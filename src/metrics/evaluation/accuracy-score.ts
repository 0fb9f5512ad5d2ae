import { classLabels, sampleWeights, weightedMean, type Numbers } from './inputs.js';
import type { ScoreResult } from './metric-warning.js';

/** Fraction of samples whose predicted class equals the true class (weighted). */
export function accuracyScore(yTrue: Numbers, yPred: Numbers, options: { sampleWeight?: Numbers } = {}): ScoreResult {
  const fn = 'accuracyScore';
  const actual = classLabels(fn, 'yTrue', yTrue, yTrue.length);
  const predicted = classLabels(fn, 'yPred', yPred, actual.length);
  const weights = sampleWeights(fn, options.sampleWeight, actual.length);
  const hits = new Float64Array(actual.length);
  for (let i = 0; i < actual.length; i++) hits[i] = actual[i] === predicted[i] ? 1 : 0;
  return { value: weightedMean(fn, hits, weights), warnings: [] };
}
