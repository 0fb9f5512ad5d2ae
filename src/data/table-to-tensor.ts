import { DataError } from '../errors.js';
import { Tensor } from '../tensor/tensor.js';
import type { Table } from './table.js';

/**
 * A table of numeric and boolean columns as a feature matrix (rows, columns), like pandas'
 * `df.to_numpy()`. Categorical columns and missing values need the Preprocessor instead.
 */
export function tableToTensor(table: Table): Tensor {
  const { rows } = table;
  const cols = table.columns.length;
  const out = new Float32Array(rows * cols);
  table.columns.forEach((column, j) => {
    if (column.kind === 'categorical') {
      throw new DataError(
        'data/categorical-column',
        `Column "${column.name}" is categorical, so it has no single number per row; use nn.data.Preprocessor ` +
          '(one-hot encoding) instead of tableToTensor.',
        { column: column.name },
      );
    }
    if (column.missing > 0) {
      throw new DataError(
        'data/missing-values',
        `Column "${column.name}" has ${column.missing} missing values; use nn.data.Preprocessor, which imputes them and adds an indicator column.`,
        { column: column.name },
      );
    }
    for (let i = 0; i < rows; i++) out[i * cols + j] = column.values[i];
  });
  return new Tensor(out, [rows, cols]);
}
