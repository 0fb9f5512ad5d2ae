import { DataError } from '../errors.js';
import type { Fold } from './fold.js';
import { checkFolds } from './stratified-k-fold.js';

/**
 * Time-ordered splits over `rows` rows in time order, as scikit-learn 1.2's TimeSeriesSplit(k):
 * the last k blocks of ⌊rows / (k + 1)⌋ rows are tested in turn, each after training on every
 * row before it; the first rows are only ever trained on. Indices are positions in time order.
 */
export function timeSeriesSplit(rows: number, k: number): Fold[] {
  checkFolds(k, rows);
  const testSize = Math.floor(rows / (k + 1));
  if (testSize === 0) {
    throw new DataError('data/too-few-rows', `${k} time-ordered folds need at least ${k + 1} rows, but there are ${rows}; use fewer folds.`);
  }
  const range = (from: number, to: number) => Int32Array.from({ length: to - from }, (_, i) => from + i);
  return Array.from({ length: k }, (_, j) => {
    const start = rows - (k - j) * testSize;
    return { train: range(0, start), test: range(start, start + testSize) };
  });
}
