import { ConfigError, DataError, show } from '../../errors.js';
import { binaryLabels, checkLength, classLabels, finiteScores, sampleWeights, type Numbers, type ScoreRows } from './inputs.js';
import type { ScoreResult } from './metric-warning.js';

export interface LogLossOptions {
  readonly sampleWeight?: Numbers;
  /**
   * Probabilities are clipped to [eps, 1 - eps]. 'auto' (default) is the float64 machine
   * epsilon, as scikit-learn; 1e-7 reproduces Keras' binary cross-entropy.
   */
  readonly eps?: number | 'auto';
  /**
   * 'weightedMean' (default): sum(w·loss) / sum(w), scikit-learn's. 'sumOverBatchSize':
   * sum(w·loss) / n, Keras' loss reduction (the same without weights).
   */
  readonly reduction?: 'weightedMean' | 'sumOverBatchSize';
}

function resolveEps(fn: string, eps: number | 'auto' | undefined): number {
  if (eps === undefined || eps === 'auto') return Number.EPSILON;
  if (!(eps > 0 && eps < 0.5)) {
    throw new ConfigError('config/eps', `${fn}: eps must be in (0, 0.5) or 'auto' but got ${show(eps)}.`);
  }
  return eps;
}

function reduce(fn: string, losses: Float64Array, weights: Float64Array | undefined, reduction: LogLossOptions['reduction']): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < losses.length; i++) {
    const w = weights ? weights[i] : 1;
    sum += w * losses[i];
    total += w;
  }
  if ((reduction ?? 'weightedMean') === 'sumOverBatchSize') return sum / losses.length;
  if (total === 0) {
    throw new DataError('data/zero-weight', `${fn}: every sample weight is 0, so the weighted mean is undefined; give some samples weight.`);
  }
  return sum / total;
}

/**
 * Binary cross-entropy of probabilities of class 1 (scikit-learn's log_loss with labels
 * [0, 1], so one-class yTrue is defined): p is clipped to [eps, 1 - eps], the pair
 * (1 - p, p) renormalised, and -ln of the true class's probability averaged.
 */
export function logLoss(yTrue: Numbers, yProb: Numbers, options: LogLossOptions = {}): ScoreResult {
  const fn = 'logLoss';
  const labels = binaryLabels(fn, yTrue);
  const probabilities = finiteScores(fn, 'yProb', yProb, labels.length);
  const weights = sampleWeights(fn, options.sampleWeight, labels.length);
  const eps = resolveEps(fn, options.eps);
  const losses = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(Math.max(probabilities[i], eps), 1 - eps);
    const q = 1 - p;
    // NOTE: q + p may differ from 1 in the last bit; renormalising matches scikit-learn.
    const sum = q + p;
    losses[i] = -Math.log((labels[i] === 1 ? p : q) / sum);
  }
  return { value: reduce(fn, losses, weights, options.reduction), warnings: [] };
}

/**
 * Categorical cross-entropy of probability rows (n, K) against class indices 0..K-1: each
 * probability is clipped to [eps, 1 - eps], rows renormalised, -ln p[true class] averaged.
 */
export function multiclassLogLoss(yTrue: Numbers, yProb: ScoreRows, options: LogLossOptions = {}): ScoreResult {
  const fn = 'multiclassLogLoss';
  const labels = classLabels(fn, 'yTrue', yTrue, yTrue.length);
  checkLength(fn, 'yProb', yProb, labels.length);
  const weights = sampleWeights(fn, options.sampleWeight, labels.length);
  const eps = resolveEps(fn, options.eps);
  const K = yProb[0].length;
  const losses = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const row = finiteScores(fn, `yProb[${i}]`, yProb[i], K);
    if (labels[i] >= K) {
      throw new DataError('data/class-out-of-range', `${fn}: yTrue[${i}] is ${labels[i]} but yProb rows have ${K} columns.`, { row: i });
    }
    let sum = 0;
    for (let k = 0; k < K; k++) sum += Math.min(Math.max(row[k], eps), 1 - eps);
    losses[i] = -Math.log(Math.min(Math.max(row[labels[i]], eps), 1 - eps) / sum);
  }
  return { value: reduce(fn, losses, weights, options.reduction), warnings: [] };
}
