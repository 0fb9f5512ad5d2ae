import { ConfigError, DataError, show } from '../../errors.js';
import { checkLength, classLabels, finiteScores, sampleWeights, weightedMean, type Numbers, type ScoreRows } from './inputs.js';
import type { ScoreResult } from './metric-warning.js';

/**
 * Fraction of samples whose true class is among the k highest scores (weighted). Ties are
 * broken as scikit-learn's top_k_accuracy_score: among equal scores the higher class index ranks
 * first.
 */
export function topKAccuracyScore(
  yTrue: Numbers,
  yScore: ScoreRows,
  options: { k?: number; sampleWeight?: Numbers } = {},
): ScoreResult {
  const fn = 'topKAccuracyScore';
  const k = options.k ?? 2;
  if (!Number.isInteger(k) || k < 1) throw new ConfigError('config/k', `${fn}: k must be a positive integer but got ${show(k)}.`);
  const labels = classLabels(fn, 'yTrue', yTrue, yTrue.length);
  checkLength(fn, 'yScore', yScore, labels.length);
  const weights = sampleWeights(fn, options.sampleWeight, labels.length);
  const K = yScore[0].length;
  const hits = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const row = finiteScores(fn, `yScore[${i}]`, yScore[i], K);
    const c = labels[i];
    if (c >= K) throw new DataError('data/class-out-of-range', `${fn}: yTrue[${i}] is ${c} but rows have ${K} scores.`, { row: i });
    let ahead = 0;
    for (let j = 0; j < K; j++) if (row[j] > row[c] || (row[j] === row[c] && j > c)) ahead++;
    hits[i] = ahead < k ? 1 : 0;
  }
  return { value: weightedMean(fn, hits, weights), warnings: [] };
}
