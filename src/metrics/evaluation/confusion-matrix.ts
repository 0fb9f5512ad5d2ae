import { DataError, show } from '../../errors.js';
import { checkLength, classLabels, sampleWeights, type Numbers } from './inputs.js';

export interface ConfusionMatrix {
  /** The class labels, in the order of the rows and columns. */
  readonly labels: number[];
  /** K×K weighted counts: rows are true classes, columns predicted classes. */
  readonly matrix: number[][];
}

export interface ConfusionMatrixOptions {
  /** Which classes, in which order; defaults to every class in yTrue or yPred, sorted. */
  readonly labels?: readonly number[];
  readonly sampleWeight?: Numbers;
}

/** Sorted distinct values of the given label arrays. */
export function uniqueLabels(...arrays: Int32Array[]): number[] {
  const seen = new Set<number>();
  for (const array of arrays) for (let i = 0; i < array.length; i++) seen.add(array[i]);
  return [...seen].sort((a, b) => a - b);
}

/**
 * Counts (weighted) of each (true class, predicted class) pair, as scikit-learn's
 * confusion_matrix. Samples whose true or predicted class is not in `labels` are ignored.
 */
export function confusionMatrix(yTrue: Numbers, yPred: Numbers, options: ConfusionMatrixOptions = {}): ConfusionMatrix {
  const fn = 'confusionMatrix';
  const actual = classLabels(fn, 'yTrue', yTrue, yTrue.length);
  const predicted = classLabels(fn, 'yPred', yPred, actual.length);
  const weights = sampleWeights(fn, options.sampleWeight, actual.length);
  const labels = options.labels ? [...options.labels] : uniqueLabels(actual, predicted);
  if (options.labels) {
    checkLength(fn, 'labels', options.labels, options.labels.length);
    const present = new Set(actual);
    if (!labels.some((label) => present.has(label))) {
      throw new DataError(
        'data/no-label-in-ytrue',
        `${fn}: none of the labels ${show(labels)} occurs in yTrue; at least one must, or the matrix is all zeros.`,
      );
    }
  }
  return { labels, matrix: countPairs(actual, predicted, labels, weights) };
}

/** actual (n), predicted (n), labels (K), weights (n)? → K×K weighted pair counts. */
export function countPairs(
  actual: Int32Array,
  predicted: Int32Array,
  labels: readonly number[],
  weights: Float64Array | undefined,
): number[][] {
  const index = new Map<number, number>();
  labels.forEach((label, k) => index.set(label, k));
  const matrix = labels.map(() => labels.map(() => 0));
  for (let i = 0; i < actual.length; i++) {
    const row = index.get(actual[i]);
    const col = index.get(predicted[i]);
    if (row === undefined || col === undefined) continue;
    matrix[row][col] += weights ? weights[i] : 1;
  }
  return matrix;
}
