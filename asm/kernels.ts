// AssemblyScript entry: every export the JavaScript side (src/kernels/wasm/) calls.
import { gemm, gemmTileRows, gemmWorkspaceBytes } from './gemm';

export { gemmTileRows, gemmWorkspaceBytes };

/** First byte after the module's own static data: the JavaScript allocator starts here. */
export function heapBase(): usize {
  return __heap_base;
}

// a (m, k) · b (k, n) → out (m, n)
export function matmul(
  a: usize, b: usize, out: usize, m: i32, k: i32, n: i32, work: usize,
): void {
  gemm(a, k, 1, b, n, 1, out, n, m, k, n, work);
}

// a (k, m)ᵀ · b (k, n) → out (m, n)
export function matmulTransA(
  a: usize, b: usize, out: usize, m: i32, k: i32, n: i32, work: usize,
): void {
  gemm(a, 1, m, b, n, 1, out, n, m, k, n, work);
}

// a (m, k) · b (n, k)ᵀ → out (m, n)
export function matmulTransB(
  a: usize, b: usize, out: usize, m: i32, k: i32, n: i32, work: usize,
): void {
  gemm(a, k, 1, b, 1, k, out, n, m, k, n, work);
}

export { addBias, sumRows, biasActivation, activationBackward } from './elementwise';
export { denseChain } from './chain';
export { columnMoments, columnRanges } from './columns';
export { countNonFinite } from './finite';
export { adam, sgd } from './optimizers';
export { runJobs } from './threads';
