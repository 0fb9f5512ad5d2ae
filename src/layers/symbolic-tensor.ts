import type { BaseLayer } from './base-layer.js';

/** A shape with `null` for the batch dimension, as Keras prints it: (None, 30). */
export type Shape = readonly (number | null)[];

let nextId = 0;

/**
 * A placeholder for a tensor in a functional graph: which layer produced it from which inputs.
 * `nn.input({ shape })` makes the first one; `layer.apply(x)` makes the next.
 */
export class SymbolicTensor {
  readonly id: number;
  readonly shape: Shape;
  readonly layer: BaseLayer;
  readonly inputs: readonly SymbolicTensor[];

  constructor(shape: Shape, layer: BaseLayer, inputs: readonly SymbolicTensor[]) {
    this.id = nextId++;
    this.shape = Object.freeze([...shape]);
    this.layer = layer;
    this.inputs = inputs;
  }
}

export function formatShape(shape: Shape): string {
  const parts = shape.map((d) => (d === null ? 'None' : String(d)));
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
}
