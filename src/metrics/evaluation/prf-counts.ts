import { ConfigError, show } from '../../errors.js';
import { uniqueLabels } from './confusion-matrix.js';
import { classLabels, sampleWeights, type Numbers } from './inputs.js';

/** Per-class weighted counts behind precision, recall and F-scores. */
export interface PrfCounts {
  readonly labels: number[];
  /** Correctly predicted, per class. */
  readonly truePositives: number[];
  /** Predicted as the class (tp + fp), per class. */
  readonly predicted: number[];
  /** Truly of the class (tp + fn), the support, per class. */
  readonly actual: number[];
}

export type Average = 'binary' | 'micro' | 'macro' | 'weighted';

export interface PrfCountOptions {
  readonly labels?: readonly number[];
  readonly sampleWeight?: Numbers;
  /** With average 'binary': the positive class (default 1). */
  readonly posLabel?: number;
}

/**
 * Counts per class for `labels` (default: every class in yTrue or yPred). With average
 * 'binary' only posLabel is counted, and more than two classes is an error, as in scikit-learn.
 */
export function prfCounts(fn: string, yTrue: Numbers, yPred: Numbers, options: PrfCountOptions, average?: Average): PrfCounts {
  const actual = classLabels(fn, 'yTrue', yTrue, yTrue.length);
  const predicted = classLabels(fn, 'yPred', yPred, actual.length);
  const weights = sampleWeights(fn, options.sampleWeight, actual.length);
  let labels = options.labels ? [...options.labels] : uniqueLabels(actual, predicted);
  if (average === 'binary') {
    const posLabel = options.posLabel ?? 1;
    const present = uniqueLabels(actual, predicted);
    if (present.length > 2) {
      throw new ConfigError(
        'config/average-binary-multiclass',
        `${fn}: the data has ${present.length} classes (${present.join(', ')}) but average is 'binary'; ` +
          "choose average 'micro', 'macro' or 'weighted' for multi-class data.",
      );
    }
    if (present.length === 2 && !present.includes(posLabel)) {
      throw new ConfigError(
        'config/pos-label',
        `${fn}: posLabel ${show(posLabel)} is not one of the classes ${present.join(', ')}; pass posLabel set to the positive class.`,
      );
    }
    labels = [posLabel];
  }
  const index = new Map<number, number>();
  labels.forEach((label, k) => index.set(label, k));
  const truePositives = labels.map(() => 0);
  const predictedSums = labels.map(() => 0);
  const actualSums = labels.map(() => 0);
  for (let i = 0; i < actual.length; i++) {
    const w = weights ? weights[i] : 1;
    const t = index.get(actual[i]);
    const p = index.get(predicted[i]);
    if (t !== undefined) actualSums[t] += w;
    if (p !== undefined) predictedSums[p] += w;
    if (t !== undefined && actual[i] === predicted[i]) truePositives[t] += w;
  }
  return { labels, truePositives, predicted: predictedSums, actual: actualSums };
}
