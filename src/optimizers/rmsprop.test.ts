import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAllClose } from '../../test/helpers/close.js';
import {
  bindOptimizer, GRADIENT_STEPS, INITIAL_WEIGHTS, step,
} from '../../test/helpers/optimizer-harness.js';
import { Rmsprop, type RmspropArgs } from './rmsprop.js';

/**
 * Keras 3 RMSprop in float64: v = ρv + (1 − ρ)g²; centered a = ρa + (1 − ρ)g;
 * increment = lr·g / √(v − a² + ε) (ε inside the root); momentum: m = μm + increment, w −= m.
 */
interface ReferenceArgs {
  learningRate: number;
  rho: number;
  momentum: number;
  epsilon: number;
  centered: boolean;
}

function reference(args: ReferenceArgs): number[] {
  const { learningRate: lr, rho, momentum, epsilon, centered } = args;
  const w = [...INITIAL_WEIGHTS];
  const v = w.map(() => 0);
  const a = w.map(() => 0);
  const m = w.map(() => 0);
  for (const g of GRADIENT_STEPS) {
    for (let i = 0; i < w.length; i++) {
      v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
      let denominator = v[i] + epsilon;
      if (centered) {
        a[i] = rho * a[i] + (1 - rho) * g[i];
        denominator -= a[i] * a[i];
      }
      const increment = (lr * g[i]) / Math.sqrt(denominator);
      if (momentum > 0) {
        m[i] = momentum * m[i] + increment;
        w[i] -= m[i];
      } else {
        w[i] -= increment;
      }
    }
  }
  return w;
}

function run(args: RmspropArgs): Float32Array {
  const optimizer = new Rmsprop(args);
  const bound = bindOptimizer(optimizer, [INITIAL_WEIGHTS]);
  for (const g of GRADIENT_STEPS) step(optimizer, bound, g);
  return bound.params;
}

const base = { learningRate: 0.01, rho: 0.9, momentum: 0, epsilon: 1e-7, centered: false };

describe('rmsprop', () => {
  it('uses Keras 3 defaults: lr 0.001, rho 0.9, momentum 0, epsilon 1e-7, not centered', () => {
    const optimizer = new Rmsprop();
    assert.deepEqual(
      [optimizer.learningRate, optimizer.rho, optimizer.momentum, optimizer.epsilon,
        optimizer.centered],
      [0.001, 0.9, 0, 1e-7, false],
    );
  });

  it('puts epsilon inside the square root (hand-computed first step with a tiny gradient)', () => {
    const optimizer = new Rmsprop({ learningRate: 0.01 });
    const bound = bindOptimizer(optimizer, [[1]]);
    step(optimizer, bound, [1e-3]);
    // v = 0.1·1e-6 = 1e-7; increment = 0.01·1e-3 / √(1e-7 + 1e-7) = 0.0223607
    // (with epsilon outside the root it would be 0.0316)
    assertAllClose(bound.params, [1 - 0.01 * 1e-3 / Math.sqrt(2e-7)], { rtol: 1e-6 });
  });

  it('plain: matches the Keras 3 update over several steps', () => {
    assertAllClose(run(base), reference(base), { rtol: 1e-5, atol: 1e-6 });
  });

  it('with momentum: matches the Keras 3 update over several steps', () => {
    const args = { ...base, momentum: 0.8 };
    assertAllClose(run(args), reference(args), { rtol: 1e-5, atol: 1e-6 });
  });

  it('centered: matches the Keras 3 update over several steps', () => {
    const args = { ...base, centered: true, rho: 0.8 };
    assertAllClose(run(args), reference(args), { rtol: 1e-5, atol: 1e-6 });
  });

  it('centered with momentum: matches the Keras 3 update over several steps', () => {
    const args = { ...base, centered: true, momentum: 0.5 };
    assertAllClose(run(args), reference(args), { rtol: 1e-5, atol: 1e-6 });
  });
});
