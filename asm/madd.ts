// AssemblyScript: the multiply-add of the matrix kernels, c + a·b on four lanes.
//
// The build compiles the kernels twice (scripts/build-wasm.mjs): with relaxed SIMD this is
// f32x4.relaxed_madd, one fused multiply-add on CPUs that have FMA (rounded once); without it,
// a multiply then an add (rounded twice). Both are float32-exact up to that one rounding.
// NOTE: fusing matters for speed, not accuracy: the micro-kernel issues half the instructions
// per step and needs no register per product, which leaves room for a 6 × 8 tile
// (asm/tile.ts); on x86 gemm goes from about 42 to about 55 GFLOP/s per core.

// @ts-ignore: decorator
@inline
export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(c, f32x4.mul(a, b));
}
