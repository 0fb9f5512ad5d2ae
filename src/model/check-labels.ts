import { DataError, ShapeError } from '../errors.js';
import type { Loss } from '../losses/loss.js';
import type { Tensor } from '../tensor/tensor.js';

/** Up to `limit` offending (row, value) pairs, formatted for a message. */
function listOffenders(y: Tensor, bad: (v: number) => boolean, limit = 5): { count: number; text: string } {
  const found: string[] = [];
  let count = 0;
  for (let i = 0; i < y.data.length; i++) {
    if (!bad(y.data[i])) continue;
    count++;
    if (found.length < limit) found.push(`row ${Math.floor(i / y.cols)}: ${y.data[i]}`);
  }
  return { count, text: found.join(', ') + (count > limit ? `, … (${count} in all)` : '') };
}

/**
 * Checks that labels fit the loss and the model's output before training or evaluation, so a
 * mismatch is an error that names the fix instead of a model that silently learns nothing.
 */
export function checkLabels(loss: Loss, predCols: number, x: Tensor, y: Tensor, what: string): void {
  if (y.rows !== x.rows) {
    throw new ShapeError(
      'shape/row-mismatch',
      `${what}: x has ${x.rows} rows but y has ${y.rows}; each row of x needs exactly one label.`,
    );
  }
  const expectedCols = loss.labelColumns(predCols);
  if (loss.name === 'sparse_categorical_crossentropy') {
    if (y.cols !== 1) {
      throw new ShapeError(
        'shape/sparse-labels',
        `${what}: sparse_categorical_crossentropy expects one integer class index per row but the labels have ` +
          `${y.cols} columns (one-hot?). Use categorical_crossentropy for one-hot labels, or pass the class indices.`,
      );
    }
    const { count, text } = listOffenders(y, (v) => !Number.isInteger(v) || v < 0 || v >= predCols);
    if (count > 0) {
      throw new DataError(
        'data/label-range',
        `${what}: sparse_categorical_crossentropy needs integer labels in 0..${predCols - 1} (the model has ${predCols} outputs) ` +
          `but found ${text}. Re-code the labels as 0..${predCols - 1} or give the last layer more units.`,
      );
    }
    return;
  }
  if (y.cols !== expectedCols) {
    const fix = loss.name === 'categorical_crossentropy' && y.cols === 1
      ? `Convert integer labels with nn.toCategorical(y, ${predCols}), or use sparse_categorical_crossentropy.`
      : `Give the last layer ${y.cols} units, or pass labels with ${expectedCols} column(s).`;
    throw new ShapeError(
      'shape/label-columns',
      `${what}: ${loss.name} with a ${predCols}-unit output expects labels with ${expectedCols} column(s) but got ${y.cols}. ${fix}`,
    );
  }
  if (loss.name === 'binary_crossentropy' || loss.name === 'binary_focal_crossentropy' || loss.name === 'categorical_crossentropy') {
    const { count, text } = listOffenders(y, (v) => v < 0 || v > 1);
    if (count > 0) {
      throw new DataError(
        'data/label-range',
        `${what}: ${loss.name} needs labels between 0 and 1 but found ${text}. ` +
          (loss.name === 'categorical_crossentropy'
            ? 'Pass one-hot rows (nn.toCategorical).'
            : 'Map the classes to 0 (negative) and 1 (positive); for more than two classes use a softmax output with sparse_categorical_crossentropy.'),
      );
    }
  }
}
