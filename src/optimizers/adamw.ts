import { ConfigError, show } from '../errors.js';
import { Adam, type AdamArgs } from './adam.js';
import type { OptimizerConfig } from './optimizer.js';

export interface AdamwArgs extends AdamArgs {
  weightDecay?: number;
}

/**
 * AdamW (Keras 3, default weightDecay 0.004): decoupled weight decay w −= w·weightDecay·lr
 * applied before the Adam step.
 */
export class Adamw extends Adam {
  readonly name = 'adamw';
  readonly weightDecay: number;

  constructor(args: AdamwArgs = {}) {
    super(args);
    this.weightDecay = args.weightDecay ?? 0.004;
    if (typeof this.weightDecay !== 'number' || !(this.weightDecay >= 0)) {
      throw new ConfigError('config/weight-decay', `adamw weightDecay should be a number >= 0 but got ${show(args.weightDecay)}.`);
    }
  }

  protected update(w: Float32Array, g: Float32Array, lr: number, step: number): void {
    const decay = this.weightDecay * lr;
    for (let i = 0; i < w.length; i++) w[i] -= w[i] * decay;
    super.update(w, g, lr, step);
  }

  getConfig(): OptimizerConfig {
    const base = super.getConfig();
    return { className: this.name, config: { ...base.config, weightDecay: this.weightDecay } };
  }
}
