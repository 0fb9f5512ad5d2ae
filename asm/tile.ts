// AssemblyScript: the blocking of gemm (asm/gemm.ts), shared with its packing (asm/pack.ts).

/**
 * Rows of the register tile. NOTE: measured on x86-64 (V8 allocates 15 vector registers): with
 * fused multiply-adds a 6 × 8 tile (12 accumulators, 2 B vectors, 1 broadcast) runs gemm about
 * 15% faster than 4 × 8, whose 8 independent accumulators barely cover the multiply-add latency.
 * Without fusing, each product needs a register of its own and 6 rows spill; that build keeps
 * 4 rows (5 measured no faster in gemm).
 */
export const MR: i32 = ASC_FEATURE_RELAXED_SIMD ? 6 : 4;
/** Columns of the register tile (two f32x4 vectors). */
export const NR: i32 = 8;
/** Depth of one packed block: an MR × KC A panel plus a KC × NR B panel fit in L1. */
export const KC: i32 = 256;
/** Rows of A packed at once (an MC × KC block stays in L2), a whole number of tiles. */
export const MC: i32 = MR * 24;
/** Columns of B packed at once (a KC × NC block stays in L2). */
export const NC: i32 = 512;
