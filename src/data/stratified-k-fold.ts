import { ConfigError, DataError } from '../errors.js';
import { Random } from '../random/random.js';
import { foldsFromAssignment, type Fold } from './fold.js';

export interface KFoldOptions {
  /** Shuffle each class's rows among the folds, seeded (default false: scikit-learn's folds). */
  readonly shuffle?: boolean;
  /** Seeds the shuffle. Default 42. */
  readonly seed?: number;
}

/**
 * Stratified k-fold over class labels (rows): each fold holds each class's share of the rows.
 * Without shuffling the folds equal scikit-learn 1.2's StratifiedKFold(k) exactly: classes in
 * order of first appearance, the i-th row of a class (in row order) goes to the fold that
 * sklearn's allocation gives it, i.e. classes are dealt out over the folds in sorted order.
 */
export function stratifiedKFold(labels: ArrayLike<number>, k: number, options: KFoldOptions = {}): Fold[] {
  checkFolds(k, labels.length);
  // NOTE: sklearn encodes classes by order of first appearance, then sorts the encoded labels.
  const code = new Map<number, number>();
  const encoded = Int32Array.from({ length: labels.length }, (_, row) => {
    const label = labels[row];
    if (!code.has(label)) code.set(label, code.size);
    return code.get(label)!;
  });
  const classes = code.size;
  const counts = new Int32Array(classes);
  for (const c of encoded) counts[c]++;
  if (counts.every((count) => count < k)) {
    throw new DataError(
      'data/too-few-rows',
      `${k} folds need at least ${k} rows of some class, but the largest class has ${Math.max(...counts)}; use fewer folds.`,
    );
  }
  // allocation[j][c]: rows of class c in fold j = bincount(sorted labels [j::k]).
  const sorted = Int32Array.from(encoded).sort();
  const allocation = Array.from({ length: k }, () => new Int32Array(classes));
  sorted.forEach((c, i) => allocation[i % k][c]++);
  const random = new Random(options.seed ?? 42);
  const testFold = new Int32Array(labels.length);
  for (let c = 0; c < classes; c++) {
    const folds: number[] = [];
    for (let j = 0; j < k; j++) for (let n = 0; n < allocation[j][c]; n++) folds.push(j);
    const order = Int32Array.from(folds);
    if (options.shuffle === true) random.shuffle(order);
    let next = 0;
    for (let row = 0; row < encoded.length; row++) if (encoded[row] === c) testFold[row] = order[next++];
  }
  return foldsFromAssignment(testFold, k);
}

/** k must be a whole number from 2 up to the number of rows. */
export function checkFolds(k: number, rows: number): void {
  if (!Number.isInteger(k) || k < 2) {
    throw new ConfigError('config/folds', `folds must be a whole number of 2 or more, e.g. 5, but is ${k}.`);
  }
  if (k > rows) throw new DataError('data/too-few-rows', `${k} folds need at least ${k} rows, but there are ${rows}; use fewer folds.`);
}
