import type { Loss } from '../losses/loss.js';
import { argmaxRow } from '../metrics/accuracy.js';
import type { Tensor } from '../tensor/tensor.js';

/** One class index per row and how many rows each class has. */
export interface LabelClasses {
  readonly classes: Int32Array;
  readonly counts: readonly number[];
}

function isOneHot(y: Tensor): boolean {
  const { data, cols } = y;
  for (let i = 0; i < y.rows; i++) {
    let ones = 0;
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j];
      if (v === 1) ones++;
      else if (v !== 0) return false;
    }
    if (ones !== 1) return false;
  }
  return true;
}

/**
 * The class of each row when the labels name one class per row: 0/1 (or hinge's -1/1) in one
 * column, class indices for a sparse loss, one-hot rows. Undefined for regression targets, soft
 * labels and multi-label rows, where class-balance checks do not apply.
 */
export function labelClasses(loss: Loss, y: Tensor): LabelClasses | undefined {
  const rows = y.rows;
  const classes = new Int32Array(rows);
  let classCount: number;
  if (y.cols === 1) {
    const values = y.data;
    if (loss.name === 'sparse_categorical_crossentropy') {
      let top = 0;
      for (let i = 0; i < rows; i++) {
        if (!Number.isInteger(values[i]) || values[i] < 0) return undefined;
        classes[i] = values[i];
        top = Math.max(top, values[i]);
      }
      classCount = top + 1;
    } else {
      const hinge = loss.name === 'hinge';
      for (let i = 0; i < rows; i++) {
        const v = values[i];
        if (v === 1) classes[i] = 1;
        else if (v === 0 || (hinge && v === -1)) classes[i] = 0;
        else return undefined;
      }
      classCount = 2;
    }
  } else {
    if (!isOneHot(y) && loss.name !== 'categorical_crossentropy') return undefined;
    for (let i = 0; i < rows; i++) classes[i] = argmaxRow(y.data, i * y.cols, y.cols);
    classCount = y.cols;
  }
  const counts = new Array<number>(classCount).fill(0);
  for (let i = 0; i < rows; i++) counts[classes[i]]++;
  return { classes, counts };
}

/** Class shares (count / rows) and the majority class. */
export function classShares(counts: readonly number[]): { shares: number[]; majority: number; present: number } {
  const total = counts.reduce((a, b) => a + b, 0);
  const shares = counts.map((c) => (total === 0 ? 0 : c / total));
  let majority = 0;
  for (let c = 1; c < counts.length; c++) if (counts[c] > counts[majority]) majority = c;
  return { shares, majority, present: counts.filter((c) => c > 0).length };
}
