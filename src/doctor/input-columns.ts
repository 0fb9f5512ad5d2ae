import type { Tensor } from '../tensor/tensor.js';
import { scanCategorical, scanNumeric, type ColumnScan, type NumericValues, type ScannedRows } from './column-scan.js';

/** One input column as the doctor's column checks read it, one value per position. */
export type InputColumn =
  | ({ readonly name: string; readonly kind: 'numeric' } & NumericValues)
  | { readonly name: string; readonly kind: 'categorical'; readonly codes: Int32Array; readonly categories: number };

/**
 * The columns the model's inputs were made from, for the checks of fit that judge columns (target
 * leakage, identifiers). Without them fit reads each input feature as a numeric column. A
 * pipeline that builds x from a table (the classifier's preprocessing) describes the table's own
 * columns instead, so the doctor sees raw values in file order and names the original column
 * ("plan", not "plan=basic").
 */
export interface InputColumns {
  /** Training row i (row i of fit's x) is at position rows[i] of every column (file order). */
  readonly rows: Int32Array;
  readonly columns: readonly InputColumn[];
  /** False when the names are made up (`column 3`): messages then leave them unquoted. */
  readonly named?: boolean;
  /** The class names, in class-index order, for messages. */
  readonly classNames?: readonly string[];
  /** How the caller leaves a column out, e.g. `--ignore id`; default: drop it from the features. */
  readonly ignoreAdvice?: (column: string) => string;
}

/** Each input feature of x (rows, cols) as a numeric column, named by `names` or `column j`. */
export function tensorInputColumns(x: Tensor, names: readonly string[] | undefined): InputColumns {
  const { rows, cols, data } = x;
  const columns: InputColumn[] = Array.from({ length: cols }, (_, j) =>
    ({ name: names?.[j] ?? `column ${j}`, kind: 'numeric', values: data, offset: j, stride: cols }));
  return { rows: Int32Array.from({ length: rows }, (_, i) => i), columns, named: names !== undefined };
}

/** One column's scan, beside the column. */
export interface ScannedColumn {
  readonly column: InputColumn;
  readonly scan: ColumnScan;
}

/**
 * Scans every column over the training rows (`classes`: each training row's class, 0..count−1;
 * a single class 0 when the labels are not classes, which leaves separation undefined).
 */
export function scanInputColumns(input: InputColumns, classes: Int32Array, classCount: number): ScannedColumn[] {
  const rows = input.rows;
  const data: ScannedRows = { rows, classes, classCount, byPosition: byPosition(rows) };
  return input.columns.map((column) => ({
    column,
    scan: column.kind === 'numeric' ? scanNumeric(column, data) : scanCategorical(column.codes, column.categories, data),
  }));
}

/** The training row indices in position order (rows holds distinct positions). */
function byPosition(rows: Int32Array): Int32Array {
  let last = -1;
  for (let i = 0; i < rows.length; i++) last = Math.max(last, rows[i]);
  const at = new Int32Array(last + 1).fill(-1);
  for (let i = 0; i < rows.length; i++) at[rows[i]] = i;
  const order = new Int32Array(rows.length);
  let filled = 0;
  for (let p = 0; p <= last; p++) if (at[p] >= 0) order[filled++] = at[p];
  return order.subarray(0, filled);
}
