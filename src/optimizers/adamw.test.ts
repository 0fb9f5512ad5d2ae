import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAllClose } from '../../test/helpers/close.js';
import {
  adamReference, bindOptimizer, GRADIENT_STEPS, INITIAL_WEIGHTS, step,
} from '../../test/helpers/optimizer-harness.js';
import { ConfigError } from '../errors.js';
import { Adamw } from './adamw.js';
import { exponentialDecay } from './schedules.js';

describe('adamw', () => {
  it('uses the Keras 3 default weight decay 0.004', () => {
    assert.equal(new Adamw().weightDecay, 0.004);
  });

  it('decays weights by w·weightDecay·lr before the Adam step (zero gradient, by hand)', () => {
    const optimizer = new Adamw({ learningRate: 0.1, weightDecay: 0.5 });
    const bound = bindOptimizer(optimizer, [[2, -4]]);
    step(optimizer, bound, [0, 0]);
    assertAllClose(bound.params, [2 - 2 * 0.05, -4 + 4 * 0.05], { rtol: 1e-7 });
  });

  it('matches the Keras 3 update (decay, then Adam) over several steps', () => {
    const optimizer = new Adamw({ learningRate: 0.01, weightDecay: 0.1 });
    const bound = bindOptimizer(optimizer, [INITIAL_WEIGHTS]);
    for (const g of GRADIENT_STEPS) step(optimizer, bound, g);
    const expected = adamReference(0.01, 0.9, 0.999, 1e-7, false, 0.1);
    assertAllClose(bound.params, expected, { rtol: 1e-5, atol: 1e-6 });
  });

  it('decays with the scheduled learning rate of the current step', () => {
    const halving = { initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5 };
    const learningRate = exponentialDecay(halving);
    const optimizer = new Adamw({ learningRate, weightDecay: 1 });
    const bound = bindOptimizer(optimizer, [[1]]);
    step(optimizer, bound, [0]); // lr(0) = 0.1: w = 0.9
    step(optimizer, bound, [0]); // lr(1) = 0.05: w = 0.9·0.95 = 0.855
    assertAllClose(bound.params, [0.855], { rtol: 1e-6 });
  });

  it('rejects a negative weight decay', () => {
    assert.throws(() => new Adamw({ weightDecay: -1 }), ConfigError);
  });
});
