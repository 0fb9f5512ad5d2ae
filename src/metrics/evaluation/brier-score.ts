import { binaryLabels, probabilities, sampleWeights, weightedMean, type Numbers } from './inputs.js';
import type { ScoreResult } from './metric-warning.js';

/** Brier score: the (weighted) mean of (y - p)², lower is better; p must be in [0, 1]. */
export function brierScore(yTrue: Numbers, yProb: Numbers, options: { sampleWeight?: Numbers } = {}): ScoreResult {
  const fn = 'brierScore';
  const labels = binaryLabels(fn, yTrue);
  const p = probabilities(fn, 'yProb', yProb, labels.length);
  const weights = sampleWeights(fn, options.sampleWeight, labels.length);
  const squared = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) squared[i] = (labels[i] - p[i]) ** 2;
  return { value: weightedMean(fn, squared, weights), warnings: [] };
}
