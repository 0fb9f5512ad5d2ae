import type { ActivationName } from '../activations/activations.js';

/**
 * A loss as the training loop uses it. `forward` gives one loss per row; the model reduces
 * them as Keras' 'sum_over_batch_size' does: Σ weight·loss / rows.
 * Shapes: yPred (rows, cols), yTrue (rows, labelCols), per-row out (rows), grad (rows, cols).
 */
export type LossName =
  | 'binary_crossentropy' | 'binary_focal_crossentropy' | 'categorical_crossentropy'
  | 'sparse_categorical_crossentropy' | 'mean_squared_error' | 'mean_absolute_error' | 'hinge';

export interface LossConfig {
  readonly className: LossName;
  readonly config: {
    readonly fromLogits?: boolean;
    readonly labelSmoothing?: number;
    readonly gamma?: number;
    readonly alpha?: number;
    readonly applyClassBalancing?: boolean;
  };
}

export interface Loss {
  readonly name: LossName;
  readonly fromLogits: boolean;
  /** yPred (rows, cols), yTrue (rows, labelCols) → out (rows): each row's loss */
  forward(yPred: Float32Array, yTrue: Float32Array, rows: number, cols: number, labelCols: number, out: Float64Array): void;
  /** → grad (rows, cols): ∂ loss_row / ∂ yPred, unreduced */
  backward(yPred: Float32Array, yTrue: Float32Array, rows: number, cols: number, labelCols: number, grad: Float32Array): void;
  /**
   * When the model's output activation is `activation`, writes ∂ loss_row / ∂ z (the input of
   * that activation, from its output yPred) and returns true; returns false when it cannot fuse.
   */
  fusedBackward?(
    activation: ActivationName, yPred: Float32Array, yTrue: Float32Array,
    rows: number, cols: number, labelCols: number, grad: Float32Array,
  ): boolean;
  /** The label columns this loss needs for `predCols` outputs (sparse losses: 1). */
  labelColumns(predCols: number): number;
  getConfig(): LossConfig;
}

/** Keras' fuzz factor: probabilities are clipped to [EPSILON, 1 − EPSILON] before the log. */
export const EPSILON = 1e-7;

export function clip(p: number): number {
  return p < EPSILON ? EPSILON : p > 1 - EPSILON ? 1 - EPSILON : p;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** log Σ_j exp(z_j) over one row z[offset .. offset + cols), stable for large logits. */
export function logSumExp(z: Float32Array, offset: number, cols: number): number {
  let max = -Infinity;
  for (let j = 0; j < cols; j++) max = Math.max(max, z[offset + j]);
  let sum = 0;
  for (let j = 0; j < cols; j++) sum += Math.exp(z[offset + j] - max);
  return max + Math.log(sum);
}
