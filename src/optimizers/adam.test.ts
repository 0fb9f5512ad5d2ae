import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAllClose } from '../../test/helpers/close.js';
import {
  adamReference, bindOptimizer, GRADIENT_STEPS, INITIAL_WEIGHTS, step,
} from '../../test/helpers/optimizer-harness.js';
import { Adam } from './adam.js';

function run(optimizer: Adam, gradients = GRADIENT_STEPS): Float32Array {
  const bound = bindOptimizer(optimizer, [INITIAL_WEIGHTS]);
  for (const g of gradients) step(optimizer, bound, g);
  return bound.params;
}

describe('adam', () => {
  it('uses Keras 3 defaults: lr 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7', () => {
    const optimizer = new Adam();
    const { learningRate, beta1, beta2, epsilon, amsgrad } = optimizer;
    const defaults = [0.001, 0.9, 0.999, 1e-7, false];
    assert.deepEqual([learningRate, beta1, beta2, epsilon, amsgrad], defaults);
  });

  it('adds epsilon to √v after folding the bias correction into the step size', () => {
    const optimizer = new Adam({ learningRate: 0.01 });
    const bound = bindOptimizer(optimizer, [[1]]);
    step(optimizer, bound, [1e-6]);
    // Hand-computed first step: α·m / (√v + ε) = lr·g / (|g| + ε/√(1 − β2))
    // = 0.01·1e-6 / (1e-6 + 3.1623e-6) = 0.0024025 (textbook lr·m̂ / (√v̂ + ε): 0.0090909).
    const moved = (0.01 * 1e-6) / (1e-6 + 1e-7 / Math.sqrt(0.001));
    assertAllClose(bound.params, [1 - moved], { rtol: 1e-6 });
  });

  it('matches the Keras 3 update over several steps', () => {
    const close = { rtol: 1e-5, atol: 1e-6 };
    const expected = adamReference(0.01, 0.9, 0.999, 1e-7, false);
    assertAllClose(run(new Adam({ learningRate: 0.01 })), expected, close);
    const custom = new Adam({ learningRate: 0.05, beta1: 0.5, beta2: 0.9, epsilon: 1e-3 });
    assertAllClose(run(custom), adamReference(0.05, 0.5, 0.9, 1e-3, false), close);
  });

  it('amsgrad: divides by the running maximum of v', () => {
    // Large, then small gradients: v falls, v̂ keeps the maximum, so the two updates differ.
    const gradients = [[2, -2, 1, 3], [0.1, 0.1, -0.1, 0.2], [0.05, -0.05, 0.1, 0.1]];
    const amsgrad = run(new Adam({ learningRate: 0.01, beta2: 0.5, amsgrad: true }), gradients);
    const expected = adamReference(0.01, 0.9, 0.5, 1e-7, true, 0, gradients);
    assertAllClose(amsgrad, expected, { rtol: 1e-5, atol: 1e-6 });
    const plain = adamReference(0.01, 0.9, 0.5, 1e-7, false, 0, gradients);
    assert.ok(Math.abs(expected[0] - plain[0]) > 1e-4, 'the case tells amsgrad from plain Adam');
  });
});
