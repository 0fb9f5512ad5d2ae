// Small seeded datasets for model-level tests.
import { Random } from '../../src/random/random.js';

/** Feature rows and one label per row. */
export interface ToyData {
  readonly x: number[][];
  readonly y: number[];
}

/** `rows` rows of `features` seeded values in [−1, 1), each labelled by `label`. */
function labelledRows(
  rows: number, features: number, seed: number, label: (row: number[]) => number,
): ToyData {
  const random = new Random(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < rows; i++) {
    const row = Array.from({ length: features }, () => Math.fround(random.uniform() * 2 - 1));
    x.push(row);
    y.push(label(row));
  }
  return { x, y };
}

/** Rows with label 1 when the first two features sum above 0. */
export function binaryData(rows: number, features: number, seed: number): ToyData {
  return labelledRows(rows, features, seed, (row) => (row[0] + row[1] > 0 ? 1 : 0));
}

/** Rows with a class 0..classes−1 chosen by the largest of the first `classes` features. */
export function multiclassData(
  rows: number, features: number, classes: number, seed: number,
): ToyData {
  return labelledRows(rows, features, seed, (row) => {
    let best = 0;
    for (let c = 1; c < classes; c++) if (row[c] > row[best]) best = c;
    return best;
  });
}

export function oneHot(labels: readonly number[], classes: number): number[][] {
  return labels.map((label) => Array.from({ length: classes }, (_, c) => (c === label ? 1 : 0)));
}

/** Binary cross-entropy of one row as Keras computes it (p clipped to [1e-7, 1 − 1e-7]). */
export function bce(p: number, y: number): number {
  const q = Math.min(1 - 1e-7, Math.max(1e-7, p));
  return -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
}
