import { kernels } from '../kernels/backend.js';
import { Optimizer, type OptimizerArgs, type OptimizerConfig } from './optimizer.js';

export interface AdamArgs extends OptimizerArgs {
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  amsgrad?: boolean;
}

/**
 * Adam (Keras 3, default lr 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7). Keras folds the bias
 * correction into the step size and adds epsilon outside the root, after correction:
 * alpha = lr·sqrt(1 − beta2^t) / (1 − beta1^t); w −= alpha·m / (sqrt(v) + epsilon).
 */
export class Adam extends Optimizer {
  readonly name: 'adam' | 'adamw' = 'adam';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly amsgrad: boolean;

  constructor(args: AdamArgs = {}) {
    super(args, 0.001);
    this.beta1 = args.beta1 ?? 0.9;
    this.beta2 = args.beta2 ?? 0.999;
    this.epsilon = args.epsilon ?? 1e-7;
    this.amsgrad = args.amsgrad ?? false;
  }

  // state: [first moment m, second moment v, running max of v (amsgrad)]
  protected stateCount(): number {
    return this.amsgrad ? 3 : 2;
  }

  protected update(w: Float32Array, g: Float32Array, lr: number, step: number): void {
    const [m, v, vMax] = this.state;
    const { beta1, beta2, epsilon } = this;
    if (!this.amsgrad) {
      // NOTE: the same rule as the loop below, as one kernel over the flat buffers (SIMD in wasm).
      kernels().compute.adamUpdate(w, g, m, v, w.length, lr, beta1, beta2, epsilon, step);
      return;
    }
    // bias correction folded into the step size
    const alpha = (lr * Math.sqrt(1 - beta2 ** step)) / (1 - beta1 ** step);
    for (let i = 0; i < w.length; i++) {
      m[i] += (g[i] - m[i]) * (1 - beta1); // first moment
      v[i] += (g[i] * g[i] - v[i]) * (1 - beta2); // second moment
      let second = v[i];
      if (this.amsgrad) {
        vMax[i] = Math.max(vMax[i], v[i]);
        second = vMax[i];
      }
      w[i] -= (alpha * m[i]) / (Math.sqrt(second) + epsilon);
    }
  }

  getConfig(): OptimizerConfig {
    return {
      className: this.name,
      config: { ...this.baseConfig(), beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon, amsgrad: this.amsgrad },
    };
  }
}
