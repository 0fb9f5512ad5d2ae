import { Tensor } from '../tensor/tensor.js';
import type { TensorData } from './worker-messages.js';

/**
 * A tensor as a message: its values copied once into a buffer of their own, which the message
 * then transfers (listed in `transfer`). NOTE: never the caller's own buffer (transferring it
 * would empty the caller's array) nor the kernels' wasm memory (which cannot be transferred).
 */
export function tensorData(t: Tensor, transfer: ArrayBuffer[]): TensorData {
  return { data: ownCopy(t.data, transfer), shape: [...t.shape] };
}

/** A copy of `values` in a buffer of its own, listed for transfer. */
export function ownCopy(values: Float32Array, transfer: ArrayBuffer[]): Float32Array {
  const copy = new Float32Array(values);
  transfer.push(copy.buffer);
  return copy;
}

export function fromTensorData(d: TensorData): Tensor {
  return new Tensor(d.data, d.shape);
}
