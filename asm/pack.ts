// AssemblyScript: the packing of gemm (asm/gemm.ts). A block of A is copied into panels of MR
// rows and a block of B into panels of NR columns, each in the order the micro-kernel reads them
// (for every depth p, the panel's MR or NR values at p), zero-padded at the edges.
//
// Four cases per operand, by where consecutive panel values lie in the caller's array:
// - adjacent (A transposed, B row-major): straight vector copies;
// - contiguous along the depth (A row-major, B transposed): 4 × 4 blocks are loaded along the
//   depth and transposed in registers (4 vector loads, 8 shuffles, 4 vector stores); A's rows
//   past the fourth are interleaved into their lanes;
// - anything else, and edge panels: one value at a time.

import { MR, NR } from './tile';

// Stores the transpose of the 4 × 4 block whose rows v0..v3 are four sources' values at four
// consecutive depths: at d + q·step (q = 0..3), the four sources' values at depth q.
// @ts-ignore: decorator
@inline
function storeTransposed(d: usize, step: usize, v0: v128, v1: v128, v2: v128, v3: v128): void {
  const t0 = i32x4.shuffle(v0, v1, 0, 4, 1, 5);
  const t1 = i32x4.shuffle(v0, v1, 2, 6, 3, 7);
  const t2 = i32x4.shuffle(v2, v3, 0, 4, 1, 5);
  const t3 = i32x4.shuffle(v2, v3, 2, 6, 3, 7);
  v128.store(d, i32x4.shuffle(t0, t2, 0, 1, 4, 5));
  v128.store(d + step, i32x4.shuffle(t0, t2, 2, 3, 6, 7));
  v128.store(d + step * 2, i32x4.shuffle(t1, t3, 0, 1, 4, 5));
  v128.store(d + step * 3, i32x4.shuffle(t1, t3, 2, 3, 6, 7));
}

// The values of rows 4 and 5 of a 6-row panel (from `s` and `s + rowStep`) at four consecutive
// depths, interleaved and stored at d + q·step for depth q.
// @ts-ignore: decorator
@inline
function storeRowsPastFour(d: usize, step: usize, s: usize, rowStep: usize): void {
  const v4 = v128.load(s);
  const v5 = v128.load(s + rowStep);
  const low = i32x4.shuffle(v4, v5, 0, 4, 1, 5);
  const high = i32x4.shuffle(v4, v5, 2, 6, 3, 7);
  v128.store64_lane(d, low, 0);
  v128.store64_lane(d + step, low, 1);
  v128.store64_lane(d + step * 2, high, 0);
  v128.store64_lane(d + step * 3, high, 1);
}

// A (i, p) lives at a + (i * asI + p * asP) * 4; rows i0..i0+mc, depths p0..p0+kc are copied
// into panels of MR rows: panel r holds, for each p, the MR values A(i0 + r*MR + 0..MR-1, p).
export function packA(
  a: usize, asI: i32, asP: i32, i0: i32, mc: i32, p0: i32, kc: i32, dst: usize,
): void {
  const panelStep = <usize>MR * 4;
  for (let ir = 0; ir < mc; ir += MR) {
    const rows = min(MR, mc - ir);
    let d = dst + <usize>(ir * kc) * 4;
    const base = a + <usize>((i0 + ir) * asI + p0 * asP) * 4;
    const stepP = <usize>asP * 4;
    if (rows == MR && asI == 1) {
      // NOTE: transposed A (matmulTransA): the MR rows are adjacent at every depth.
      let s = base;
      for (let p = 0; p < kc; p++) {
        v128.store(d, v128.load(s));
        if (MR == 6) store<u64>(d, load<u64>(s, 16), 16);
        s += stepP;
        d += panelStep;
      }
    } else if (rows == MR) {
      const rowStep = <usize>asI * 4;
      let s0 = base;
      let p = 0;
      if (asP == 1) {
        // NOTE: row-major A (matmul, matmulTransB): each row is contiguous along the depth. The
        // first four rows are transposed in 4 × 4 blocks, the rest interleaved into their lanes.
        for (; p + 4 <= kc; p += 4) {
          const v0 = v128.load(s0);
          const v1 = v128.load(s0 + rowStep);
          const v2 = v128.load(s0 + rowStep * 2);
          const v3 = v128.load(s0 + rowStep * 3);
          storeTransposed(d, panelStep, v0, v1, v2, v3);
          if (MR == 6) storeRowsPastFour(d + 16, panelStep, s0 + rowStep * 4, rowStep);
          s0 += 16;
          d += panelStep * 4;
        }
      }
      for (; p < kc; p++) {
        for (let r = 0; r < MR; r++) {
          store<f32>(d + <usize>r * 4, load<f32>(s0 + rowStep * <usize>r));
        }
        s0 += stepP;
        d += panelStep;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let r = 0; r < MR; r++) {
          const value: f32 = r < rows ? load<f32>(base + <usize>(r * asI + p * asP) * 4) : 0;
          store<f32>(d + <usize>r * 4, value);
        }
        d += panelStep;
      }
    }
  }
}

// B (p, j) lives at b + (p * bsP + j * bsC) * 4; depths p0..p0+kc, columns j0..j0+nc are copied
// into panels of NR columns: panel q holds, for each p, the NR values B(p, j0 + q*NR + 0..7).
export function packB(
  b: usize, bsP: i32, bsC: i32, p0: i32, kc: i32, j0: i32, nc: i32, dst: usize,
): void {
  for (let jr = 0; jr < nc; jr += NR) {
    const cols = min(NR, nc - jr);
    let d = dst + <usize>(jr * kc) * 4;
    const base = b + <usize>(p0 * bsP + (j0 + jr) * bsC) * 4;
    if (cols == NR && bsC == 1) {
      let s = base;
      const stepP = <usize>bsP * 4;
      for (let p = 0; p < kc; p++) {
        v128.store(d, v128.load(s));
        v128.store(d, v128.load(s, 16), 16);
        s += stepP;
        d += 32;
      }
    } else if (cols == NR && bsP == 1) {
      // NOTE: transposed B (matmulTransB): each column is contiguous along the depth; columns
      // 0..3 and 4..7 are transposed in 4 × 4 blocks into the two halves of the panel rows.
      const columnStep = <usize>bsC * 4;
      let s = base;
      let p = 0;
      for (; p + 4 <= kc; p += 4) {
        const v0 = v128.load(s);
        const v1 = v128.load(s + columnStep);
        const v2 = v128.load(s + columnStep * 2);
        const v3 = v128.load(s + columnStep * 3);
        storeTransposed(d, 32, v0, v1, v2, v3);
        const high = s + columnStep * 4;
        const v4 = v128.load(high);
        const v5 = v128.load(high + columnStep);
        const v6 = v128.load(high + columnStep * 2);
        const v7 = v128.load(high + columnStep * 3);
        storeTransposed(d + 16, 32, v4, v5, v6, v7);
        s += 16;
        d += 128;
      }
      for (; p < kc; p++) {
        for (let c = 0; c < NR; c++) {
          store<f32>(d + <usize>c * 4, load<f32>(s + <usize>c * columnStep));
        }
        s += 4;
        d += 32;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let c = 0; c < NR; c++) {
          const value: f32 = c < cols ? load<f32>(base + <usize>(p * bsP + c * bsC) * 4) : 0;
          store<f32>(d + <usize>c * 4, value);
        }
        d += 32;
      }
    }
  }
}
