import type { Kernels } from './kernels.js';
import { jsKernels } from './js.js';

/**
 * The kernel set in use. Layers call `kernels().matmul(...)`; a faster backend replaces the set
 * with `setKernels` without touching layers or models.
 */
let active: Kernels = jsKernels;

export function kernels(): Kernels {
  return active;
}

export function setKernels(next: Kernels): void {
  active = next;
}
