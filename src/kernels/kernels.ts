import { StateError } from '../errors.js';

/** Activations with a fused kernel; a layer applies any other activation itself. */
export type KernelActivation = 'linear' | 'relu' | 'sigmoid' | 'tanh';

/**
 * A kernel set in three parts: `memory` (where buffers live), `compute` (the layer and optimizer
 * kernels) and `scans` (the model doctor's passes over data). A faster backend (WebAssembly
 * SIMD, worker threads) implements them and is installed with `setKernels` or `setBackend`;
 * layers and models never change. All arrays are row-major float32.
 *
 * Memory contract (what layers must do for the wasm backend to copy nothing per batch):
 * - Allocate every buffer a kernel touches repeatedly (weights, gradients, optimizer state,
 *   activations, their gradients) with `kernels().memory.alloc(length)`, once, not per batch.
 *   With the wasm backend the result is a view into the WebAssembly memory, which kernels read
 *   and write in place; the js and reference backends return `new Float32Array(length)`. Either
 *   way the array is zero-filled and exactly `length` long.
 * - Any Float32Array works with every kernel: arrays that do not live in the wasm memory are
 *   copied through a scratch area (correct, only slower). So user data can be passed straight in.
 * - Views stay valid for as long as they are referenced: the wasm memory is a shared
 *   WebAssembly.Memory, which grows without detaching views. Where shared memory is unavailable
 *   (a browser page without cross-origin isolation) the memory has a fixed size and never grows;
 *   once it is full, `alloc` returns ordinary arrays.
 * - Release: `memory.free(array)` returns the block at once (optional). Otherwise the block is
 *   returned when the array `alloc` gave out is garbage-collected, so keep THAT array reachable
 *   for as long as any subarray of it is in use, and never hand an allocated array to user code:
 *   copy results out (`array.slice()`) before they leave the library. NOTE: the views are backed
 *   by a SharedArrayBuffer, which some Web APIs refuse (TextDecoder, Blob, crypto.subtle): copy
 *   first there too (saving weights, hashing).
 * - A kernel's output must not alias its inputs, except where a method says it may.
 * - Allocate after selecting the backend (`await ready()` in a browser): arrays from one backend
 *   still work with another, but only a backend's own arrays avoid the copies.
 */
export interface Kernels {
  readonly name: string;
  /** What the set runs on, for people (e.g. which WebAssembly features the wasm set uses). */
  readonly description?: string;
  readonly memory: KernelMemory;
  readonly compute: ComputeKernels;
  readonly scans: DataScans;
}

/**
 * What `setKernels` takes: a kernel set that may leave out its data scans, all or some; the
 * plain TypeScript scans stand in for the missing ones.
 */
export interface CustomKernels extends Omit<Kernels, 'scans'> {
  readonly scans?: Partial<DataScans>;
}

/** Where the kernels' buffers live (the memory contract on `Kernels`). */
export interface KernelMemory {
  /** A zero-filled array of `length` floats in this backend's memory. */
  alloc(length: number): Float32Array;
  /** Returns an array from `alloc` to the backend now; a no-op for any other array. */
  free(array: Float32Array): void;
}

/** One layer of `ComputeKernels.denseChain`: w (k, n) with k the previous step's n (or x's k). */
export interface DenseStep {
  readonly w: Float32Array;
  readonly bias: Float32Array | null;
  readonly out: Float32Array;
  readonly n: number;
  readonly activation: KernelActivation;
}

/** The hot kernels of layers (forward and backward) and optimizers. */
export interface ComputeKernels {
  /** a (m, k) · b (k, n) → out (m, n) */
  matmul(a: Float32Array, b: Float32Array, out: Float32Array, m: number, k: number, n: number): void;
  /** aᵀ · b with a (k, m), b (k, n) → out (m, n); the weight gradient xᵀ·dy */
  matmulTransA(a: Float32Array, b: Float32Array, out: Float32Array, m: number, k: number, n: number): void;
  /** a · bᵀ with a (m, k), b (n, k) → out (m, n); the input gradient dy·wᵀ */
  matmulTransB(a: Float32Array, b: Float32Array, out: Float32Array, m: number, k: number, n: number): void;
  /** out (m, n) += bias (n) broadcast over rows */
  addBias(out: Float32Array, bias: Float32Array, m: number, n: number): void;
  /** x (m, n) → out (n): column sums, the bias gradient */
  sumRows(x: Float32Array, out: Float32Array, m: number, n: number): void;
  /** x (m, n) ← activation(x + bias (n)) in place; bias null for none (a dense layer's output). */
  biasActivation(
    x: Float32Array, bias: Float32Array | null, m: number, n: number, activation: KernelActivation,
  ): void;
  /**
   * dx (size) = dy (size) ⊙ activation'(z), computed from the activation's output y (size):
   * relu dy·[y > 0], sigmoid dy·y·(1 − y), tanh dy·(1 − y²), linear dy. dx may be dy.
   */
  activationBackward(
    dy: Float32Array, y: Float32Array, dx: Float32Array, size: number, activation: KernelActivation,
  ): void;
  /**
   * One Keras 3 Adam step over flat buffers weights, grads, m, v (size each), step t ≥ 1:
   * alpha = lr·√(1 − beta2ᵗ)/(1 − beta1ᵗ); m += (g − m)(1 − beta1); v += (g² − v)(1 − beta2);
   * w −= alpha·m/(√v + epsilon).
   */
  adamUpdate(
    weights: Float32Array, grads: Float32Array, m: Float32Array, v: Float32Array, size: number,
    learningRate: number, beta1: number, beta2: number, epsilon: number, step: number,
  ): void;
  /**
   * One Keras 3 SGD step over flat buffers (size each). momentum 0: w −= lr·g (velocity unused,
   * may be null); otherwise velocity = momentum·velocity − lr·g, then w += velocity, or with
   * nesterov w += momentum·velocity − lr·g.
   */
  sgdUpdate(
    weights: Float32Array, grads: Float32Array, velocity: Float32Array | null, size: number,
    learningRate: number, momentum: number, nesterov: boolean,
  ): void;
  /**
   * Dense layers in sequence over x (m, k): each step's out (m, step.n) = activation(in · w +
   * bias), with in = x for the first step and the previous step's out after that. A model's
   * forward pass at inference; results equal matmul then biasActivation step by step, bit for
   * bit. No out may alias x or another step's out.
   */
  denseChain(x: Float32Array, m: number, k: number, steps: readonly DenseStep[]): void;
}

/**
 * The model doctor's scans of user data. Every set has them: a custom set that leaves them out
 * gets the plain TypeScript ones (js-scans.ts).
 */
export interface DataScans {
  /** How many of x's first `size` values are NaN or ±Infinity (the doctor's input check). */
  countNonFinite(x: Float32Array, size: number): number;
  /**
   * Merges the ranges of x (rows, cols) into the running per-column results in out (3·cols,
   * begun by `emptyColumnRanges`): out[j] the smallest value so far, out[cols + j] the largest,
   * out[2·cols + j] how many values lay below low[j] or above high[j] (the doctor's drift check),
   * so a large input can be scanned in parts. NaN counts nowhere. Exact, comparisons only; out
   * is float64 so that counts stay exact for any number of rows.
   */
  columnRanges(
    x: Float32Array, rows: number, cols: number, low: Float32Array, high: Float32Array,
    out: Float64Array,
  ): void;
  /**
   * Adds per-column sums over x (rows, cols) onto out (2·cols): out[j] += Σ (x − center[j]),
   * out[cols + j] += Σ (x − center[j])², in float64 and row order, so every kernel set gives the
   * bits of that scalar loop and a large input can be summed in parts (the doctor's mean and
   * standard deviation of the training rows).
   */
  columnMoments(
    x: Float32Array, rows: number, cols: number, center: Float64Array, out: Float64Array,
  ): void;
}

/** Adam's bias-corrected step size for step t (1-based): lr·√(1 − beta2ᵗ)/(1 − beta1ᵗ). */
export function adamStepSize(
  learningRate: number, beta1: number, beta2: number, step: number,
): number {
  return (learningRate * Math.sqrt(1 - beta2 ** step)) / (1 - beta1 ** step);
}

/** The velocity buffer of an SGD step with momentum, which must be present. */
export function requireVelocity(velocity: Float32Array | null): Float32Array {
  if (velocity === null) {
    throw new StateError(
      'kernels/missing-velocity',
      'sgdUpdate with momentum needs a velocity buffer but got null; ' +
        'allocate one of the same size as the weights.',
    );
  }
  return velocity;
}

/** `denseChain` as matmul then biasActivation per step, on any compute kernels. */
export function denseChainBySteps(
  compute: Pick<ComputeKernels, 'matmul' | 'biasActivation'>,
  x: Float32Array, m: number, k: number, steps: readonly DenseStep[],
): void {
  let input = x;
  let inputWidth = k;
  for (const step of steps) {
    compute.matmul(input, step.w, step.out, m, inputWidth, step.n);
    compute.biasActivation(step.out, step.bias, m, step.n, step.activation);
    input = step.out;
    inputWidth = step.n;
  }
}

/** `DataScans.columnRanges`' running results before any row: min +∞, max −∞, no count. */
export function emptyColumnRanges(cols: number): Float64Array {
  const ranges = new Float64Array(3 * cols);
  ranges.fill(Infinity, 0, cols);
  ranges.fill(-Infinity, cols, 2 * cols);
  return ranges;
}
