import { ConfigError, show } from '../errors.js';
import { kernels } from '../kernels/backend.js';
import { Optimizer, type OptimizerArgs, type OptimizerConfig } from './optimizer.js';

export interface SgdArgs extends OptimizerArgs {
  momentum?: number;
  nesterov?: boolean;
}

/**
 * Stochastic gradient descent (Keras 3, default lr 0.01):
 * without momentum w −= lr·g; with momentum m = momentum·m − lr·g, then w += m, or with
 * Nesterov w += momentum·m − lr·g.
 */
export class Sgd extends Optimizer {
  readonly name = 'sgd';
  readonly momentum: number;
  readonly nesterov: boolean;

  constructor(args: SgdArgs = {}) {
    super(args, 0.01);
    this.momentum = args.momentum ?? 0;
    this.nesterov = args.nesterov ?? false;
    if (typeof this.momentum !== 'number' || !(this.momentum >= 0 && this.momentum <= 1)) {
      throw new ConfigError('config/momentum', `sgd momentum should be in [0, 1] but got ${show(args.momentum)}.`);
    }
  }

  protected stateCount(): number {
    return this.momentum > 0 ? 1 : 0;
  }

  // The rule (kernels/reference.ts has it as a plain loop):
  // m = momentum·m − lr·g; w += m, or with nesterov w += momentum·m − lr·g.
  protected update(w: Float32Array, g: Float32Array, lr: number): void {
    kernels().compute.sgdUpdate(w, g, this.momentum > 0 ? this.state[0] : null, w.length, lr, this.momentum, this.nesterov);
  }

  getConfig(): OptimizerConfig {
    return { className: this.name, config: { ...this.baseConfig(), momentum: this.momentum, nesterov: this.nesterov } };
  }
}
