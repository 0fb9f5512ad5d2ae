// AssemblyScript: C (m, n) = A (m, k) · B (k, n) for any element strides of A and B, with C
// row-major. The three public layouts (matmul, matmulTransA, matmulTransB) are this one routine
// with different strides. All pointers are byte offsets into linear memory; sizes count floats.
//
// The structure is the classic one of GotoBLAS/BLIS: B is copied ("packed") into panels of NR
// columns and A into panels of MR rows, each laid out in the order the micro-kernel reads them,
// so the innermost loop streams two contiguous buffers that stay in L1/L2 whatever the strides of
// the caller's arrays. Edges (m, n not multiples of the tile) are zero-padded in the packed
// copies. The last rows of a matrix (fewer than MR) go through smaller kernels that write
// straight to C; tiles short of columns are computed whole into a small tile buffer, and their
// valid part is written out.

import { dotColumns, dotRows, outer } from './gemv';
import { micro, microFour, microTwo } from './micro';
import { packA, packB } from './pack';
import { KC, MC, MR, NC, NR } from './tile';

export { MR, NR };

/** Bytes of scratch `gemm` needs: packed A block, packed B block and one tile. */
export function gemmWorkspaceBytes(): i32 {
  return (MC * KC + KC * NC + MR * NR) * 4;
}

/** Rows of the register tile (this build's MR): the unit in which threads split rows. */
export function gemmTileRows(): i32 {
  return MR;
}

// Copies the valid rows × cols corner of C (stride ldc floats) into a full MR × NR tile, zeros
// elsewhere, so an edge tile accumulates exactly as a full one does in place.
function loadEdge(tile: usize, c: usize, ldc: i32, rows: i32, cols: i32): void {
  memory.fill(tile, 0, <usize>(MR * NR) * 4);
  for (let r = 0; r < rows; r++) {
    memory.copy(tile + <usize>(r * NR) * 4, c + <usize>(r * ldc) * 4, <usize>cols * 4);
  }
}

// Writes the valid rows × cols corner of a full MR × NR tile into C (stride ldc floats).
function storeEdge(tile: usize, c: usize, ldc: i32, rows: i32, cols: i32): void {
  for (let r = 0; r < rows; r++) {
    memory.copy(c + <usize>(r * ldc) * 4, tile + <usize>(r * NR) * 4, <usize>cols * 4);
  }
}

/**
 * C (m, n) = A · B, C row-major with a row stride of ldc floats; A (i, p) at a + (i*asI + p*asP)*4,
 * B (p, j) at b + (p*bsP + j*bsC)*4. One output row or column goes to the matrix-vector loops.
 */
export function gemm(
  a: usize, asI: i32, asP: i32, b: usize, bsP: i32, bsC: i32,
  c: usize, ldc: i32, m: i32, k: i32, n: i32, work: usize,
): void {
  // NOTE: one output column or row is a matrix-vector product, and depth one an outer product;
  // the tiled path would pad the first to a full register tile (8 columns or MR rows) and waste
  // most of its work, and spend more on packing and tile calls than on the second.
  if (n == 1 && bsP == 1 && ldc == 1 && k > 0) {
    if (asP == 1) return dotRows(a, b, c, m, k);
    if (asI == 1) return dotColumns(a, b, c, m, k);
  }
  if (m == 1 && asP == 1 && k > 0) {
    if (bsC == 1) return dotColumns(b, a, c, n, k);
    if (bsP == 1) return dotRows(b, a, c, n, k);
  }
  if (k == 1 && bsC == 1) return outer(a, asI, b, c, ldc, m, n);
  gemmTiled(a, asI, asP, b, bsP, bsC, c, ldc, m, k, n, work);
}

/**
 * `gemm` always through the packed tiles, whatever the shape. NOTE: every element of C is the
 * same sum in the same order (the products in order of depth p, the first added to 0, and every
 * depth block of KC continuing from what the previous one left in C; edge tiles too) whichever
 * rows and columns a call covers, so splitting C into parts computed by separate calls (threads)
 * gives bit-identical results; the matrix-vector loops sum in another order, which is why parts
 * never go there.
 */
export function gemmTiled(
  a: usize, asI: i32, asP: i32, b: usize, bsP: i32, bsC: i32,
  c: usize, ldc: i32, m: i32, k: i32, n: i32, work: usize,
): void {
  if (m <= 0 || n <= 0) return;
  if (k <= 0) {
    for (let i = 0; i < m; i++) memory.fill(c + <usize>(i * ldc) * 4, 0, <usize>n * 4);
    return;
  }
  const packedA = work;
  const packedB = work + <usize>(MC * KC) * 4;
  const tile = packedB + <usize>(KC * NC) * 4;
  const rowBytes = <usize>ldc * 4;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      const accumulate = pc > 0;
      packB(b, bsP, bsC, pc, kc, jc, nc, packedB);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        packA(a, asI, asP, ic, mc, pc, kc, packedA);
        for (let jr = 0; jr < nc; jr += NR) {
          const cols = min(NR, nc - jr);
          const panelB = packedB + <usize>(jr * kc) * 4;
          for (let ir = 0; ir < mc; ir += MR) {
            const rows = min(MR, mc - ir);
            const panelA = packedA + <usize>(ir * kc) * 4;
            const out = c + <usize>((ic + ir) * ldc + jc + jr) * 4;
            if (rows == MR && cols == NR) {
              micro(kc, panelA, panelB, out, rowBytes, accumulate);
            } else if (rows <= 2 && cols == NR) {
              microTwo(kc, panelA, panelB, out, rowBytes, accumulate, rows);
            } else if (rows <= 4 && cols == NR) {
              microFour(kc, panelA, panelB, out, rowBytes, accumulate, rows);
            } else {
              if (accumulate) loadEdge(tile, out, ldc, rows, cols);
              micro(kc, panelA, panelB, tile, <usize>NR * 4, accumulate);
              storeEdge(tile, out, ldc, rows, cols);
            }
          }
        }
      }
    }
  }
}
