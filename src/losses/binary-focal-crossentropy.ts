import { ConfigError, show } from '../errors.js';
import { checkLabelSmoothing } from './binary-crossentropy.js';
import { clip, EPSILON, sigmoid, type Loss, type LossConfig } from './loss.js';

export interface BinaryFocalCrossentropyOptions {
  fromLogits?: boolean;
  labelSmoothing?: number;
  gamma?: number;
  alpha?: number;
  applyClassBalancing?: boolean;
}

/**
 * Binary focal cross-entropy (Keras 3): (1 − p_t)^γ · bce, optionally weighted by α for
 * positives and 1 − α for negatives, averaged over output columns. p_t = y·p + (1 − y)(1 − p).
 */
export class BinaryFocalCrossentropy implements Loss {
  readonly name = 'binary_focal_crossentropy';
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;
  readonly gamma: number;
  readonly alpha: number;
  readonly applyClassBalancing: boolean;

  constructor(options: BinaryFocalCrossentropyOptions = {}) {
    this.fromLogits = options.fromLogits ?? false;
    this.labelSmoothing = checkLabelSmoothing(options.labelSmoothing, 'binary_focal_crossentropy');
    this.gamma = options.gamma ?? 2;
    this.alpha = options.alpha ?? 0.25;
    this.applyClassBalancing = options.applyClassBalancing ?? false;
    if (!(this.gamma >= 0) || !(this.alpha >= 0 && this.alpha <= 1)) {
      throw new ConfigError(
        'config/focal',
        `binary_focal_crossentropy needs gamma >= 0 and alpha in [0, 1] but got gamma=${show(options.gamma)}, alpha=${show(options.alpha)}.`,
      );
    }
  }

  /** Loss of one element and its derivative with respect to the model's output (p, or z). */
  private element(v: number, rawLabel: number): { loss: number; grad: number } {
    const y = rawLabel * (1 - this.labelSmoothing) + 0.5 * this.labelSmoothing;
    const p = this.fromLogits ? sigmoid(v) : v;
    const pc = clip(p);
    const clipped = !this.fromLogits && (p < EPSILON || p > 1 - EPSILON);
    const bce = this.fromLogits
      ? Math.max(v, 0) - v * y + Math.log1p(Math.exp(-Math.abs(v)))
      : -(y * Math.log(pc) + (1 - y) * Math.log(1 - pc));
    const pT = y * pc + (1 - y) * (1 - pc);
    const focal = (1 - pT) ** this.gamma;
    const balance = this.applyClassBalancing ? y * this.alpha + (1 - y) * (1 - this.alpha) : 1;
    // d focal / d p = −γ (1 − p_t)^(γ−1) · (2y − 1); d bce / d p = −y/p + (1 − y)/(1 − p)
    const dFocal = this.gamma === 0 || 1 - pT === 0 ? 0 : -this.gamma * (1 - pT) ** (this.gamma - 1) * (2 * y - 1);
    let grad: number;
    if (this.fromLogits) {
      // chain through p = σ(z): dp/dz = p(1 − p); d bce / dz = p − y
      grad = dFocal * p * (1 - p) * bce + focal * (p - y);
    } else {
      grad = clipped ? 0 : dFocal * bce + focal * (-y / pc + (1 - y) / (1 - pc));
    }
    return { loss: balance * focal * bce, grad: balance * grad };
  }

  forward(yPred: Float32Array, yTrue: Float32Array, rows: number, cols: number, _labelCols: number, out: Float64Array): void {
    for (let i = 0; i < rows; i++) {
      let sum = 0;
      for (let j = 0; j < cols; j++) sum += this.element(yPred[i * cols + j], yTrue[i * cols + j]).loss;
      out[i] = sum / cols;
    }
  }

  backward(yPred: Float32Array, yTrue: Float32Array, rows: number, cols: number, _labelCols: number, grad: Float32Array): void {
    for (let i = 0; i < rows * cols; i++) grad[i] = this.element(yPred[i], yTrue[i]).grad / cols;
  }

  labelColumns(predCols: number): number {
    return predCols;
  }

  getConfig(): LossConfig {
    return {
      className: this.name,
      config: {
        fromLogits: this.fromLogits, labelSmoothing: this.labelSmoothing, gamma: this.gamma,
        alpha: this.alpha, applyClassBalancing: this.applyClassBalancing,
      },
    };
  }
}
