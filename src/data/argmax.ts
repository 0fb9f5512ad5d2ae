import { DataError, ShapeError } from '../errors.js';
import { Tensor, fromRows } from '../tensor/tensor.js';

/**
 * The index of the largest value in each row: x (rows, cols) → (rows) as Int32Array. Ties go to
 * the first index, as numpy's argmax. A 1-D tensor counts as one row. NaN is an error, not a class.
 */
export function argmax(x: Tensor | readonly (readonly number[])[]): Int32Array {
  const t = x instanceof Tensor ? x : fromRows(x, 'argmax');
  if (t.rank === 0) throw new ShapeError('shape/rank', 'argmax needs a 1-D or 2-D tensor but got a scalar.');
  const rows = t.rank === 1 ? 1 : t.rows;
  const cols = t.rank === 1 ? t.size : t.cols;
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 0; c < cols; c++) {
      const value = t.data[r * cols + c];
      if (value !== value) {
        throw new DataError('data/not-finite', `argmax: row ${r}, column ${c} is NaN; there is no largest value to pick. Check the model output for NaN.`, {
          row: r,
          column: String(c),
        });
      }
      if (value > t.data[r * cols + best]) best = c;
    }
    out[r] = best;
  }
  return out;
}
