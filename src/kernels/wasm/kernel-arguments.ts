import { ConfigError, ShapeError, show } from '../../errors.js';
import type { KernelActivation } from '../kernels.js';

const ACTIVATION_CODES = new Map<string, number>([
  ['linear', 0],
  ['relu', 1],
  ['sigmoid', 2],
  ['tanh', 3],
]);

// Argument checks of the wasm kernels. NOTE: the wasm code trusts its pointers and sizes; an
// array shorter than the sizes say would make it read or write a neighbouring buffer, silently.
// These O(1) checks per call make that an error instead.

/** A size (m, k, n, length) must be a non-negative 32-bit integer. */
export function checkSize(kernel: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff) {
    throw new ShapeError(
      'kernels/size',
      `${kernel} needs ${name} to be a non-negative integer but got ${show(value)}; ` +
        'pass the array dimensions.',
    );
  }
}

/** An array must hold at least the values the sizes say the kernel will touch. */
export function checkLength(
  kernel: string, name: string, array: Float32Array | Float64Array, needed: number,
): void {
  if (array.length < needed) {
    throw new ShapeError(
      'kernels/length',
      `${kernel} needs ${name} to hold at least ${needed} values but got ${show(array)}; ` +
        'allocate it with the sizes passed to the kernel.',
    );
  }
}

/** The wasm code of a fused activation (the numbering of asm/elementwise.ts). */
export function activationCode(kernel: string, activation: KernelActivation): number {
  const code = ACTIVATION_CODES.get(activation);
  if (code === undefined) {
    throw new ConfigError(
      'kernels/activation',
      `${kernel} supports the activations ${[...ACTIVATION_CODES.keys()].join(', ')} ` +
        `but got ${show(activation)}; ` +
        'apply other activations outside the kernel.',
    );
  }
  return code;
}
