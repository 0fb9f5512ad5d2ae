import { ConfigError, show } from '../errors.js';
import type { Direction, Metric, MetricBatch, MetricConfig } from './metric.js';
import { checkName, checkThreshold, compact } from './options.js';

const KINDS: readonly AccuracyKind[] = ['binary', 'categorical', 'sparse_categorical'];

export type AccuracyKind = 'binary' | 'categorical' | 'sparse_categorical';

/**
 * Chooses the accuracy for the string 'accuracy' as Keras 3 does, from the shapes it sees:
 * one output column is binary; a label with one column against several outputs is sparse
 * categorical; otherwise categorical (one-hot labels).
 */
export function resolveAccuracy(labelCols: number, predCols: number): AccuracyKind {
  if (predCols === 1) return 'binary';
  if (labelCols === 1) return 'sparse_categorical';
  return 'categorical';
}

/** Fraction of rows predicted correctly, weighted by sampleWeight, exact over the epoch. */
export class Accuracy implements Metric {
  readonly name: string;
  readonly direction: Direction = 'up';
  /** Fixed kind, or undefined to resolve from the first batch's shapes (the string 'accuracy'). */
  private readonly fixedKind: AccuracyKind | undefined;
  /** Explicit threshold for binary accuracy; undefined uses the model's threshold (default 0.5). */
  private readonly threshold: number | undefined;
  private correct = 0;
  private total = 0;

  constructor(options: { name?: string; kind?: AccuracyKind; threshold?: number } = {}) {
    if (options.kind !== undefined && !KINDS.includes(options.kind)) {
      throw new ConfigError('config/accuracy-kind', `Accuracy: kind must be one of ${KINDS.join(', ')} but got ${show(options.kind)}.`);
    }
    this.fixedKind = options.kind;
    this.threshold = checkThreshold('Accuracy', 'threshold', options.threshold);
    this.name = checkName('Accuracy', options.name, options.kind === undefined ? 'accuracy' : `${options.kind}_accuracy`);
  }

  update(batch: MetricBatch): void {
    const { yTrue, yPred, rows, labelCols, predCols, sampleWeight } = batch;
    const kind = this.fixedKind ?? resolveAccuracy(labelCols, predCols);
    const threshold = this.threshold ?? batch.threshold;
    for (let i = 0; i < rows; i++) {
      const w = sampleWeight ? sampleWeight[i] : 1;
      let hit: boolean;
      if (kind === 'binary') {
        // NOTE: per output column, a score strictly above the threshold is positive (Keras' rule).
        let hits = 0;
        for (let j = 0; j < predCols; j++) {
          const predicted = yPred[i * predCols + j] > threshold ? 1 : 0;
          if (predicted === (yTrue[i * labelCols + j] > 0.5 ? 1 : 0)) hits++;
        }
        this.correct += (w * hits) / predCols;
        this.total += w;
        continue;
      }
      const predicted = argmaxRow(yPred, i * predCols, predCols);
      const actual = kind === 'sparse_categorical' ? Math.round(yTrue[i * labelCols]) : argmaxRow(yTrue, i * labelCols, labelCols);
      hit = predicted === actual;
      if (hit) this.correct += w;
      this.total += w;
    }
  }

  result(): number {
    return this.total === 0 ? 0 : this.correct / this.total;
  }

  reset(): void {
    this.correct = 0;
    this.total = 0;
  }

  getConfig(): MetricConfig {
    return { className: 'Accuracy', config: compact({ name: this.name, kind: this.fixedKind, threshold: this.threshold }) };
  }
}

/** Index of the largest value in `data[offset .. offset + n)`; the first one on ties. */
export function argmaxRow(data: ArrayLike<number>, offset: number, n: number): number {
  let best = 0;
  let bestValue = data[offset];
  for (let j = 1; j < n; j++) {
    if (data[offset + j] > bestValue) {
      bestValue = data[offset + j];
      best = j;
    }
  }
  return best;
}
