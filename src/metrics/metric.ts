/**
 * The streaming metric interface: `update` once per batch, `result` over everything seen since
 * `reset`. Metrics accumulate sums or confusion counts and divide only in `result()`, so a
 * result over an epoch is exact, never an average of per-batch values.
 */
import type { MetricWarning } from './evaluation/metric-warning.js';

export type Direction = 'up' | 'down';

/** One batch as a metric sees it. Arrays are row-major float32. */
export interface MetricBatch {
  /** Labels (rows, labelCols): 0/1, one-hot rows, or one column of class indices. */
  readonly yTrue: Float32Array;
  /** Model outputs (rows, predCols): probabilities (or logits for a fromLogits model). */
  readonly yPred: Float32Array;
  readonly rows: number;
  readonly labelCols: number;
  readonly predCols: number;
  /** Per-row weights (rows); absent means every row weighs 1. */
  readonly sampleWeight?: Float32Array;
  /** The model's decision threshold, for thresholded metrics that were not given their own. */
  readonly threshold: number;
}

/** A metric's serializable form: its registered class name and its options. */
export interface MetricConfig {
  readonly className: string;
  readonly config: Readonly<Record<string, unknown>>;
}

export interface Metric {
  /** The key in logs and History (`accuracy`, `precision`, ...); `val_` is prefixed for validation. */
  readonly name: string;
  /** Whether a larger value is better (`up`) or worse (`down`); callbacks read this for mode 'auto'. */
  readonly direction: Direction;
  update(batch: MetricBatch): void;
  result(): number;
  reset(): void;
  getConfig(): MetricConfig;
  /**
   * Conventions behind the current result, if any: e.g. precision with nothing predicted
   * positive is 0, AUC with one class is 0. Empty or absent when the result is a plain measurement.
   */
  warnings?(): readonly MetricWarning[];
  /** One value per class, for metrics computed per class (f1Score with average 'none'). */
  perClass?(): readonly number[];
}
