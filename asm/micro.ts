// AssemblyScript: the register-blocked micro-kernel of gemm.
//
// One call computes an MR × 8 tile of C (asm/tile.ts: 6 or 4 rows) from a packed A panel (MR
// floats per depth step) and a packed B panel (8 floats per depth step), holding the tile in
// 2·MR f32x4 accumulators. Each step loads two B vectors and broadcasts MR A scalars
// (v128.load32_splat, a pure load on x86), then does 2·MR multiply-adds (asm/madd.ts). Rows 5
// and 6 exist only in the build where MR is 6 (a compile-time constant: the dead rows are gone).
//
// NOTE: two things keep the 12 accumulators of the 6-row tile in registers (V8 on x86-64 has 15
// for vectors); either one undone halved the speed in measurements:
// - that kernel is called out of line, never inlined into gemm's loops (the 4-row kernel of the
//   plain build is inlined: a call per tile cost it about 10%);
// - when accumulating, the accumulators start from C's values before the loop, so nothing but
//   plain stores follows it.

import { madd } from './madd';
import { MR } from './tile';

// @ts-ignore: decorator
@inline
export function micro(kc: i32, a: usize, b: usize, c: usize, ldc: usize, accumulate: bool): void {
  if (MR == 6) microOutOfLine(kc, a, b, c, ldc, accumulate);
  else microTile(kc, a, b, c, ldc, accumulate);
}

// @ts-ignore: decorator
@noinline
function microOutOfLine(kc: i32, a: usize, b: usize, c: usize, ldc: usize, accumulate: bool): void {
  microTile(kc, a, b, c, ldc, accumulate);
}

// @ts-ignore: decorator
@inline
function microTile(kc: i32, a: usize, b: usize, c: usize, ldc: usize, accumulate: bool): void {
  const r1 = c + ldc;
  const r2 = r1 + ldc;
  const r3 = r2 + ldc;
  const r4 = r3 + ldc;
  const r5 = r4 + ldc;
  let c00 = initial(c, 0, accumulate);
  let c01 = initial(c, 16, accumulate);
  let c10 = initial(r1, 0, accumulate);
  let c11 = initial(r1, 16, accumulate);
  let c20 = initial(r2, 0, accumulate);
  let c21 = initial(r2, 16, accumulate);
  let c30 = initial(r3, 0, accumulate);
  let c31 = initial(r3, 16, accumulate);
  let c40 = MR == 6 ? initial(r4, 0, accumulate) : f32x4.splat(0);
  let c41 = MR == 6 ? initial(r4, 16, accumulate) : f32x4.splat(0);
  let c50 = MR == 6 ? initial(r5, 0, accumulate) : f32x4.splat(0);
  let c51 = MR == 6 ? initial(r5, 16, accumulate) : f32x4.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    let av = v128.load32_splat(a);
    c00 = madd(av, b0, c00);
    c01 = madd(av, b1, c01);
    av = v128.load32_splat(a, 4);
    c10 = madd(av, b0, c10);
    c11 = madd(av, b1, c11);
    av = v128.load32_splat(a, 8);
    c20 = madd(av, b0, c20);
    c21 = madd(av, b1, c21);
    av = v128.load32_splat(a, 12);
    c30 = madd(av, b0, c30);
    c31 = madd(av, b1, c31);
    if (MR == 6) {
      av = v128.load32_splat(a, 16);
      c40 = madd(av, b0, c40);
      c41 = madd(av, b1, c41);
      av = v128.load32_splat(a, 20);
      c50 = madd(av, b0, c50);
      c51 = madd(av, b1, c51);
    }
    a += <usize>MR * 4;
    b += 32;
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(r1, c10);
  v128.store(r1, c11, 16);
  v128.store(r2, c20);
  v128.store(r2, c21, 16);
  v128.store(r3, c30);
  v128.store(r3, c31, 16);
  if (MR == 6) {
    v128.store(r4, c40);
    v128.store(r4, c41, 16);
    v128.store(r5, c50);
    v128.store(r5, c51, 16);
  }
}

// Four floats of C at `row + offset` when accumulating onto C, else zeros.
// @ts-ignore: decorator
@inline
function initial(row: usize, offset: usize, accumulate: bool): v128 {
  return accumulate ? v128.load(row + offset) : f32x4.splat(0);
}

/**
 * The first `rows` (3 or 4; with MR 4, only 3) rows of a tile, written straight to C: the last
 * rows of a matrix whose height is not a multiple of MR. Reads the same MR-wide A panel and
 * does, element by element, the same multiply-adds in the same order as `micro`, so the bits
 * agree with a full tile's; it skips the padded rows' work and the tile buffer.
 */
// @ts-ignore: decorator
@noinline
export function microFour(
  kc: i32, a: usize, b: usize, c: usize, ldc: usize, accumulate: bool, rows: i32,
): void {
  const r1 = c + ldc;
  const r2 = r1 + ldc;
  const r3 = r2 + ldc;
  let c00 = initial(c, 0, accumulate);
  let c01 = initial(c, 16, accumulate);
  let c10 = initial(r1, 0, accumulate);
  let c11 = initial(r1, 16, accumulate);
  let c20 = initial(r2, 0, accumulate);
  let c21 = initial(r2, 16, accumulate);
  let c30 = initial(r3, 0, accumulate && rows > 3);
  let c31 = initial(r3, 16, accumulate && rows > 3);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    let av = v128.load32_splat(a);
    c00 = madd(av, b0, c00);
    c01 = madd(av, b1, c01);
    av = v128.load32_splat(a, 4);
    c10 = madd(av, b0, c10);
    c11 = madd(av, b1, c11);
    av = v128.load32_splat(a, 8);
    c20 = madd(av, b0, c20);
    c21 = madd(av, b1, c21);
    av = v128.load32_splat(a, 12);
    c30 = madd(av, b0, c30);
    c31 = madd(av, b1, c31);
    a += <usize>MR * 4;
    b += 32;
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(r1, c10);
  v128.store(r1, c11, 16);
  v128.store(r2, c20);
  v128.store(r2, c21, 16);
  if (rows > 3) {
    v128.store(r3, c30);
    v128.store(r3, c31, 16);
  }
}

/** `microFour` for the last 1 or 2 rows. */
// @ts-ignore: decorator
@noinline
export function microTwo(
  kc: i32, a: usize, b: usize, c: usize, ldc: usize, accumulate: bool, rows: i32,
): void {
  const r1 = c + ldc;
  let c00 = initial(c, 0, accumulate);
  let c01 = initial(c, 16, accumulate);
  let c10 = initial(r1, 0, accumulate && rows > 1);
  let c11 = initial(r1, 16, accumulate && rows > 1);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    let av = v128.load32_splat(a);
    c00 = madd(av, b0, c00);
    c01 = madd(av, b1, c01);
    av = v128.load32_splat(a, 4);
    c10 = madd(av, b0, c10);
    c11 = madd(av, b1, c11);
    a += <usize>MR * 4;
    b += 32;
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  if (rows > 1) {
    v128.store(r1, c10);
    v128.store(r1, c11, 16);
  }
}
