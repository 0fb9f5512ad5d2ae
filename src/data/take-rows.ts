import { ShapeError } from '../errors.js';
import { Tensor } from '../tensor/tensor.js';

/** Gathers rows by index: x (rows, ...) and indices (k) → (k, ...), a copy. */
export function takeRows(x: Tensor, indices: ArrayLike<number>): Tensor {
  const rows = x.rows;
  const cols = x.rank === 0 ? 1 : x.cols;
  const out = new Float32Array(indices.length * cols);
  for (let i = 0; i < indices.length; i++) {
    const row = indices[i];
    if (!Number.isInteger(row) || row < 0 || row >= rows) {
      throw new ShapeError('shape/row-index', `takeRows: index ${i} is ${row}, outside the ${rows} rows (0..${rows - 1}).`);
    }
    out.set(x.data.subarray(row * cols, (row + 1) * cols), i * cols);
  }
  return new Tensor(out, [indices.length, ...x.shape.slice(1)]);
}
