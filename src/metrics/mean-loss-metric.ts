import { ConfigError, ShapeError, show } from '../errors.js';
import type { Direction, Metric, MetricBatch, MetricConfig } from './metric.js';
import { checkBoolean, checkName, compact } from './options.js';
import { binaryCrossentropyRow, categoricalCrossentropyRow, meanSquaredErrorRow, type RowLossInput } from './row-losses.js';

export type LossMetricKind = 'binary_crossentropy' | 'categorical_crossentropy' | 'sparse_categorical_crossentropy' | 'mean_squared_error';

const CLASS_NAMES: Record<LossMetricKind, string> = {
  binary_crossentropy: 'BinaryCrossentropy',
  categorical_crossentropy: 'CategoricalCrossentropy',
  sparse_categorical_crossentropy: 'SparseCategoricalCrossentropy',
  mean_squared_error: 'MeanSquaredError',
};

export interface LossMetricOptions {
  /** The outputs are logits (sigmoid / softmax not applied). Not for mean_squared_error. */
  readonly fromLogits?: boolean;
  /** Smooth the labels towards uniform by this amount in [0, 1). Cross-entropies only. */
  readonly labelSmoothing?: number;
  readonly name?: string;
}

/**
 * A loss as a metric: the weighted mean sum(w · loss_row) / sum(w) over the epoch (Keras'
 * MeanMetricWrapper), lower is better. 0 before any weight has been seen.
 */
export class MeanLossMetric implements Metric {
  readonly name: string;
  readonly direction: Direction = 'down';
  readonly kind: LossMetricKind;
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;
  private sum = 0;
  private total = 0;

  constructor(kind: LossMetricKind, options: LossMetricOptions = {}) {
    const owner = CLASS_NAMES[kind];
    this.kind = kind;
    this.name = checkName(owner, options.name, kind);
    this.fromLogits = checkBoolean(owner, 'fromLogits', options.fromLogits, false);
    const smoothing = options.labelSmoothing ?? 0;
    if (typeof smoothing !== 'number' || !(smoothing >= 0 && smoothing < 1)) {
      throw new ConfigError('config/label-smoothing', `${owner}: labelSmoothing must be in [0, 1) but got ${show(smoothing)}.`);
    }
    if (kind === 'mean_squared_error' && (this.fromLogits || smoothing !== 0)) {
      throw new ConfigError('config/mse-options', `${owner}: fromLogits and labelSmoothing apply to cross-entropies only.`);
    }
    this.labelSmoothing = smoothing;
  }

  update(batch: MetricBatch): void {
    const sparse = this.kind === 'sparse_categorical_crossentropy';
    const expected = sparse ? 1 : batch.predCols;
    if (batch.labelCols !== expected) {
      throw new ShapeError(
        'shape/metric-columns',
        `${this.name}: labels have ${batch.labelCols} columns but ${expected} are needed` +
          (sparse ? ' (one class index per row).' : ' (one per output; use sparse_categorical_crossentropy for class indices).'),
      );
    }
    const input: RowLossInput = { ...batch, fromLogits: this.fromLogits, labelSmoothing: this.labelSmoothing };
    for (let i = 0; i < batch.rows; i++) {
      const w = batch.sampleWeight ? batch.sampleWeight[i] : 1;
      let loss: number;
      if (this.kind === 'binary_crossentropy') loss = binaryCrossentropyRow(input, i);
      else if (this.kind === 'mean_squared_error') loss = meanSquaredErrorRow(input, i);
      else loss = categoricalCrossentropyRow(input, i, sparse);
      this.sum += w * loss;
      this.total += w;
    }
  }

  result(): number {
    return this.total === 0 ? 0 : this.sum / this.total;
  }

  reset(): void {
    this.sum = 0;
    this.total = 0;
  }

  getConfig(): MetricConfig {
    const crossentropy = this.kind !== 'mean_squared_error';
    return {
      className: CLASS_NAMES[this.kind],
      config: compact({
        name: this.name,
        fromLogits: crossentropy ? this.fromLogits : undefined,
        labelSmoothing: crossentropy ? this.labelSmoothing : undefined,
      }),
    };
  }
}
