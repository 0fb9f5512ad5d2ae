// Test helpers: load a bundled dataset, split it (stratified, seeded), standardize it with the
// training statistics, one-hot its labels. Plain code over Float32Array so that the learning and
// parity tests depend on nothing but the model core.
import { readFileSync } from 'node:fs';
import { Random, Tensor, tensor } from '../../src/index.js';

/** A bundled dataset: features x (rows, cols) row-major, integer labels (rows). */
export interface Dataset {
  x: Float32Array;
  labels: Int32Array;
  rows: number;
  cols: number;
  classes: number;
}

export type DatasetName = 'breast_cancer' | 'digits' | 'iris';

/**
 * Reads data/<name>.csv: a header row, numeric features, the last column `label`
 * (the format data/README.md specifies: no quoting, no missing values).
 */
export function loadDataset(name: DatasetName): Dataset {
  const text = readFileSync(new URL(`../../data/${name}.csv`, import.meta.url), 'utf8');
  const lines = text.split('\n').filter((line) => line.length > 0);
  const cols = lines[0].split(',').length - 1;
  const rows = lines.length - 1;
  const x = new Float32Array(rows * cols);
  const labels = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const fields = lines[i + 1].split(',').map(Number);
    if (fields.length !== cols + 1 || fields.some((v) => !Number.isFinite(v))) {
      throw new Error(`data/${name}.csv line ${i + 2}: expected ${cols + 1} numbers`);
    }
    x.set(fields.slice(0, cols), i * cols);
    labels[i] = fields[cols];
  }
  return { x, labels, rows, cols, classes: Math.max(...labels) + 1 };
}

/**
 * Row indices of a stratified split: in every class, a seeded shuffle, then the first
 * round(testFraction · classCount) rows go to test and the rest to train.
 */
export function stratifiedSplit(labels: Int32Array, testFraction: number, seed: number): { train: Int32Array; test: Int32Array } {
  const random = new Random(seed);
  const train: number[] = [];
  const test: number[] = [];
  const classes = Math.max(...labels) + 1;
  for (let c = 0; c < classes; c++) {
    const members = Int32Array.from(labels.keys()).filter((i) => labels[i] === c);
    random.shuffle(members);
    const testCount = Math.round(testFraction * members.length);
    members.forEach((row, k) => (k < testCount ? test : train).push(row));
  }
  // NOTE: shuffle the merged indices too, so the training rows are not sorted by class.
  return { train: random.shuffle(Int32Array.from(train)), test: random.shuffle(Int32Array.from(test)) };
}

/** The rows `indices` of x (rows, cols) → (indices.length, cols). */
export function takeRows(x: Float32Array, cols: number, indices: Int32Array): Float32Array {
  const out = new Float32Array(indices.length * cols);
  indices.forEach((row, i) => out.set(x.subarray(row * cols, (row + 1) * cols), i * cols));
  return out;
}

/** Per-column mean and standard deviation (population, as scikit-learn's StandardScaler). */
export function columnStatistics(x: Float32Array, cols: number): { mean: Float64Array; std: Float64Array } {
  const rows = x.length / cols;
  const mean = new Float64Array(cols);
  const std = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) mean[j] += x[i * cols + j] / rows;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) std[j] += (x[i * cols + j] - mean[j]) ** 2 / rows;
  for (let j = 0; j < cols; j++) std[j] = Math.sqrt(std[j]) || 1;
  return { mean, std };
}

/** (x − mean) / std per column, into a new array. */
export function standardize(x: Float32Array, cols: number, statistics: { mean: Float64Array; std: Float64Array }): Float32Array {
  return x.map((v, k) => (v - statistics.mean[k % cols]) / statistics.std[k % cols]);
}

/** Integer labels (rows) → one-hot (rows, classes). */
export function oneHot(labels: Int32Array, classes: number): Float32Array {
  const out = new Float32Array(labels.length * classes);
  labels.forEach((c, i) => (out[i * classes + c] = 1));
  return out;
}

/** A split dataset as nnkit tensors: x (rows, cols), integer labels as a column (rows, 1). */
export interface SplitData {
  xTrain: Tensor;
  xTest: Tensor;
  yTrain: Int32Array;
  yTest: Int32Array;
  classes: number;
}

/**
 * Loads a dataset and splits it 80/20 (stratified, seeded). Features are standardized with the
 * training rows' statistics, or divided by `scale` when given (digits: pixels 0..16 → /16).
 */
export function prepareSplit(name: DatasetName, seed: number, options: { scale?: number } = {}): SplitData {
  const data = loadDataset(name);
  const { train, test } = stratifiedSplit(data.labels, 0.2, seed);
  let xTrain = takeRows(data.x, data.cols, train);
  let xTest = takeRows(data.x, data.cols, test);
  if (options.scale !== undefined) {
    const scale = options.scale;
    xTrain = xTrain.map((v) => v / scale);
    xTest = xTest.map((v) => v / scale);
  } else {
    const statistics = columnStatistics(xTrain, data.cols);
    xTrain = standardize(xTrain, data.cols, statistics);
    xTest = standardize(xTest, data.cols, statistics);
  }
  return {
    xTrain: tensor(xTrain, [train.length, data.cols]),
    xTest: tensor(xTest, [test.length, data.cols]),
    yTrain: Int32Array.from(train, (row) => data.labels[row]),
    yTest: Int32Array.from(test, (row) => data.labels[row]),
    classes: data.classes,
  };
}

/** Fraction of positions where predicted equals expected. */
export function accuracyOf(predicted: Int32Array, expected: Int32Array): number {
  let hits = 0;
  predicted.forEach((p, i) => (hits += p === expected[i] ? 1 : 0));
  return hits / expected.length;
}
