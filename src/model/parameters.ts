import { ShapeError } from '../errors.js';
import { kernels } from '../kernels/backend.js';
import type { BaseLayer } from '../layers/base-layer.js';
import { penalty, addPenaltyGradient } from '../regularizers/regularizers.js';
import type { Variable } from '../layers/variable.js';

/**
 * All trainable parameters of a model in one flat buffer (and their gradients in another),
 * with each variable's `value` / `grad` rebound to a view into them. Optimizers then update
 * every parameter in one loop, and saving is a single copy.
 */
export class Parameters {
  readonly all: Variable[];
  readonly trainable: Variable[];
  readonly values: Float32Array;
  readonly grads: Float32Array;

  constructor(layers: readonly BaseLayer[]) {
    this.all = layers.flatMap((layer) => layer.weights);
    this.trainable = layers.flatMap((layer) => (layer.trainable ? layer.weights.filter((w) => w.trainable) : []));
    const total = this.trainable.reduce((sum, v) => sum + v.size, 0);
    // NOTE: one allocation each in the kernels' memory, so the wasm kernels and the optimizer
    // update read and write the weights in place.
    this.values = kernels().memory.alloc(total);
    this.grads = kernels().memory.alloc(total);
    let offset = 0;
    for (const v of this.trainable) {
      this.values.set(v.value, offset);
      v.value = this.values.subarray(offset, offset + v.size);
      v.grad = this.grads.subarray(offset, offset + v.size);
      offset += v.size;
    }
  }

  /** Σ of every trainable variable's regularization penalty. */
  regularizationLoss(): number {
    let sum = 0;
    for (const v of this.trainable) if (v.regularizer) sum += penalty(v.regularizer, v.value);
    return sum;
  }

  /** Adds each penalty's gradient to the variable's gradient. */
  addRegularizationGradients(): void {
    for (const v of this.trainable) if (v.regularizer) addPenaltyGradient(v.regularizer, v.value, v.grad);
  }

  /** Copies of every weight (trainable and not), in model order, as Keras' get_weights. */
  getWeights(): Float32Array[] {
    return this.all.map((v) => v.value.slice());
  }

  setWeights(weights: readonly Float32Array[]): void {
    if (weights.length !== this.all.length) {
      throw new ShapeError(
        'shape/weight-count',
        `setWeights expects ${this.all.length} arrays (one per weight, as getWeights returns) but got ${weights.length}.`,
      );
    }
    weights.forEach((w, i) => {
      const v = this.all[i];
      if (w.length !== v.size) {
        throw new ShapeError(
          'shape/weight-size',
          `Weight "${v.name}" has shape [${v.shape.join(', ')}] (${v.size} values) but the array given has ${w.length}.`,
        );
      }
      v.value.set(w);
    });
  }
}
