import { ShapeError } from '../errors.js';
import { Tensor } from '../tensor/tensor.js';
import type { BaseLayerArgs, LayerConfig } from './base-layer.js';
import { MergeLayer } from './merge-layer.js';
import { formatShape, type Shape } from './shape.js';

/** Element-wise sum of inputs of the same shape. */
export class Add extends MergeLayer {
  readonly className = 'Add';
  private inputCount = 0;

  constructor(args: BaseLayerArgs = {}) {
    super(args, 'add');
  }

  computeOutputShape(inputShapes: Shape[]): Shape {
    const first = formatShape(inputShapes[0]);
    for (const shape of inputShapes) {
      if (formatShape(shape) !== first) {
        throw new ShapeError(
          'shape/add-mismatch',
          `Add "${this.name}" needs inputs of one shape but got ${inputShapes.map(formatShape).join(' and ')}; ` +
            'use concatenate to join inputs of different widths.',
        );
      }
    }
    return inputShapes[0];
  }

  // xs[k] (batch, cols) → Σ_k xs[k]
  call(inputs: Tensor[]): Tensor {
    const y = this.scratch('y', inputs[0].size);
    y.set(inputs[0].data);
    for (let k = 1; k < inputs.length; k++) {
      const data = inputs[k].data;
      for (let i = 0; i < y.length; i++) y[i] += data[i];
    }
    this.inputCount = inputs.length;
    return new Tensor(y, inputs[0].shape);
  }

  callBackward(dy: Tensor): (Tensor | null)[] {
    // NOTE: each input receives the same gradient; the graph sums gradients per tensor, so
    // sharing the array is safe as long as no one writes into it.
    return new Array<Tensor>(this.inputCount).fill(dy);
  }

  getConfig(): LayerConfig {
    return { className: this.className, config: this.getBaseConfig() };
  }
}
