import { Optimizer, type OptimizerArgs, type OptimizerConfig } from './optimizer.js';

export interface AdagradArgs extends OptimizerArgs {
  initialAccumulatorValue?: number;
  epsilon?: number;
}

/**
 * Adagrad (Keras 3, default lr 0.001, initial accumulator 0.1, epsilon 1e-7):
 * a += g²; w −= lr·g / sqrt(a + epsilon).
 */
export class Adagrad extends Optimizer {
  readonly name = 'adagrad';
  readonly initialAccumulatorValue: number;
  readonly epsilon: number;

  constructor(args: AdagradArgs = {}) {
    super(args, 0.001);
    this.initialAccumulatorValue = args.initialAccumulatorValue ?? 0.1;
    this.epsilon = args.epsilon ?? 1e-7;
  }

  protected stateCount(): number {
    return 1;
  }

  protected initialState(): number {
    return this.initialAccumulatorValue;
  }

  protected update(w: Float32Array, g: Float32Array, lr: number): void {
    const accumulator = this.state[0];
    for (let i = 0; i < w.length; i++) {
      accumulator[i] += g[i] * g[i];
      w[i] -= (lr * g[i]) / Math.sqrt(accumulator[i] + this.epsilon);
    }
  }

  getConfig(): OptimizerConfig {
    return {
      className: this.name,
      config: { ...this.baseConfig(), initialAccumulatorValue: this.initialAccumulatorValue, epsilon: this.epsilon },
    };
  }
}
