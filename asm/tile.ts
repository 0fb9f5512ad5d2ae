// AssemblyScript: the blocking of gemm (asm/gemm.ts), shared with its packing (asm/pack.ts).

/** Rows of the register tile. */
export const MR: i32 = 4;
/** Columns of the register tile (two f32x4 vectors). */
export const NR: i32 = 8;
/** Depth of one packed block: an MR × KC A panel plus a KC × NR B panel fit in L1. */
export const KC: i32 = 256;
/** Rows of A packed at once (an MC × KC block stays in L2). */
export const MC: i32 = 128;
/** Columns of B packed at once (a KC × NC block stays in L2). */
export const NC: i32 = 512;
