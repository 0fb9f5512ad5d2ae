import { ConfigError, show } from '../../errors.js';
import type { Numbers } from './inputs.js';
import type { MetricWarning, ScoreResult } from './metric-warning.js';
import { prfCounts } from './prf-counts.js';
import { averagedScore, prfValues, type AveragedScoreOptions } from './prf-scores.js';

export interface PerClassScores {
  readonly labels: number[];
  readonly precision: number[];
  readonly recall: number[];
  readonly fScore: number[];
  /** Weighted count of true samples per class. */
  readonly support: number[];
  readonly warnings: readonly MetricWarning[];
}

export interface PerClassOptions {
  /** Classes to report, in order; defaults to every class in yTrue or yPred, sorted. */
  readonly labels?: readonly number[];
  readonly beta?: number;
  readonly sampleWeight?: Numbers;
}

/** Precision, recall, F-beta and support for each class (scikit-learn with average=None). */
export function precisionRecallFscoreSupport(yTrue: Numbers, yPred: Numbers, options: PerClassOptions = {}): PerClassScores {
  const fn = 'precisionRecallFscoreSupport';
  const beta = options.beta ?? 1;
  if (!(beta > 0) || !Number.isFinite(beta)) {
    throw new ConfigError('config/beta', `${fn}: beta must be a positive number but got ${show(beta)}; use 1 for F1.`);
  }
  const counts = prfCounts(fn, yTrue, yPred, options);
  const values = prfValues(counts, beta, ['precision', 'recall', 'f-score']);
  return { labels: counts.labels, ...values, support: counts.actual };
}

/** Precision tp / (tp + fp): 'binary' by default (class posLabel), or micro / macro / weighted. */
export function precisionScore(yTrue: Numbers, yPred: Numbers, options: AveragedScoreOptions = {}): ScoreResult {
  return averagedScore('precisionScore', 'precision', yTrue, yPred, options);
}

/** Recall tp / (tp + fn): 'binary' by default (class posLabel), or micro / macro / weighted. */
export function recallScore(yTrue: Numbers, yPred: Numbers, options: AveragedScoreOptions = {}): ScoreResult {
  return averagedScore('recallScore', 'recall', yTrue, yPred, options);
}

/** F-beta, the weighted harmonic mean of precision and recall (beta = 1 gives F1). */
export function fbetaScore(yTrue: Numbers, yPred: Numbers, options: AveragedScoreOptions = {}): ScoreResult {
  return averagedScore('fbetaScore', 'f-score', yTrue, yPred, options);
}

/** F1, the harmonic mean of precision and recall. */
export function f1Score(yTrue: Numbers, yPred: Numbers, options: Omit<AveragedScoreOptions, 'beta'> = {}): ScoreResult {
  return averagedScore('f1Score', 'f-score', yTrue, yPred, { ...options, beta: 1 });
}
