import { ShapeError, show } from '../errors.js';
import { Tensor, type LabelsLike } from '../tensor/tensor.js';

/**
 * Flattens labels given as a list, a typed array, one-column rows or a (rows) / (rows, 1) Tensor
 * into one number per row. Rows of several columns (one-hot) are refused: `what` names the caller.
 */
export function labelValues(labels: LabelsLike, what: string): ArrayLike<number> {
  if (labels instanceof Tensor) {
    if (labels.rank <= 1 || labels.cols === 1) return labels.data;
    throw new ShapeError(
      'shape/labels-not-flat',
      `${what} expects one label per row but got a tensor of shape [${labels.shape.join(', ')}]; ` +
        'pass class indices (for one-hot rows, take nn.argmax first).',
    );
  }
  if (ArrayBuffer.isView(labels)) return labels;
  if (!Array.isArray(labels)) {
    throw new ShapeError('shape/not-labels', `${what} expects number[], a typed array or a Tensor but got ${show(labels)}.`);
  }
  if (labels.length > 0 && Array.isArray(labels[0])) {
    return (labels as readonly (readonly number[])[]).map((row, i) => {
      if (!Array.isArray(row) || row.length !== 1) {
        throw new ShapeError(
          'shape/labels-not-flat',
          `${what} expects one label per row but row ${i} is ${show(row)}; pass class indices (for one-hot rows, take nn.argmax first).`,
        );
      }
      return row[0];
    });
  }
  return labels as readonly number[];
}
