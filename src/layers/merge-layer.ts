import { ConfigError, show } from '../errors.js';
import { BaseLayer, SymbolicTensor } from './base-layer.js';

/** A layer that merges several inputs of compatible shapes (add, concatenate). */
export abstract class MergeLayer extends BaseLayer {
  apply(inputs: SymbolicTensor[]): SymbolicTensor {
    if (!Array.isArray(inputs) || inputs.length < 2 || !inputs.every((t) => t instanceof SymbolicTensor)) {
      throw new ConfigError(
        'config/merge-inputs',
        `Layer "${this.name}".apply() expects an array of at least two symbolic tensors but got ${show(inputs)}.`,
      );
    }
    return this.connect(inputs);
  }
}
