import type { Tensor } from '../tensor/tensor.js';
import { scanNumeric, sortScratch, type ColumnScan, type NumericValues, type ScannedRows } from './column-scan.js';
import { scanCategorical } from './scan-categorical.js';

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
  /**
   * How the caller makes a rare class count more, a sentence for the stuck-one-class fix, e.g.
   * 'Train with --class-weight balanced so the rare class counts as much as the common one.'
   */
  readonly rareClassAdvice?: string;
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
 * Training rows a numeric column is first scanned on when there are many (every k-th row), and
 * the separation under which that sample settles it. NOTE: the exact scan sorts every row (about
 * 4 ms per column of 100,000 rows, most of an epoch for 32 columns); most columns are plainly
 * neither a leak nor an identifier, and a sample of 8,192 rows shows it: a repeated or fractional
 * value rules out an identifier for certain, and a separation below 0.98 on the sample (its
 * standard error near 0.99 is about 0.002) rules out the 0.999 of a leak. Every other column,
 * and every column of a smaller table, gets the exact scan of all training rows.
 */
const SAMPLE_ROWS = 8192;
const CLEARLY_BELOW = 0.98;

/**
 * Scans every column over the training rows (`classes`: each training row's class, 0..count−1;
 * a single class 0 when the labels are not classes, which leaves separation undefined).
 */
export function scanInputColumns(input: InputColumns, classes: Int32Array, classCount: number): ScannedColumn[] {
  const rows = input.rows;
  let full: ScannedRows | undefined;
  const all = () => (full ??= { rows, classes, classCount, byPosition: byPosition(rows), scratch: sortScratch(rows.length) });
  const sample = rows.length >= 2 * SAMPLE_ROWS ? sampleOf(rows, classes, classCount) : undefined;
  return input.columns.map((column) => {
    if (column.kind === 'categorical') return { column, scan: scanCategorical(column.codes, column.categories, all()) };
    if (sample !== undefined) {
      const quick = scanNumeric(column, sample);
      const repeats = quick.distinct < quick.rows - quick.missing || !quick.integers;
      const plain = classCount < 2 || (quick.separation !== undefined && quick.separation.value < CLEARLY_BELOW);
      if (repeats && plain) return { column, scan: quick };
    }
    return { column, scan: scanNumeric(column, all()) };
  });
}

/** Every k-th training row, about SAMPLE_ROWS of them, as rows to scan. */
function sampleOf(rows: Int32Array, classes: Int32Array, classCount: number): ScannedRows {
  const step = Math.floor(rows.length / SAMPLE_ROWS);
  const picked = Int32Array.from({ length: Math.floor(rows.length / step) }, (_, i) => i * step);
  const sampled = Int32Array.from(picked, (i) => rows[i]);
  return {
    rows: sampled,
    classes: Int32Array.from(picked, (i) => classes[i]),
    classCount,
    byPosition: byPosition(sampled),
    scratch: sortScratch(sampled.length),
  };
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
