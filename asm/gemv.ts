// AssemblyScript: matrix-vector products, the n = 1 case of gemm (a dense layer with one unit:
// the output of every binary classifier), and the outer product, its k = 1 case (the gradient
// flowing back through that layer). The packed gemm would pad the single column of B to the 8 of
// its register tile and do 8 times the work, or pack and tile a product of depth one; these loops
// do the work once.

import { loadPartial, storePartial } from './elementwise';
import { madd } from './madd';

// out (m) = A (m, k) · b (k), the rows of A contiguous (A (i, p) at a + (i·k + p)·4).
export function dotRows(a: usize, b: usize, out: usize, m: i32, k: i32): void {
  const full = k & ~7;
  const tail = k - full;
  for (let i = 0; i < m; i++) {
    const row = a + <usize>(i * k) * 4;
    // NOTE: two accumulators, so consecutive adds do not wait on each other.
    let s0 = f32x4.splat(0);
    let s1 = f32x4.splat(0);
    for (let p = 0; p < full; p += 8) {
      const offset = <usize>p * 4;
      s0 = madd(v128.load(row + offset), v128.load(b + offset), s0);
      s1 = madd(v128.load(row + offset, 16), v128.load(b + offset, 16), s1);
    }
    if (tail > 0) {
      const offset = <usize>full * 4;
      const first = min(tail, 4);
      const ra = first == 4 ? v128.load(row + offset) : loadPartial(row + offset, first);
      const rb = first == 4 ? v128.load(b + offset) : loadPartial(b + offset, first);
      s0 = madd(ra, rb, s0);
      if (tail > 4) {
        const rest = tail - 4;
        const restA = loadPartial(row + offset + 16, rest);
        s1 = madd(restA, loadPartial(b + offset + 16, rest), s1);
      }
    }
    const s = f32x4.add(s0, s1);
    const low = f32x4.extract_lane(s, 0) + f32x4.extract_lane(s, 1);
    const sum = low + (f32x4.extract_lane(s, 2) + f32x4.extract_lane(s, 3));
    store<f32>(out + <usize>i * 4, sum);
  }
}

// out (m) = Aᵀ · b with A (k, m) row-major (A (p, i) at a + (p·m + i)·4), b (k): sixteen
// outputs at a time are accumulated in registers down all k rows.
export function dotColumns(a: usize, b: usize, out: usize, m: i32, k: i32): void {
  const stride = <usize>m * 4;
  let i = 0;
  for (; i + 16 <= m; i += 16) {
    let s0 = f32x4.splat(0);
    let s1 = f32x4.splat(0);
    let s2 = f32x4.splat(0);
    let s3 = f32x4.splat(0);
    let row = a + <usize>i * 4;
    for (let p = 0; p < k; p++) {
      const bp = v128.load32_splat(b + <usize>p * 4);
      s0 = madd(v128.load(row), bp, s0);
      s1 = madd(v128.load(row, 16), bp, s1);
      s2 = madd(v128.load(row, 32), bp, s2);
      s3 = madd(v128.load(row, 48), bp, s3);
      row += stride;
    }
    const o = out + <usize>i * 4;
    v128.store(o, s0);
    v128.store(o, s1, 16);
    v128.store(o, s2, 32);
    v128.store(o, s3, 48);
  }
  for (; i < m; i += 4) {
    const count = min(4, m - i);
    let s = f32x4.splat(0);
    let row = a + <usize>i * 4;
    for (let p = 0; p < k; p++) {
      const values = count == 4 ? v128.load(row) : loadPartial(row, count);
      s = madd(values, v128.load32_splat(b + <usize>p * 4), s);
      row += stride;
    }
    if (count == 4) v128.store(out + <usize>i * 4, s);
    else storePartial(out + <usize>i * 4, s, count);
  }
}

// C (m, n) = a (m) · b (n)ᵀ, A (i, 0) at a + i·asI·4, b contiguous, C rows ldc floats apart.
// NOTE: each element is madd(a, b, 0), exactly what the tiled path computes for depth one (its
// accumulators start at 0), so a row's bits are the same whichever path a call takes.
export function outer(a: usize, asI: i32, b: usize, c: usize, ldc: i32, m: i32, n: i32): void {
  const zero = f32x4.splat(0);
  const full = n & ~3;
  const tail = n - full;
  for (let i = 0; i < m; i++) {
    const ai = v128.load32_splat(a + <usize>i * <usize>asI * 4);
    const row = c + <usize>i * <usize>ldc * 4;
    for (let j = 0; j < full; j += 4) {
      const offset = <usize>j * 4;
      v128.store(row + offset, madd(ai, v128.load(b + offset), zero));
    }
    if (tail > 0) {
      const offset = <usize>full * 4;
      storePartial(row + offset, madd(ai, loadPartial(b + offset, tail), zero), tail);
    }
  }
}
