import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAllClose } from '../../test/helpers/close.js';
import {
  bindOptimizer, GRADIENT_STEPS, INITIAL_WEIGHTS, step,
} from '../../test/helpers/optimizer-harness.js';
import { Adagrad } from './adagrad.js';

describe('adagrad', () => {
  it('uses Keras 3 defaults: lr 0.001, initial accumulator 0.1, epsilon 1e-7', () => {
    const optimizer = new Adagrad();
    const { learningRate, initialAccumulatorValue, epsilon } = optimizer;
    assert.deepEqual([learningRate, initialAccumulatorValue, epsilon], [0.001, 0.1, 1e-7]);
  });

  it('accumulates g² from the initial value: a hand-computed first step', () => {
    const optimizer = new Adagrad({ learningRate: 0.1 });
    const bound = bindOptimizer(optimizer, [[1]]);
    step(optimizer, bound, [0.3]); // a = 0.1 + 0.09 = 0.19; w = 1 − 0.1·0.3/√(0.19 + 1e-7)
    assertAllClose(bound.params, [1 - 0.03 / Math.sqrt(0.19 + 1e-7)], { rtol: 1e-6 });
  });

  it('matches the Keras 3 update a += g², w −= lr·g/√(a + ε) over several steps', () => {
    const lr = 0.05;
    const initial = 0.2;
    const optimizer = new Adagrad({
      learningRate: lr, initialAccumulatorValue: initial, epsilon: 1e-4,
    });
    const bound = bindOptimizer(optimizer, [INITIAL_WEIGHTS]);
    const w = [...INITIAL_WEIGHTS];
    const a = w.map(() => initial);
    for (const g of GRADIENT_STEPS) {
      step(optimizer, bound, g);
      for (let i = 0; i < w.length; i++) {
        a[i] += g[i] * g[i];
        w[i] -= (lr * g[i]) / Math.sqrt(a[i] + 1e-4);
      }
    }
    assertAllClose(bound.params, w, { rtol: 1e-5, atol: 1e-6 });
  });
});
