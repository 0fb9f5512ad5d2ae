import type { ActivationName } from '../activations/activations.js';
import { checkLabelSmoothing } from './binary-crossentropy.js';
import { clip, EPSILON, logSumExp, type Loss, type LossConfig } from './loss.js';

export interface CategoricalCrossentropyOptions {
  fromLogits?: boolean;
  labelSmoothing?: number;
}

/**
 * Categorical cross-entropy on one-hot labels, per row −Σ y_j · log p_j. As in Keras, the
 * probabilities are first divided by their row sum and clipped to [1e-7, 1 − 1e-7]; with
 * fromLogits the log-softmax is computed stably. Label smoothing: y·(1 − s) + s/K.
 */
export class CategoricalCrossentropy implements Loss {
  readonly name = 'categorical_crossentropy';
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;

  constructor(options: CategoricalCrossentropyOptions = {}) {
    this.fromLogits = options.fromLogits ?? false;
    this.labelSmoothing = checkLabelSmoothing(options.labelSmoothing, 'categorical_crossentropy');
  }

  private label(y: number, cols: number): number {
    return y * (1 - this.labelSmoothing) + this.labelSmoothing / cols;
  }

  forward(yPred: Float32Array, yTrue: Float32Array, rows: number, cols: number, _labelCols: number, out: Float64Array): void {
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      let loss = 0;
      if (this.fromLogits) {
        const logSum = logSumExp(yPred, o, cols);
        for (let j = 0; j < cols; j++) loss -= this.label(yTrue[o + j], cols) * (yPred[o + j] - logSum);
      } else {
        let total = 0;
        for (let j = 0; j < cols; j++) total += yPred[o + j];
        for (let j = 0; j < cols; j++) loss -= this.label(yTrue[o + j], cols) * Math.log(clip(yPred[o + j] / total));
      }
      out[i] = loss;
    }
  }

  backward(yPred: Float32Array, yTrue: Float32Array, rows: number, cols: number, _labelCols: number, grad: Float32Array): void {
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      let labelSum = 0;
      for (let j = 0; j < cols; j++) labelSum += this.label(yTrue[o + j], cols);
      if (this.fromLogits) {
        // ∂/∂z_j = softmax(z)_j · Σy − y_j
        const logSum = logSumExp(yPred, o, cols);
        for (let j = 0; j < cols; j++) grad[o + j] = Math.exp(yPred[o + j] - logSum) * labelSum - this.label(yTrue[o + j], cols);
        continue;
      }
      // loss = −Σ y_k log(p_k / S): ∂/∂p_j = −y_j / p_j + Σy / S (clipped terms contribute 0)
      let total = 0;
      for (let j = 0; j < cols; j++) total += yPred[o + j];
      let clippedLabelSum = 0;
      for (let j = 0; j < cols; j++) {
        const q = yPred[o + j] / total;
        if (q >= EPSILON && q <= 1 - EPSILON) clippedLabelSum += this.label(yTrue[o + j], cols);
      }
      for (let j = 0; j < cols; j++) {
        const q = yPred[o + j] / total;
        const y = this.label(yTrue[o + j], cols);
        const own = q >= EPSILON && q <= 1 - EPSILON ? -y / yPred[o + j] : 0;
        grad[o + j] = own + clippedLabelSum / total;
      }
    }
  }

  /** softmax + categorical cross-entropy: ∂/∂z = p · Σy − y (= p − y for one-hot labels). */
  fusedBackward(activation: ActivationName, yPred: Float32Array, yTrue: Float32Array, rows: number, cols: number, _labelCols: number, grad: Float32Array): boolean {
    if (activation !== 'softmax' || this.fromLogits) return false;
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      let labelSum = 0;
      for (let j = 0; j < cols; j++) labelSum += this.label(yTrue[o + j], cols);
      for (let j = 0; j < cols; j++) grad[o + j] = yPred[o + j] * labelSum - this.label(yTrue[o + j], cols);
    }
    return true;
  }

  labelColumns(predCols: number): number {
    return predCols;
  }

  getConfig(): LossConfig {
    return { className: this.name, config: { fromLogits: this.fromLogits, labelSmoothing: this.labelSmoothing } };
  }
}
