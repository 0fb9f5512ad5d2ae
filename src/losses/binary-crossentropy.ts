import type { ActivationName } from '../activations/activations.js';
import { ConfigError, show } from '../errors.js';
import { clip, EPSILON, sigmoid, type Loss, type LossConfig } from './loss.js';

export interface BinaryCrossentropyOptions {
  fromLogits?: boolean;
  labelSmoothing?: number;
}

export function checkLabelSmoothing(value: number | undefined, loss: string): number {
  const v = value ?? 0;
  if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
    throw new ConfigError('config/label-smoothing', `${loss}: labelSmoothing should be in [0, 1] but got ${show(value)}.`);
  }
  return v;
}

/**
 * Binary cross-entropy, per row the mean over output columns of
 * −(y·log p + (1 − y)·log(1 − p)), p clipped to [1e-7, 1 − 1e-7] as in Keras.
 * With fromLogits the stable form max(z, 0) − z·y + log(1 + e^−|z|) is used.
 * Label smoothing moves labels toward 0.5: y·(1 − s) + s/2.
 */
export class BinaryCrossentropy implements Loss {
  readonly name = 'binary_crossentropy';
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;

  constructor(options: BinaryCrossentropyOptions = {}) {
    this.fromLogits = options.fromLogits ?? false;
    this.labelSmoothing = checkLabelSmoothing(options.labelSmoothing, 'binary_crossentropy');
  }

  private label(y: number): number {
    return y * (1 - this.labelSmoothing) + 0.5 * this.labelSmoothing;
  }

  forward(yPred: Float32Array, yTrue: Float32Array, rows: number, cols: number, _labelCols: number, out: Float64Array): void {
    for (let i = 0; i < rows; i++) {
      let sum = 0;
      for (let j = 0; j < cols; j++) {
        const y = this.label(yTrue[i * cols + j]);
        const v = yPred[i * cols + j];
        if (this.fromLogits) sum += Math.max(v, 0) - v * y + Math.log1p(Math.exp(-Math.abs(v)));
        else {
          const p = clip(v);
          sum -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
        }
      }
      out[i] = sum / cols;
    }
  }

  backward(yPred: Float32Array, yTrue: Float32Array, rows: number, cols: number, _labelCols: number, grad: Float32Array): void {
    const n = rows * cols;
    for (let i = 0; i < n; i++) {
      const y = this.label(yTrue[i]);
      const v = yPred[i];
      if (this.fromLogits) grad[i] = (sigmoid(v) - y) / cols;
      else if (v < EPSILON || v > 1 - EPSILON) grad[i] = 0; // NOTE: clipped values have no gradient, as in Keras.
      else grad[i] = (-y / v + (1 - y) / (1 - v)) / cols;
    }
  }

  /** sigmoid + binary cross-entropy: ∂/∂z = (p − y) / cols, stable where p saturates. */
  fusedBackward(activation: ActivationName, yPred: Float32Array, yTrue: Float32Array, rows: number, cols: number, _labelCols: number, grad: Float32Array): boolean {
    if (activation !== 'sigmoid' || this.fromLogits) return false;
    const n = rows * cols;
    for (let i = 0; i < n; i++) grad[i] = (yPred[i] - this.label(yTrue[i])) / cols;
    return true;
  }

  labelColumns(predCols: number): number {
    return predCols;
  }

  getConfig(): LossConfig {
    return { className: this.name, config: { fromLogits: this.fromLogits, labelSmoothing: this.labelSmoothing } };
  }
}
