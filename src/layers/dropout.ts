import { ConfigError, show } from '../errors.js';
import { globalRandom } from '../random/random.js';
import { Tensor } from '../tensor/tensor.js';
import { Layer, type BaseLayerArgs, type LayerConfig } from './base-layer.js';
import type { Shape } from './shape.js';

export interface DropoutArgs extends BaseLayerArgs {
  rate: number;
}

/**
 * Inverted dropout: during training each value is zeroed with probability `rate` and the rest
 * are scaled by 1 / (1 − rate); at inference the layer passes its input through unchanged.
 * The mask is drawn from the seeded global generator, a batch of 32-bit numbers at a time.
 */
export class Dropout extends Layer {
  readonly className = 'Dropout';
  readonly rate: number;
  private mask: Float32Array = new Float32Array(0);
  /** The random 32-bit numbers of the last mask, reused across batches. */
  private bits = new Uint32Array(0);
  private active = false;

  constructor(args: DropoutArgs) {
    super(args, 'dropout');
    if (typeof args.rate !== 'number' || !(args.rate >= 0 && args.rate < 1)) {
      throw new ConfigError('config/dropout-rate', `Dropout "${this.name}": rate should be in [0, 1) but got ${show(args.rate)}.`);
    }
    this.rate = args.rate;
  }

  computeShape(inputShape: Shape): Shape {
    return inputShape;
  }

  // x (batch, cols) → x · mask / (1 − rate)
  forward(x: Tensor, training: boolean): Tensor {
    this.active = training && this.rate > 0;
    if (!this.active) return x;
    const n = x.size;
    const mask = this.scratch('mask', n);
    const y = this.scratch('y', n);
    const scale = 1 / (1 - this.rate);
    if (this.bits.length < n) this.bits = new Uint32Array(n);
    const bits = globalRandom.fillUint32(this.bits.length === n ? this.bits : this.bits.subarray(0, n));
    // NOTE: u / 2^32 ≥ rate ⇔ u ≥ rate · 2^32 exactly (the scale is a power of two), so the mask
    // is the one `globalRandom.uniform() >= rate` per element draws. The keep factor is computed
    // without a branch, which a random mask would mispredict.
    const cut = this.rate * 4294967296;
    const data = x.data;
    for (let i = 0; i < n; i++) {
      const keep = +(bits[i] >= cut) * scale;
      mask[i] = keep;
      y[i] = data[i] * keep;
    }
    this.mask = mask;
    return new Tensor(y, x.shape);
  }

  backward(dy: Tensor): Tensor | null {
    if (!this.needsInputGradient) return null;
    if (!this.active) return dy;
    const dx = this.scratch('dx', dy.size);
    const mask = this.mask;
    const data = dy.data;
    for (let i = 0; i < data.length; i++) dx[i] = data[i] * mask[i];
    return new Tensor(dx, dy.shape);
  }

  getConfig(): LayerConfig {
    return { className: this.className, config: { ...this.getBaseConfig(), rate: this.rate } };
  }
}
