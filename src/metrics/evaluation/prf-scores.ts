import { ConfigError, show } from '../../errors.js';
import type { Numbers } from './inputs.js';
import { warning, type MetricWarning, type ScoreResult } from './metric-warning.js';
import { prfCounts, type Average, type PrfCountOptions, type PrfCounts } from './prf-counts.js';

/** Which undefined ratios a caller reports (scikit-learn warns only for the score asked for). */
export type PrfQuantity = 'precision' | 'recall' | 'f-score';

export interface PrfValues {
  readonly precision: number[];
  readonly recall: number[];
  readonly fScore: number[];
  readonly warnings: MetricWarning[];
}

function describe(labels: readonly number[]): string {
  return labels.length === 1 ? `class ${labels[0]}` : `classes ${labels.join(', ')}`;
}

/**
 * Per-class precision, recall and F-beta from counts, with scikit-learn's zero_division
 * convention: an undefined ratio (0/0) is 0 and is reported in `warnings`; F is 0 when
 * precision + recall is 0, and is reported undefined only for a class with neither true nor
 * predicted samples.
 */
export function prfValues(counts: PrfCounts, beta: number, report: readonly PrfQuantity[]): PrfValues {
  const beta2 = beta * beta;
  const noPredicted: number[] = [];
  const noActual: number[] = [];
  const neither: number[] = [];
  const precision: number[] = [];
  const recall: number[] = [];
  const fScore: number[] = [];
  counts.labels.forEach((label, k) => {
    const tp = counts.truePositives[k];
    const p = counts.predicted[k] === 0 ? 0 : tp / counts.predicted[k];
    const r = counts.actual[k] === 0 ? 0 : tp / counts.actual[k];
    if (counts.predicted[k] === 0) noPredicted.push(label);
    if (counts.actual[k] === 0) noActual.push(label);
    if (counts.predicted[k] === 0 && counts.actual[k] === 0) neither.push(label);
    const denominator = beta2 * p + r;
    precision.push(p);
    recall.push(r);
    fScore.push(denominator === 0 ? 0 : ((1 + beta2) * p * r) / denominator);
  });
  const warnings: MetricWarning[] = [];
  if (report.includes('precision') && noPredicted.length > 0) {
    warnings.push(
      warning('precision', 'precision-undefined', `Precision is undefined for ${describe(noPredicted)} (nothing predicted); set to 0.`),
    );
  }
  if (report.includes('recall') && noActual.length > 0) {
    warnings.push(warning('recall', 'recall-undefined', `Recall is undefined for ${describe(noActual)} (no true samples); set to 0.`));
  }
  if (report.includes('f-score') && neither.length > 0) {
    warnings.push(
      warning('f-score', 'fscore-undefined', `F-score is undefined for ${describe(neither)} (no true nor predicted samples); set to 0.`),
    );
  }
  return { precision, recall, fScore, warnings };
}

/** Sums counts over classes: the micro average's single pooled class. */
function pooled(counts: PrfCounts): PrfCounts {
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return { labels: [-1], truePositives: [sum(counts.truePositives)], predicted: [sum(counts.predicted)], actual: [sum(counts.actual)] };
}

export interface AveragedScoreOptions extends PrfCountOptions {
  /** 'binary' (default): the posLabel class only; micro: pooled counts; macro / weighted means. */
  readonly average?: Average;
  /** F-beta's beta (recall weighs beta times as much as precision); 1 gives F1. */
  readonly beta?: number;
}

/** One averaged precision, recall or F-beta, with the warnings scikit-learn gives for it. */
export function averagedScore(
  fn: string,
  quantity: PrfQuantity,
  yTrue: Numbers,
  yPred: Numbers,
  options: AveragedScoreOptions,
): ScoreResult {
  const average = options.average ?? 'binary';
  const beta = options.beta ?? 1;
  if (!(beta > 0) || !Number.isFinite(beta)) {
    throw new ConfigError('config/beta', `${fn}: beta must be a positive number but got ${show(beta)}; use 1 for F1.`);
  }
  let counts = prfCounts(fn, yTrue, yPred, options, average);
  if (average === 'micro') counts = pooled(counts);
  const values = prfValues(counts, beta, [quantity]);
  const perClass = quantity === 'precision' ? values.precision : quantity === 'recall' ? values.recall : values.fScore;
  let value: number;
  if (average === 'weighted') {
    const total = counts.actual.reduce((a, b) => a + b, 0);
    value = total === 0 ? 0 : perClass.reduce((sum, v, k) => sum + v * counts.actual[k], 0) / total;
  } else {
    value = perClass.reduce((a, b) => a + b, 0) / perClass.length;
  }
  return { value, warnings: values.warnings };
}
