import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAllClose } from '../../test/helpers/close.js';
import {
  bindOptimizer, GRADIENT_STEPS, INITIAL_WEIGHTS, step,
} from '../../test/helpers/optimizer-harness.js';
import { ConfigError } from '../errors.js';
import { Sgd } from './sgd.js';

/** Keras 3 SGD in float64: m = μ·m − lr·g; w += m, or w += μ·m − lr·g with Nesterov. */
function reference(lr: number, momentum: number, nesterov: boolean): number[] {
  const w = [...INITIAL_WEIGHTS];
  const m = w.map(() => 0);
  for (const g of GRADIENT_STEPS) {
    for (let i = 0; i < w.length; i++) {
      if (momentum === 0) {
        w[i] -= lr * g[i];
        continue;
      }
      m[i] = momentum * m[i] - lr * g[i];
      w[i] += nesterov ? momentum * m[i] - lr * g[i] : m[i];
    }
  }
  return w;
}

function run(optimizer: Sgd): Float32Array {
  const bound = bindOptimizer(optimizer, [INITIAL_WEIGHTS]);
  for (const g of GRADIENT_STEPS) step(optimizer, bound, g);
  return bound.params;
}

describe('sgd', () => {
  it('plain: w −= lr·g, with the Keras default lr 0.01', () => {
    const optimizer = new Sgd();
    assert.equal(optimizer.learningRate, 0.01);
    const bound = bindOptimizer(optimizer, [[1, -2]]);
    step(optimizer, bound, [0.5, -1]);
    assertAllClose(bound.params, [0.995, -1.99], { rtol: 1e-7 });
    assertAllClose(run(new Sgd({ learningRate: 0.1 })), reference(0.1, 0, false), { rtol: 1e-6 });
  });

  it('momentum: two hand-computed steps', () => {
    const optimizer = new Sgd({ learningRate: 0.1, momentum: 0.9 });
    const bound = bindOptimizer(optimizer, [[1]]);
    step(optimizer, bound, [0.5]); // m = −0.05, w = 0.95
    assertAllClose(bound.params, [0.95], { rtol: 1e-7 });
    step(optimizer, bound, [0.5]); // m = 0.9·(−0.05) − 0.05 = −0.095, w = 0.855
    assertAllClose(bound.params, [0.855], { rtol: 1e-6 });
    const momentum = new Sgd({ learningRate: 0.1, momentum: 0.9 });
    assertAllClose(run(momentum), reference(0.1, 0.9, false), { rtol: 1e-6 });
  });

  it('nesterov: w += μ·m − lr·g after updating m', () => {
    const optimizer = new Sgd({ learningRate: 0.1, momentum: 0.9, nesterov: true });
    const bound = bindOptimizer(optimizer, [[1]]);
    step(optimizer, bound, [0.5]); // m = −0.05; w += 0.9·(−0.05) − 0.05 = −0.095
    assertAllClose(bound.params, [0.905], { rtol: 1e-6 });
    const nesterov = new Sgd({ learningRate: 0.1, momentum: 0.9, nesterov: true });
    assertAllClose(run(nesterov), reference(0.1, 0.9, true), { rtol: 1e-6 });
  });

  it('counts iterations', () => {
    const optimizer = new Sgd();
    run(optimizer);
    assert.equal(optimizer.iterations, GRADIENT_STEPS.length);
  });

  it('rejects momentum outside [0, 1] and a non-positive learning rate', () => {
    assert.throws(() => new Sgd({ momentum: 1.5 }), ConfigError);
    assert.throws(() => new Sgd({ learningRate: 0 }), ConfigError);
  });
});
