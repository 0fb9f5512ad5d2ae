import { ShapeError } from '../errors.js';
import type { MetricBatch } from './metric.js';

/** Receives one (label, score, weight) decision; label is true for the positive class. */
export type PairVisitor = (positive: boolean, score: number, weight: number) => void;

/**
 * Turns a batch into binary (label, score) pairs, the way Keras' confusion metrics see it:
 * - with `classId`: column classId of the predictions against that class's label (one-hot
 *   column, or sparse label == classId);
 * - without: every element, flattened (one sigmoid unit, or multi-label outputs); sparse class
 *   labels against several outputs are one-hot encoded first.
 * A label counts as positive when it is > 0.5.
 */
export function forEachBinaryPair(batch: MetricBatch, classId: number | undefined, owner: string, visit: PairVisitor): void {
  const { yTrue, yPred, rows, labelCols, predCols, sampleWeight } = batch;
  const sparse = labelCols === 1 && predCols > 1;
  if (!sparse && labelCols !== predCols) {
    throw new ShapeError(
      'shape/metric-columns',
      `${owner}: labels have ${labelCols} columns but predictions have ${predCols}; pass one-hot labels ` +
        'with one column per output, or one column of class indices.',
    );
  }
  if (classId !== undefined && classId >= predCols) {
    throw new ShapeError(
      'shape/class-id',
      `${owner}: classId ${classId} needs at least ${classId + 1} outputs but the model has ${predCols}; ` +
        'pick a class index below the number of outputs.',
    );
  }
  const first = classId ?? 0;
  const last = classId ?? predCols - 1;
  for (let i = 0; i < rows; i++) {
    const w = sampleWeight ? sampleWeight[i] : 1;
    const sparseLabel = sparse ? Math.round(yTrue[i]) : -1;
    for (let j = first; j <= last; j++) {
      const positive = sparse ? sparseLabel === j : yTrue[i * labelCols + j] > 0.5;
      visit(positive, yPred[i * predCols + j], w);
    }
  }
}
