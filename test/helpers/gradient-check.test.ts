// The helpers must be able to fail: a gradient off by a few percent, a layer whose backward is
// wrong, or a layer whose config loses an option are each caught.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Dense } from '../../src/layers/dense.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { assertAllClose, assertBitIdentical, assertClose } from './close.js';
import { checkGradients, numericGradient, project, uniformArray } from './gradient-check.js';
import {
  checkLayerConfigRoundTrip, checkLayerGradients, type LayerContractCase,
} from './layer-contract.js';

/** A Dense layer whose input gradient is 3% too large. */
class SkewedDense extends Dense {
  backward(dy: Tensor): Tensor | null {
    const dx = super.backward(dy);
    if (dx) for (let i = 0; i < dx.data.length; i++) dx.data[i] *= 1.03;
    return dx;
  }
}

/** A Dense layer whose kernel gradient forgets the activation's derivative. */
class ForgetfulDense extends Dense {
  backward(dy: Tensor): Tensor | null {
    return this.backwardFromPreActivation(dy);
  }
}

/** A Dense layer whose config drops its activation. */
class LossyDense extends Dense {
  getConfig() {
    const { className, config } = super.getConfig();
    return { className, config: { ...config, activation: 'linear' } };
  }
}

function contract(make: () => Dense): LayerContractCase {
  return { make, inputShapes: [[3]], params: { trainable: 8, nonTrainable: 0 }, modes: [false] };
}

describe('test helpers', () => {
  it('numericGradient recovers the derivative of a float32 function', () => {
    const x = new Float32Array([0.3, -1.2, 2]);
    const numeric = numericGradient(() => project(x.map((v) => Math.sin(v)), [1, 1, 1]), x);
    assertAllClose(numeric, [...x].map(Math.cos), { rtol: 1e-3, atol: 1e-4 });
  });

  it('checkGradients rejects a gradient that is 3% off', () => {
    const x = uniformArray(6, -1, 1, 1);
    const objective = () => project(x.map((v) => v * v), [1, 1, 1, 1, 1, 1]);
    checkGradients(objective, [{ name: 'x', values: x, analytic: x.map((v) => 2 * v) }]);
    const skewed = [{ name: 'x', values: x, analytic: x.map((v) => 2.06 * v) }];
    assert.throws(() => checkGradients(objective, skewed), /gradient of x/);
  });

  it('the layer contract catches a wrong input gradient', () => {
    checkLayerGradients(contract(() => new Dense({ units: 2, activation: 'tanh' })));
    const skewed = contract(() => new SkewedDense({ units: 2, activation: 'tanh' }));
    assert.throws(() => checkLayerGradients(skewed), /gradient of input 0/);
  });

  it('the layer contract catches a missing activation derivative', () => {
    const forgetful = contract(() => new ForgetfulDense({ units: 2, activation: 'tanh' }));
    assert.throws(() => checkLayerGradients(forgetful), /gradient of/);
  });

  it('the layer contract catches a config that loses an option', () => {
    checkLayerConfigRoundTrip(contract(() => new Dense({ units: 2, activation: 'tanh' })));
    const lossy = contract(() => new LossyDense({ units: 2, activation: 'tanh' }));
    assert.throws(() => checkLayerConfigRoundTrip(lossy));
  });

  it('closeness assertions fail outside their tolerance', () => {
    assertClose(1.0000001, 1, { rtol: 1e-6 });
    assert.throws(() => assertClose(1.001, 1, { rtol: 1e-6 }), /expected 1 but got 1.001/);
    assert.throws(() => assertAllClose([1, 2], [1, 2.1], { rtol: 1e-3 }), /\[1\]/);
    const signedZeros = () => assertBitIdentical(new Float32Array([0]), new Float32Array([-0]));
    assert.throws(signedZeros, /bits differ/);
  });
});
