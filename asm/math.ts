// AssemblyScript: exp, sigmoid and tanh on four float32 lanes at once.
//
// exp follows the classic Cephes expf scheme: split x = n·ln2 + r with |r| ≤ ln2/2, evaluate a
// polynomial for e^r, scale by 2^n through the exponent bits. Relative error is about
// 2 ulp over the clamped range. NaN lanes stay NaN.

const LOG2E: f32 = 1.44269504088896341;
// NOTE: ln 2 split in two so n·LN2_HIGH is exact for |n| ≤ 128 (Cody-Waite reduction).
const LN2_HIGH: f32 = 0.693359375;
const LN2_LOW: f32 = -2.12194440e-4;
// NOTE: bounds keep 2^n a normal float: below -87.3 the result would be subnormal and is
// returned as about 1e-38 instead, an absolute error under 2e-38.
const EXP_LOW: f32 = -87.3;
const EXP_HIGH: f32 = 88.3;
const ROUNDER: f32 = 12582912; // 1.5·2²³

// @ts-ignore: decorator
@inline
export function expV(x: v128): v128 {
  // NOTE: pmax/pmin (one instruction each, unlike max/min) return their first operand when it
  // is NaN, so NaN lanes pass through the clamp as NaN.
  x = f32x4.pmin(f32x4.pmax(x, f32x4.splat(EXP_LOW)), f32x4.splat(EXP_HIGH));
  // NOTE: adding 1.5·2²³ rounds x·log2(e) to the nearest integer n and leaves n in the low
  // mantissa bits of t, from which 2^n is built below without a float-to-int conversion.
  const t = f32x4.add(f32x4.mul(x, f32x4.splat(LOG2E)), f32x4.splat(ROUNDER));
  const n = f32x4.sub(t, f32x4.splat(ROUNDER));
  const partial = f32x4.sub(x, f32x4.mul(n, f32x4.splat(LN2_HIGH)));
  const r = f32x4.sub(partial, f32x4.mul(n, f32x4.splat(LN2_LOW)));
  // e^r ≈ 1 + r + r²·(c0 + c1·r + … + c5·r⁵), the polynomial in Estrin's form: three independent
  // pairs combined with r² and r⁴. NOTE: Horner's form is one chain of 10 dependent operations,
  // and the loop is latency-bound (the CPU cannot overlap enough iterations); this halves it.
  const r2 = f32x4.mul(r, r);
  const r4 = f32x4.mul(r2, r2);
  const c01 = f32x4.add(f32x4.mul(r, f32x4.splat(1.6666665459e-1)), f32x4.splat(5.0000001201e-1));
  const c23 = f32x4.add(f32x4.mul(r, f32x4.splat(8.3334519073e-3)), f32x4.splat(4.1665795894e-2));
  const c45 = f32x4.add(f32x4.mul(r, f32x4.splat(1.98756915e-4)), f32x4.splat(1.3981999507e-3));
  const polynomial = f32x4.add(f32x4.add(c01, f32x4.mul(c23, r2)), f32x4.mul(c45, r4));
  const y = f32x4.add(f32x4.add(f32x4.mul(polynomial, r2), r), f32x4.splat(1));
  // (bits(t) + 127) << 23: the shift drops the bits of 1.5·2²³ and leaves the exponent n + 127.
  const scale = i32x4.shl(i32x4.add(t, i32x4.splat(127)), 23);
  return f32x4.mul(y, scale);
}

/** 1 / (1 + e^-x), computed from e^-|x| so nothing overflows and small results keep precision. */
// @ts-ignore: decorator
@inline
export function sigmoidV(x: v128): v128 {
  const e = expV(f32x4.neg(f32x4.abs(x)));
  const positive = f32x4.div(f32x4.splat(1), f32x4.add(f32x4.splat(1), e));
  // NOTE: for x < 0, σ(x) = e^x / (1 + e^x) = e · σ(|x|).
  return v128.bitselect(positive, f32x4.mul(e, positive), f32x4.ge(x, f32x4.splat(0)));
}

/**
 * tanh: an odd polynomial below |x| = 0.625 (where 1 - e^-2|x| would cancel), otherwise
 * (1 - e^-2|x|) / (1 + e^-2|x|); the sign is copied back from x.
 */
// @ts-ignore: decorator
@inline
export function tanhV(x: v128): v128 {
  const ax = f32x4.abs(x);
  const z = f32x4.mul(x, x);
  let p = f32x4.splat(-5.70498872745e-3);
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(2.06390887954e-2));
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(-5.37397155531e-2));
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(1.33314422036e-1));
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(-3.33332819422e-1));
  const small = f32x4.add(f32x4.mul(f32x4.mul(p, z), x), x);
  const e = expV(f32x4.mul(ax, f32x4.splat(-2)));
  const magnitude = f32x4.div(f32x4.sub(f32x4.splat(1), e), f32x4.add(f32x4.splat(1), e));
  const signBit = v128.and(x, i32x4.splat(0x80000000));
  const large = v128.or(magnitude, signBit);
  // NOTE: lt is false for NaN, so NaN takes the `large` branch, where it stays NaN.
  return v128.bitselect(small, large, f32x4.lt(ax, f32x4.splat(0.625)));
}
