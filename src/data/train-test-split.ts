import { ConfigError, ShapeError, show } from '../errors.js';
import { Tensor, toLabels, toMatrix, type LabelsLike, type TensorLike } from '../tensor/tensor.js';
import { argmax } from './argmax.js';
import { splitIndices } from './split-indices.js';
import { takeRows } from './take-rows.js';

export interface TrainTestSplitOptions {
  /** The test share in (0, 1), or a number of test rows (an integer ≥ 1). Default 0.2. */
  readonly testSize?: number;
  /** Seeds a private generator; without it the split draws from the global one (nn.setSeed). */
  readonly seed?: number;
  /** Keep the class shares of y in both parts (classes of one-hot rows by argmax). Default false. */
  readonly stratify?: boolean;
  /** Shuffle before splitting (default true); false puts the last rows in the test part. */
  readonly shuffle?: boolean;
}

export interface TrainTestSplit {
  readonly xTrain: Tensor;
  readonly xTest: Tensor;
  readonly yTrain: Tensor;
  readonly yTest: Tensor;
}

/**
 * Splits features and labels into train and test rows, as scikit-learn's train_test_split:
 * x (rows, features), y (rows) or (rows, classes) → the same shapes with fewer rows.
 */
export function trainTestSplit(x: TensorLike, y: LabelsLike, options: TrainTestSplitOptions = {}): TrainTestSplit {
  const features = toMatrix(x, 'trainTestSplit x');
  const matrix = toLabels(y, 'trainTestSplit y');
  const flat = matrix.cols === 1 && !(y instanceof Tensor && y.rank === 2) && !(Array.isArray(y) && Array.isArray(y[0]));
  const labels = flat ? new Tensor(matrix.data, [matrix.rows]) : matrix;
  const n = features.rows;
  if (labels.rows !== n) {
    throw new ShapeError('shape/row-mismatch', `trainTestSplit: x has ${n} rows but y has ${labels.rows}; pass one label per row of x.`);
  }
  const testSize = options.testSize ?? 0.2;
  const isCount = Number.isInteger(testSize) && testSize >= 1;
  if (!(testSize > 0 && testSize < 1) && !(isCount && testSize < n)) {
    throw new ConfigError(
      'config/test-size',
      `trainTestSplit: testSize must be a share between 0 and 1 or a row count from 1 to ${n - 1} but is ${show(testSize)}.`,
    );
  }
  const testShare = isCount ? testSize / n : testSize;
  const classes = options.stratify ? (matrix.cols === 1 ? matrix.data : argmax(matrix)) : n;
  const [train, test] = splitIndices(classes, {
    fractions: [1 - testShare, testShare],
    seed: options.seed,
    stratify: options.stratify,
    shuffle: options.shuffle,
  });
  return { xTrain: takeRows(features, train), xTest: takeRows(features, test), yTrain: takeRows(labels, train), yTest: takeRows(labels, test) };
}
