import { Optimizer, type OptimizerArgs, type OptimizerConfig } from './optimizer.js';

export interface RmspropArgs extends OptimizerArgs {
  rho?: number;
  momentum?: number;
  epsilon?: number;
  centered?: boolean;
}

/**
 * RMSprop (Keras 3, default lr 0.001, rho 0.9, epsilon 1e-7):
 * v = rho·v + (1 − rho)·g²; centered also tracks a = rho·a + (1 − rho)·g and uses v − a²;
 * step = lr·g / sqrt(v (− a²) + epsilon) — epsilon inside the root, as Keras 3 has it;
 * with momentum m = momentum·m + step, w −= m; otherwise w −= step.
 */
export class Rmsprop extends Optimizer {
  readonly name = 'rmsprop';
  readonly rho: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly centered: boolean;

  constructor(args: RmspropArgs = {}) {
    super(args, 0.001);
    this.rho = args.rho ?? 0.9;
    this.momentum = args.momentum ?? 0;
    this.epsilon = args.epsilon ?? 1e-7;
    this.centered = args.centered ?? false;
  }

  // state: [velocity, momentum buffer, average gradient]
  protected stateCount(): number {
    return 3;
  }

  protected update(w: Float32Array, g: Float32Array, lr: number): void {
    const [velocity, moment, average] = this.state;
    const { rho, momentum, epsilon, centered } = this;
    for (let i = 0; i < w.length; i++) {
      velocity[i] = rho * velocity[i] + (1 - rho) * g[i] * g[i];
      let denominator = velocity[i];
      if (centered) {
        average[i] = rho * average[i] + (1 - rho) * g[i];
        denominator -= average[i] * average[i];
      }
      const step = (lr * g[i]) / Math.sqrt(denominator + epsilon);
      if (momentum > 0) {
        moment[i] = momentum * moment[i] + step;
        w[i] -= moment[i];
      } else {
        w[i] -= step;
      }
    }
  }

  getConfig(): OptimizerConfig {
    return {
      className: this.name,
      config: { ...this.baseConfig(), rho: this.rho, momentum: this.momentum, epsilon: this.epsilon, centered: this.centered },
    };
  }
}
