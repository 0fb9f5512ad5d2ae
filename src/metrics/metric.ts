/**
 * The streaming metric interface: `update` once per batch, `result` over everything seen since
 * `reset`. Metrics accumulate sums or confusion counts and divide only in `result()`, so a
 * result over an epoch is exact, never an average of per-batch values.
 */
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
}
