import { ShapeError } from '../errors.js';
import type { MetricBatch } from './metric.js';

type Rows = readonly number[] | readonly (readonly number[])[];

function flatten(values: Rows, what: string): { data: Float32Array; rows: number; cols: number } {
  if (values.length > 0 && Array.isArray(values[0])) {
    const rows = values as readonly (readonly number[])[];
    const cols = rows[0].length;
    const data = new Float32Array(rows.length * cols);
    rows.forEach((row, i) => {
      if (row.length !== cols) throw new ShapeError('shape/ragged', `batchOf: ${what} row ${i} has ${row.length} values, row 0 has ${cols}.`);
      data.set(row, i * cols);
    });
    return { data, rows: rows.length, cols };
  }
  const flat = values as readonly number[];
  return { data: Float32Array.from(flat), rows: flat.length, cols: 1 };
}

/**
 * A MetricBatch from plain arrays, for updating a metric by hand (Keras' update_state):
 * `metric.update(batchOf([0, 1, 1], [0.2, 0.7, 0.4]))`. A flat list is one column.
 */
export function batchOf(
  yTrue: Rows,
  yPred: Rows,
  options: { sampleWeight?: readonly number[]; threshold?: number } = {},
): MetricBatch {
  const labels = flatten(yTrue, 'yTrue');
  const predictions = flatten(yPred, 'yPred');
  if (labels.rows !== predictions.rows) {
    throw new ShapeError('shape/length-mismatch', `batchOf: yTrue has ${labels.rows} rows but yPred has ${predictions.rows}.`);
  }
  if (options.sampleWeight && options.sampleWeight.length !== labels.rows) {
    throw new ShapeError('shape/length-mismatch', `batchOf: sampleWeight has ${options.sampleWeight.length} entries for ${labels.rows} rows.`);
  }
  return {
    yTrue: labels.data,
    yPred: predictions.data,
    rows: labels.rows,
    labelCols: labels.cols,
    predCols: predictions.cols,
    sampleWeight: options.sampleWeight ? Float32Array.from(options.sampleWeight) : undefined,
    threshold: options.threshold ?? 0.5,
  };
}
