// Finite-difference gradient checks for float32 code.
//
// The objective is a float64 number computed from the float32 outputs of the code under test
// (usually Σ r·y for a fixed projection r). Each float32 entry is moved by ±step in place and
// the central difference (f(x + h) − f(x − h)) / (x₊ − x₋) is taken, dividing by the step that
// float32 actually stored, not the one asked for.
//
// NOTE: with float32 forward passes the objective carries a relative rounding error of about
// 1e-7 per term; a step of 1e-2 keeps that noise near 1e-5 after division while the O(h²)
// truncation error of the central difference stays near 1e-5 too for the smooth functions
// checked here. The default tolerance (atol 1e-3, rtol 1e-2) sits well above both and well
// below the error of any real mistake (a missing factor, a wrong sign, a dropped term).
import { Random } from '../../src/random/random.js';
import { assertAllClose, type Tolerance } from './close.js';

export const DEFAULT_STEP = 1e-2;
export const DEFAULT_GRADIENT_TOLERANCE: Required<Tolerance> = { rtol: 1e-2, atol: 1e-3 };

/** Central-difference gradient of `objective` with respect to every entry of `values`. */
export function numericGradient(
  objective: () => number, values: Float32Array, step = DEFAULT_STEP,
): Float64Array {
  const gradient = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const original = values[i];
    values[i] = original + step;
    const plus = values[i];
    const fPlus = objective();
    values[i] = original - step;
    const minus = values[i];
    const fMinus = objective();
    values[i] = original;
    gradient[i] = (fPlus - fMinus) / (plus - minus);
  }
  return gradient;
}

/** One array the objective depends on, with the gradient the code under test computed for it. */
export interface GradientTarget {
  readonly name: string;
  readonly values: Float32Array;
  readonly analytic: ArrayLike<number>;
}

/**
 * Asserts the analytic gradient of each target matches central differences of `objective`.
 * The analytic gradients must be computed (and copied) before calling this, at the current values.
 */
export function checkGradients(
  objective: () => number,
  targets: readonly GradientTarget[],
  options: { step?: number; tolerance?: Tolerance } = {},
): void {
  const tolerance = { ...DEFAULT_GRADIENT_TOLERANCE, ...options.tolerance };
  for (const target of targets) {
    const numeric = numericGradient(objective, target.values, options.step);
    assertAllClose(target.analytic, numeric, tolerance, `gradient of ${target.name}`);
  }
}

/** Σ r_i · y_i in float64: the scalar objective used to check a vector-valued function. */
export function project(y: ArrayLike<number>, r: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += r[i] * y[i];
  return sum;
}

/** Uniform float32 values in [lo, hi), from a fixed seed. */
export function uniformArray(length: number, lo: number, hi: number, seed: number): Float32Array {
  const random = new Random(seed);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = lo + (hi - lo) * random.uniform();
  return out;
}

/**
 * Uniform values in [lo, hi) kept at least `margin` away from every kink (points where the
 * function is not differentiable), so central differences never straddle one.
 */
export function awayFromKinks(
  length: number, lo: number, hi: number, kinks: readonly number[], margin: number, seed: number,
): Float32Array {
  const random = new Random(seed);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    let v = lo + (hi - lo) * random.uniform();
    while (kinks.some((k) => Math.abs(v - k) < margin)) v = lo + (hi - lo) * random.uniform();
    out[i] = v;
  }
  return out;
}
