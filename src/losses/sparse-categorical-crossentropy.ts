import type { ActivationName } from '../activations/activations.js';
import { clip, EPSILON, logSumExp, type Loss, type LossConfig } from './loss.js';

export interface SparseCategoricalCrossentropyOptions {
  fromLogits?: boolean;
}

/**
 * Categorical cross-entropy with integer class labels (one column of 0..K−1): −log p_label,
 * with Keras' row normalization and clipping, or the stable log-softmax with fromLogits.
 * The model validates that labels are integers in range before training.
 */
export class SparseCategoricalCrossentropy implements Loss {
  readonly name = 'sparse_categorical_crossentropy';
  readonly fromLogits: boolean;

  constructor(options: SparseCategoricalCrossentropyOptions = {}) {
    this.fromLogits = options.fromLogits ?? false;
  }

  forward(yPred: Float32Array, yTrue: Float32Array, rows: number, cols: number, _labelCols: number, out: Float64Array): void {
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      const label = Math.round(yTrue[i]);
      if (this.fromLogits) {
        out[i] = logSumExp(yPred, o, cols) - yPred[o + label];
      } else {
        let total = 0;
        for (let j = 0; j < cols; j++) total += yPred[o + j];
        out[i] = -Math.log(clip(yPred[o + label] / total));
      }
    }
  }

  backward(yPred: Float32Array, yTrue: Float32Array, rows: number, cols: number, _labelCols: number, grad: Float32Array): void {
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      const label = Math.round(yTrue[i]);
      if (this.fromLogits) {
        // ∂/∂z_j = softmax(z)_j − [j = label]
        const logSum = logSumExp(yPred, o, cols);
        for (let j = 0; j < cols; j++) grad[o + j] = Math.exp(yPred[o + j] - logSum) - (j === label ? 1 : 0);
        continue;
      }
      let total = 0;
      for (let j = 0; j < cols; j++) total += yPred[o + j];
      const q = yPred[o + label] / total;
      const inside = q >= EPSILON && q <= 1 - EPSILON;
      for (let j = 0; j < cols; j++) {
        // loss = −log(p_label / S): ∂/∂p_j = 1/S − [j = label] / p_label
        grad[o + j] = inside ? 1 / total - (j === label ? 1 / yPred[o + label] : 0) : 0;
      }
    }
  }

  /** softmax + sparse categorical cross-entropy: ∂/∂z = p − onehot(label). */
  fusedBackward(activation: ActivationName, yPred: Float32Array, yTrue: Float32Array, rows: number, cols: number, _labelCols: number, grad: Float32Array): boolean {
    if (activation !== 'softmax' || this.fromLogits) return false;
    for (let i = 0; i < rows; i++) {
      const label = Math.round(yTrue[i]);
      for (let j = 0; j < cols; j++) grad[i * cols + j] = yPred[i * cols + j] - (j === label ? 1 : 0);
    }
    return true;
  }

  labelColumns(): number {
    return 1;
  }

  getConfig(): LossConfig {
    return { className: this.name, config: { fromLogits: this.fromLogits } };
  }
}
