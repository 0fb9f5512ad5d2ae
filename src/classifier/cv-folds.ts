import type { Fold } from '../data/fold.js';
import { groupKFold } from '../data/group-k-fold.js';
import { splitIndices } from '../data/split-indices.js';
import { stratifiedKFold } from '../data/stratified-k-fold.js';
import { getColumn, type Column } from '../data/table.js';
import { timeSeriesSplit } from '../data/time-series-split.js';
import { DataError } from '../errors.js';
import type { RowSplit } from './split-rows.js';
import type { TrainingTable } from './training-plan.js';

/** How cross-validation forms its folds. */
export type CvMethod = 'stratified' | 'group' | 'time';

export interface CvFoldOptions {
  readonly folds: number;
  /** Rows of one group (this column's value) are never split between folds. */
  readonly group?: string;
  /** Time-ordered folds: by this column's values, or `true` for the table's row order. */
  readonly time?: string | true;
  readonly shuffle: boolean;
  readonly seed: number;
  readonly validationSplit: number;
}

/**
 * The folds of a table and, per fold, the rows to train, validate (early stopping, threshold)
 * and test on. The validation rows come from the fold's training rows only: a stratified seeded
 * share of them, or for time-ordered folds the latest share, so validation never looks ahead.
 */
export function cvSplits(table: TrainingTable, options: CvFoldOptions): { method: CvMethod; splits: RowSplit[] } {
  const labels = table.target!.labels;
  let method: CvMethod = 'stratified';
  let folds: Fold[];
  if (options.group !== undefined) {
    method = 'group';
    folds = groupKFold(columnValues(getColumn(table.features, options.group)), options.folds, options);
  } else if (options.time !== undefined) {
    method = 'time';
    const order = options.time === true ? Int32Array.from(labels, (_, row) => row) : timeOrder(getColumn(table.features, options.time));
    folds = timeSeriesSplit(order.length, options.folds).map((fold) => ({
      train: Int32Array.from(fold.train, (i) => order[i]),
      test: Int32Array.from(fold.test, (i) => order[i]),
    }));
  } else {
    folds = stratifiedKFold(labels, options.folds, options);
  }
  const splits = folds.map((fold) => {
    if (method === 'time') {
      const cut = fold.train.length - Math.max(1, Math.round(fold.train.length * options.validationSplit));
      return { train: fold.train.slice(0, cut), validation: fold.train.slice(cut), test: fold.test };
    }
    const [train, validation] = splitIndices(Int32Array.from(fold.train, (row) => labels[row]), {
      fractions: [1 - options.validationSplit, options.validationSplit],
      seed: options.seed,
      stratify: true,
    });
    return { train: Int32Array.from(train, (i) => fold.train[i]), validation: Int32Array.from(validation, (i) => fold.train[i]), test: fold.test };
  });
  splits.forEach((split, j) => requireEveryClass(table, split.train, j, method));
  return { method, splits };
}

/** A fold whose training rows lack a class cannot learn it: an error naming the fold. */
function requireEveryClass(table: TrainingTable, rows: Int32Array, fold: number, method: CvMethod): void {
  const target = table.target!;
  const seen = new Set(Array.from(rows, (row) => target.labels[row]));
  const absent = target.classes.filter((_, k) => !seen.has(k));
  if (absent.length === 0) return;
  throw new DataError(
    'data/split-missing-class',
    `${table.file ?? 'The data'}: the ${rows.length} training rows of ${method} fold ${fold + 1} hold no row of class ${absent.map((name) => JSON.stringify(name)).join(', ')}; ` +
      (method === 'time' ? 'time-ordered folds train on the earliest rows only: use fewer folds, or rows whose classes mix over time.' : 'use fewer folds or more rows of that class.'),
    { file: table.file, column: target.name },
  );
}

/** A column's value per row (numbers, or category names); a missing value is an error. */
function columnValues(column: Column): (number | string)[] {
  const values = column.kind === 'categorical' ? Array.from(column.codes, (code) => (code < 0 ? undefined : column.categories[code])) : Array.from(column.values);
  return values.map((value, row) => {
    if (value === undefined || (typeof value === 'number' && Number.isNaN(value))) {
      throw new DataError(
        'data/missing-fold-key',
        `Row ${row + 1} has no value in ${JSON.stringify(column.name)}, which forms the folds; fill it in or leave those rows out.`,
        { column: column.name, row },
      );
    }
    return value;
  });
}

/** Row indices sorted by the column's values (numbers by value, text by code unit), ties in row order. */
function timeOrder(column: Column): Int32Array {
  const values = columnValues(column);
  const rows = Array.from(values, (_, row) => row);
  rows.sort((a, b) => {
    const x = values[a];
    const y = values[b];
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
    return order || a - b;
  });
  return Int32Array.from(rows);
}
