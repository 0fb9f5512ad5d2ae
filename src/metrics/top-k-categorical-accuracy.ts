import { DataError, ShapeError } from '../errors.js';
import { argmaxRow } from './accuracy.js';
import type { Direction, Metric, MetricBatch, MetricConfig } from './metric.js';
import { checkName, checkPositiveInteger } from './options.js';

export interface TopKOptions {
  /** How many of the highest scores count as a hit (default 5, as Keras). */
  readonly k?: number;
  readonly name?: string;
}

/**
 * Fraction of rows (weighted) whose true class is among the k highest scores. Labels are
 * one-hot (categorical) or class indices (sparse). A class tied with the k-th score counts as
 * in the top k (TensorFlow's in_top_k rule).
 */
export class TopKCategoricalAccuracy implements Metric {
  readonly name: string;
  readonly direction: Direction = 'up';
  readonly k: number;
  readonly sparse: boolean;
  private hits = 0;
  private total = 0;

  constructor(options: TopKOptions = {}, sparse = false) {
    const className = sparse ? 'SparseTopKCategoricalAccuracy' : 'TopKCategoricalAccuracy';
    this.sparse = sparse;
    this.k = checkPositiveInteger(className, 'k', options.k, 5);
    this.name = checkName(className, options.name, sparse ? 'sparse_top_k_categorical_accuracy' : 'top_k_categorical_accuracy');
  }

  update(batch: MetricBatch): void {
    const { yTrue, yPred, rows, labelCols, predCols, sampleWeight } = batch;
    const expected = this.sparse ? 1 : predCols;
    if (labelCols !== expected) {
      throw new ShapeError(
        'shape/metric-columns',
        `${this.name}: labels have ${labelCols} columns but ${this.sparse ? 'sparse labels need 1 (the class index)' : `one-hot labels need ${predCols}`}; ` +
          `use ${this.sparse ? 'topKCategoricalAccuracy for one-hot labels' : 'sparseTopKCategoricalAccuracy for class indices'}.`,
      );
    }
    for (let i = 0; i < rows; i++) {
      const w = sampleWeight ? sampleWeight[i] : 1;
      const label = this.sparse ? Math.round(yTrue[i]) : argmaxRow(yTrue, i * labelCols, labelCols);
      if (label < 0 || label >= predCols) {
        throw new DataError('data/class-out-of-range', `${this.name}: row ${i} has class ${label} but the model has ${predCols} outputs.`, {
          row: i,
        });
      }
      const target = yPred[i * predCols + label];
      let above = 0;
      for (let j = 0; j < predCols; j++) if (yPred[i * predCols + j] > target) above++;
      if (above < this.k) this.hits += w;
      this.total += w;
    }
  }

  result(): number {
    return this.total === 0 ? 0 : this.hits / this.total;
  }

  reset(): void {
    this.hits = 0;
    this.total = 0;
  }

  getConfig(): MetricConfig {
    return { className: this.sparse ? 'SparseTopKCategoricalAccuracy' : 'TopKCategoricalAccuracy', config: { name: this.name, k: this.k } };
  }
}
