import type { KernelMemory } from './kernels.js';

/** Ordinary arrays, for the kernel sets that run on any Float32Array (js, reference). */
export const plainMemory: KernelMemory = {
  alloc(length) {
    return new Float32Array(length);
  },

  free() {
    // NOTE: ordinary arrays belong to the garbage collector; there is nothing to release.
  },
};
