import type { Loss, LossConfig, LossName } from './loss.js';

/** A loss that is a mean over output columns of f(y, p), with derivative df/dp. */
abstract class ElementwiseLoss implements Loss {
  abstract readonly name: LossName;
  readonly fromLogits = false;

  protected prepare(_yTrue: Float32Array, _n: number): (y: number) => number {
    return (y) => y;
  }

  protected abstract value(y: number, p: number): number;
  protected abstract derivative(y: number, p: number): number;

  forward(yPred: Float32Array, yTrue: Float32Array, rows: number, cols: number, _labelCols: number, out: Float64Array): void {
    const label = this.prepare(yTrue, rows * cols);
    for (let i = 0; i < rows; i++) {
      let sum = 0;
      for (let j = 0; j < cols; j++) sum += this.value(label(yTrue[i * cols + j]), yPred[i * cols + j]);
      out[i] = sum / cols;
    }
  }

  backward(yPred: Float32Array, yTrue: Float32Array, rows: number, cols: number, _labelCols: number, grad: Float32Array): void {
    const label = this.prepare(yTrue, rows * cols);
    for (let i = 0; i < rows * cols; i++) grad[i] = this.derivative(label(yTrue[i]), yPred[i]) / cols;
  }

  labelColumns(predCols: number): number {
    return predCols;
  }

  getConfig(): LossConfig {
    return { className: this.name, config: {} };
  }
}

/** Mean squared error: mean over columns of (y − p)². */
export class MeanSquaredError extends ElementwiseLoss {
  readonly name = 'mean_squared_error';
  protected value(y: number, p: number): number {
    return (y - p) ** 2;
  }
  protected derivative(y: number, p: number): number {
    return 2 * (p - y);
  }
}

/** Mean absolute error: mean over columns of |y − p|. */
export class MeanAbsoluteError extends ElementwiseLoss {
  readonly name = 'mean_absolute_error';
  protected value(y: number, p: number): number {
    return Math.abs(y - p);
  }
  protected derivative(y: number, p: number): number {
    return Math.sign(p - y);
  }
}

/**
 * Hinge: mean over columns of max(1 − y·p, 0). As in Keras, labels that are all 0 or 1 in a
 * batch are converted to −1 / +1 first.
 */
export class Hinge extends ElementwiseLoss {
  readonly name = 'hinge';

  protected prepare(yTrue: Float32Array, n: number): (y: number) => number {
    for (let i = 0; i < n; i++) if (yTrue[i] !== 0 && yTrue[i] !== 1) return (y) => y;
    return (y) => 2 * y - 1;
  }
  protected value(y: number, p: number): number {
    return Math.max(1 - y * p, 0);
  }
  protected derivative(y: number, p: number): number {
    return 1 - y * p > 0 ? -y : 0;
  }
}
