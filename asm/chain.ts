// AssemblyScript: dense layers one after another, out = activation(in · w + bias), each step's
// output the next step's input: a model's forward pass at inference. Rows are independent, so
// the kernel threads split a chain by rows (asm/threads.ts): each thread carries its own rows
// through every layer, keeping them in its own cache, with one hand-off per chain instead of one
// per layer.
//
// The steps are a table in linear memory, six i32 per step: w (k, n), bias (n; 0 for none),
// out (m, n), k, n, activation (asm/elementwise.ts codes).

import { biasActivation } from './elementwise';
import { gemm, gemmTiled } from './gemm';
import { dotRows } from './gemv';

const STEP_BYTES: usize = 24;

/**
 * Rows [start, end) of the chain over x (m, k of the first step). Every row gets the bits the
 * whole-matrix call gives it: gemm sends m ≥ 2 rows with one output column to `dotRows` (one
 * dot product per row) and any other m ≥ 2 product to `gemmTiled` (the same sums whatever rows a
 * call covers), so a part of the rows calls those directly, and a part covering all rows calls
 * gemm itself, as a single-threaded caller would (one row goes to gemm's own row loop).
 */
export function denseChainRows(
  table: usize, steps: i32, x: usize, m: i32, start: i32, end: i32, work: usize,
): void {
  const rows = end - start;
  if (rows <= 0) return;
  let input = x;
  for (let s = 0; s < steps; s++) {
    const entry = table + <usize>s * STEP_BYTES;
    const w = <usize>load<i32>(entry);
    const bias = <usize>load<i32>(entry, 4);
    const out = <usize>load<i32>(entry, 8);
    const k = load<i32>(entry, 12);
    const n = load<i32>(entry, 16);
    const a = input + <usize>start * <usize>k * 4;
    const c = out + <usize>start * <usize>n * 4;
    if (rows == m) gemm(a, k, 1, w, n, 1, c, n, m, k, n, work);
    else if (n == 1) dotRows(a, w, c, rows, k);
    else gemmTiled(a, k, 1, w, n, 1, c, n, rows, k, n, work);
    biasActivation(c, bias, rows, n, load<i32>(entry, 20));
    input = out;
  }
}

// x (m, k) → every step's out, on one thread
export function denseChain(table: usize, steps: i32, x: usize, m: i32, work: usize): void {
  denseChainRows(table, steps, x, m, 0, m, work);
}
