import { ConfigError, DataError, show } from '../../errors.js';
import { binaryCounts, countScores, ratio, type BinaryCounts } from './binary-counts.js';
import { bootstrapResamples } from './bootstrap-resamples.js';
import { binaryLabels, finiteScores, sampleWeights, type Numbers } from './inputs.js';
import { warning, type MetricWarning } from './metric-warning.js';

export interface Interval {
  /** The statistic on the data as given. */
  readonly estimate: number;
  /** Percentile bounds of the statistic over the resamples. */
  readonly lower: number;
  readonly upper: number;
  /** Resamples where the statistic was defined (the others are left out). */
  readonly resamplesUsed: number;
}

export interface BootstrapIntervals {
  readonly confidence: number;
  readonly resamples: number;
  readonly seed: number;
  readonly threshold: number;
  /**
   * Null when the interval is undefined: ROC AUC on one class; any statistic defined in fewer
   * than half of the resamples, or whose resamples are degenerate (the percentile bounds
   * coincide, as for a precision of 1 with no false positive to resample), so that it would
   * print as a point, [1.0000, 1.0000], claiming a certainty the rows do not give.
   */
  readonly auc: Interval | null;
  readonly f1: Interval | null;
  readonly precision: Interval | null;
  readonly recall: Interval | null;
  readonly accuracy: Interval | null;
  readonly warnings: readonly MetricWarning[];
}

export interface BootstrapOptions {
  /** Coverage of the interval (default 0.95). */
  readonly confidence?: number;
  /** Number of resamples (default 1000). */
  readonly resamples?: number;
  /** Seed of the resampling (default 0): the same data and seed give the same intervals. */
  readonly seed?: number;
  /** Decision threshold for F1, precision, recall and accuracy (default 0.5; score > t). */
  readonly threshold?: number;
  readonly sampleWeight?: Numbers;
}

type Statistic = 'auc' | 'f1' | 'precision' | 'recall' | 'accuracy';
const STATISTICS: readonly Statistic[] = ['auc', 'f1', 'precision', 'recall', 'accuracy'];

/** Each statistic from counts at the threshold and the exact AUC; undefined ones are NaN here only. */
function statistics(counts: BinaryCounts, auc: number): Record<Statistic, number> {
  const scores = countScores(counts);
  const total = counts.tp + counts.fp + counts.tn + counts.fn;
  return {
    auc,
    f1: counts.tp + counts.fp + counts.fn === 0 ? Number.NaN : (2 * counts.tp) / (2 * counts.tp + counts.fp + counts.fn),
    precision: counts.tp + counts.fp === 0 ? Number.NaN : scores.precision,
    recall: counts.tp + counts.fn === 0 ? Number.NaN : scores.recall,
    accuracy: total === 0 ? Number.NaN : ratio(counts.tp + counts.tn, total),
  };
}

/**
 * Exact tie-aware ROC AUC from per-sample weights, walking samples in decreasing score order
 * (`order`) with `groupEnd[r]` true where a run of tied scores ends. NaN with one class.
 */
function aucByOrder(labels: Float64Array, w: Float64Array, order: Int32Array, groupEnd: Uint8Array): number {
  let positives = 0;
  let negatives = 0;
  let area = 0;
  let groupPositives = 0;
  let groupNegatives = 0;
  for (let r = 0; r < order.length; r++) {
    const i = order[r];
    if (labels[i] === 1) groupPositives += w[i];
    else groupNegatives += w[i];
    if (groupEnd[r]) {
      area += groupNegatives * (positives + groupPositives / 2);
      positives += groupPositives;
      negatives += groupNegatives;
      groupPositives = 0;
      groupNegatives = 0;
    }
  }
  return positives > 0 && negatives > 0 ? area / (positives * negatives) : Number.NaN;
}

/** Linear-interpolated percentile of sorted values (numpy's default), q in [0, 1]. */
function percentile(sorted: number[], q: number): number {
  const position = q * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
}

/**
 * Seeded percentile-bootstrap confidence intervals for ROC AUC, F1, precision, recall and
 * accuracy of a binary classifier: rows are resampled with replacement `resamples` times.
 */
export function bootstrapIntervals(yTrue: Numbers, yScore: Numbers, options: BootstrapOptions = {}): BootstrapIntervals {
  const fn = 'bootstrapIntervals';
  const confidence = options.confidence ?? 0.95;
  const resamples = options.resamples ?? 1000;
  const seed = options.seed ?? 0;
  const threshold = options.threshold ?? 0.5;
  if (!(confidence > 0 && confidence < 1)) {
    throw new ConfigError('config/confidence', `${fn}: confidence must be between 0 and 1 (e.g. 0.95) but got ${show(confidence)}.`);
  }
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new ConfigError('config/resamples', `${fn}: resamples must be a positive integer (1000 is typical) but got ${show(resamples)}.`);
  }
  if (!Number.isInteger(seed)) throw new ConfigError('config/seed', `${fn}: seed must be an integer but got ${show(seed)}.`);
  if (!Number.isFinite(threshold)) throw new ConfigError('config/threshold', `${fn}: threshold must be finite but got ${show(threshold)}.`);
  const labels = binaryLabels(fn, yTrue);
  const n = labels.length;
  const scores = finiteScores(fn, 'yScore', yScore, n);
  const weights = sampleWeights(fn, options.sampleWeight, n) ?? new Float64Array(n).fill(1);
  if (weights.every((w) => w === 0)) {
    throw new DataError('data/zero-weight', `${fn}: every sample weight is 0; give some samples weight.`);
  }
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const groupEnd = Uint8Array.from({ length: n }, (_, r) => (r === n - 1 || scores[order[r + 1]] !== scores[order[r]] ? 1 : 0));

  const full = statistics(binaryCounts(labels, scores, threshold, weights), aucByOrder(labels, weights, order, groupEnd));
  const samples: Record<Statistic, number[]> = { auc: [], f1: [], precision: [], recall: [], accuracy: [] };
  bootstrapResamples(labels, scores, weights, threshold, order, groupEnd, resamples, seed, (sums) => {
    const auc = sums.positives > 0 && sums.negatives > 0 ? sums.area / (sums.positives * sums.negatives) : Number.NaN;
    const values = statistics(sums, auc);
    for (const name of STATISTICS) if (!Number.isNaN(values[name])) samples[name].push(values[name]);
  });

  const warnings: MetricWarning[] = [];
  const alpha = (1 - confidence) / 2;
  // Statistics whose percentile bounds coincide: one warning for them all, after the loop.
  const degenerate: { name: Statistic; value: number; every: boolean }[] = [];
  const interval = (name: Statistic): Interval | null => {
    const sorted = samples[name].sort((a, b) => a - b);
    const dropped = resamples - sorted.length;
    if (dropped > 0) {
      warnings.push(warning(name, 'resamples-dropped', `${name} was undefined in ${dropped} of ${resamples} resamples; they were left out.`));
    }
    const estimate = Number.isNaN(full[name]) ? 0 : full[name];
    if (Number.isNaN(full[name]) && name !== 'auc') {
      // NOTE: accuracy is always defined here (some weight is non-zero), so this covers F1.
      const code = name === 'precision' ? 'precision-undefined' : name === 'recall' ? 'recall-undefined' : 'fscore-undefined';
      warnings.push(warning(name, code, `${name} is undefined on the data as given (0/0); its estimate is set to 0.`));
    }
    if (sorted.length < resamples / 2) {
      warnings.push(warning(name, 'interval-undefined', `${name} was defined in only ${sorted.length} of ${resamples} resamples: its interval is undefined.`));
      return null;
    }
    const lower = percentile(sorted, alpha);
    const upper = percentile(sorted, 1 - alpha);
    if (lower === upper) {
      degenerate.push({ name, value: lower, every: lower === sorted[0] && upper === sorted[sorted.length - 1] });
      return null;
    }
    return { estimate, lower, upper, resamplesUsed: sorted.length };
  };
  const oneClass = Number.isNaN(full.auc);
  if (oneClass) warnings.push(warning('auc', 'auc-undefined', 'yTrue holds one class, so ROC AUC is undefined: no interval.'));
  const auc = oneClass ? null : interval('auc');
  const f1 = interval('f1');
  const precision = interval('precision');
  const recall = interval('recall');
  const accuracy = interval('accuracy');
  if (degenerate.length > 0) {
    const names = degenerate.map((d) => d.name);
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    const values = [...new Set(degenerate.map((d) => d.value.toFixed(4)))];
    const one = names.length === 1;
    warnings.push(warning(
      'bootstrap', 'interval-undefined',
      `${list} ${one ? 'was' : 'were'} ${values.length === 1 ? values[0] : 'constant'} in ${degenerate.every((d) => d.every) ? 'every' : 'nearly every'} ` +
        `resample: resampling these rows cannot show ${one ? 'its' : 'their'} uncertainty (too few rows, or no error to resample), ` +
        `so ${one ? 'its interval is' : 'their intervals are'} undefined.`,
    ));
  }
  return { confidence, resamples, seed, threshold, auc, f1, precision, recall, accuracy, warnings };
}
