/**
 * The hot kernels every layer and optimizer calls, as one replaceable set. A faster backend
 * (WebAssembly SIMD, worker threads) implements this interface and is installed with
 * `setKernels`; layers and models never change. All arrays are row-major float32.
 */
export interface Kernels {
  readonly name: string;
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
}

/** Shape checks shared by every implementation's tests: the lengths a kernel call needs. */
export function matmulSizes(m: number, k: number, n: number): { a: number; b: number; out: number } {
  return { a: m * k, b: k * n, out: m * n };
}
