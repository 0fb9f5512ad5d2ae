import { FormatError } from '../errors.js';
import type { RegularizerConfig } from '../regularizers/regularizers.js';

/**
 * While a saved model is being rebuilt, the floats its weight file can justify; creating more
 * would mean the architecture in model.json does not match the file (or is hostile), and it
 * must fail before allocating.
 */
let allocationBudget: number | undefined;

export function withAllocationBudget<T>(floats: number, build: () => T): T {
  allocationBudget = floats;
  try {
    return build();
  } finally {
    allocationBudget = undefined;
  }
}

/**
 * A named weight of a layer. `value` and `grad` start as standalone arrays and are rebound to
 * views into the model's flat parameter buffers when the model is built, so layers always read
 * them through the variable, never through a cached reference.
 */
export class Variable {
  readonly name: string;
  readonly shape: readonly number[];
  readonly trainable: boolean;
  readonly regularizer: RegularizerConfig | undefined;
  value: Float32Array;
  grad: Float32Array;

  constructor(name: string, shape: readonly number[], options: { trainable: boolean; regularizer?: RegularizerConfig }) {
    this.name = name;
    this.shape = Object.freeze([...shape]);
    this.trainable = options.trainable;
    this.regularizer = options.regularizer;
    const size = shape.reduce((a, b) => a * b, 1);
    if (allocationBudget !== undefined) {
      if (!Number.isSafeInteger(size) || size > allocationBudget) {
        throw new FormatError(
          'format/weights-mismatch',
          `The saved architecture needs more weights (${name} alone has shape [${shape.join(', ')}]) than the weight file holds; ` +
            'model.json and weights.bin do not belong together.',
        );
      }
      allocationBudget -= size;
    }
    this.value = new Float32Array(size);
    this.grad = new Float32Array(options.trainable ? size : 0);
  }

  get size(): number {
    return this.value.length;
  }
}
