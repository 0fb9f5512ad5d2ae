// Drives an optimizer the way the trainer does: variables whose value / grad are views into one
// flat parameter buffer and one flat gradient buffer.
import { Variable } from '../../src/layers/variable.js';
import type { Optimizer } from '../../src/optimizers/optimizer.js';

export interface Bound {
  readonly variables: Variable[];
  readonly params: Float32Array;
  readonly grads: Float32Array;
}

/** Variables holding `initial` (one array per variable), bound to flat buffers, optimizer built. */
export function bindOptimizer(
  optimizer: Optimizer, initial: readonly (readonly number[])[],
): Bound {
  const total = initial.reduce((s, v) => s + v.length, 0);
  const params = new Float32Array(total);
  const grads = new Float32Array(total);
  let offset = 0;
  const variables = initial.map((values, i) => {
    const variable = new Variable(`w${i}`, [values.length], { trainable: true });
    params.set(values, offset);
    variable.value = params.subarray(offset, offset + values.length);
    variable.grad = grads.subarray(offset, offset + values.length);
    offset += values.length;
    return variable;
  });
  optimizer.build(variables, total);
  return { variables, params, grads };
}

/** One optimizer step with gradient `g` (flat, all variables in order). */
export function step(optimizer: Optimizer, bound: Bound, g: readonly number[]): void {
  bound.grads.set(g);
  optimizer.apply(bound.params, bound.grads);
}

/** A few gradients that change sign and size from step to step. */
export const GRADIENT_STEPS: readonly (readonly number[])[] = [
  [0.5, -1, 0.02, 2],
  [0.3, -0.2, -0.05, 1.5],
  [-0.4, 0.6, 0.01, -1],
];
export const INITIAL_WEIGHTS: readonly number[] = [1, -2, 0.5, 0.1];

/**
 * Keras 3 Adam in float64: m += (g − m)(1 − β1); v += (g² − v)(1 − β2);
 * α = lr·√(1 − β2ᵗ)/(1 − β1ᵗ); amsgrad v̂ = max(v̂, v); w −= α·m / (√v + ε).
 */
export function adamReference(
  lr: number, beta1: number, beta2: number, epsilon: number, amsgrad: boolean, weightDecay = 0,
  gradients: readonly (readonly number[])[] = GRADIENT_STEPS,
  initial: readonly number[] = INITIAL_WEIGHTS,
): number[] {
  const w = [...initial];
  const m = w.map(() => 0);
  const v = w.map(() => 0);
  const vHat = w.map(() => 0);
  gradients.forEach((g, index) => {
    const t = index + 1;
    const alpha = (lr * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
    for (let i = 0; i < w.length; i++) {
      w[i] -= w[i] * weightDecay * lr;
      m[i] += (g[i] - m[i]) * (1 - beta1);
      v[i] += (g[i] * g[i] - v[i]) * (1 - beta2);
      vHat[i] = Math.max(vHat[i], v[i]);
      w[i] -= (alpha * m[i]) / (Math.sqrt(amsgrad ? vHat[i] : v[i]) + epsilon);
    }
  });
  return w;
}
