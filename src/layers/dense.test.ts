import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACTIVATION_KINKS } from '../../test/helpers/activation-kinks.js';
import { assertAllClose } from '../../test/helpers/close.js';
import { DEFAULT_STEP } from '../../test/helpers/gradient-check.js';
import { buildLayer, describeLayerContract } from '../../test/helpers/layer-contract.js';
import { activationNames, type ActivationName } from '../activations/activations.js';
import { ConfigError, ShapeError } from '../errors.js';
import { Random } from '../random/random.js';
import { Tensor } from '../tensor/tensor.js';
import type { BaseLayer } from './base-layer.js';
import { Dense, type DenseArgs } from './dense.js';

const IN = 4;
const UNITS = 3;

/**
 * Inputs whose pre-activations z = x·W + b all stay clear of the activation's kinks by more than
 * any single central-difference step can move them (step · max(|x|, |W|, 1) per coordinate).
 */
function kinkFreeInputs(activation: ActivationName) {
  let dense: Dense | undefined;
  return {
    initialize: (layer: BaseLayer) => {
      dense = layer as Dense;
    },
    inputValues: (_k: number, length: number) => {
      const kinks = ACTIVATION_KINKS[activation];
      const w = dense!.kernel!.value;
      const b = dense!.bias?.value;
      const maxW = w.reduce((m, v) => Math.max(m, Math.abs(v)), 1.5);
      const margin = 3 * DEFAULT_STEP * maxW;
      const random = new Random(41);
      const out = new Float32Array(length);
      for (let row = 0; row < length / IN; row++) {
        for (;;) {
          for (let i = 0; i < IN; i++) out[row * IN + i] = random.uniform() * 3 - 1.5;
          let clear = true;
          for (let j = 0; j < UNITS; j++) {
            let z = b ? b[j] : 0;
            for (let i = 0; i < IN; i++) z += out[row * IN + i] * w[i * UNITS + j];
            if (kinks.some((k) => Math.abs(z - k) < margin)) clear = false;
          }
          if (clear) break;
        }
      }
      return out;
    },
  };
}

function denseCase(
  args: DenseArgs, activation: ActivationName, params: { trainable: number; nonTrainable: number },
) {
  return {
    make: () => new Dense(args),
    inputShapes: [[IN]],
    params,
    ...kinkFreeInputs(activation),
  };
}

describe('Dense', () => {
  for (const activation of activationNames) {
    describeLayerContract(
      `Dense with ${activation}`,
      denseCase(
        { units: UNITS, activation, biasInitializer: { className: 'random_uniform', config: {} } },
        activation,
        { trainable: IN * UNITS + UNITS, nonTrainable: 0 },
      ),
    );
  }

  describeLayerContract(
    'Dense without bias, with regularizers and a named initializer',
    denseCase(
      {
        units: UNITS, activation: 'tanh', useBias: false, kernelInitializer: 'he_normal',
        kernelRegularizer: 'l2',
      },
      'tanh',
      { trainable: IN * UNITS, nonTrainable: 0 },
    ),
  );

  describeLayerContract(
    'Dense frozen with trainable: false',
    denseCase(
      { units: UNITS, activation: 'sigmoid', trainable: false },
      'sigmoid',
      { trainable: 0, nonTrainable: IN * UNITS + UNITS },
    ),
  );

  it('computes activation(x · kernel + bias)', () => {
    const layer = new Dense({ units: 2, activation: 'relu' });
    buildLayer(layer, [[3]]);
    layer.kernel!.value.set([1, -1, 2, 0, 0.5, 1]); // (3, 2)
    layer.bias!.value.set([0.5, -3]);
    const y = layer.call([new Tensor(new Float32Array([1, 2, 3, -1, 0, 1]), [2, 3])], false);
    // row 0: [1 + 4 + 1.5 + 0.5, −1 + 0 + 3 − 3] = [7, −1] → relu [7, 0]
    // row 1: [−1 + 0.5 + 0.5, 1 + 1 − 3] → [0, 0]
    assertAllClose(y.data, [7, 0, 0, 0], { atol: 1e-6 });
  });

  it('uses Keras defaults: glorot_uniform kernel, zeros bias, linear activation', () => {
    const config = new Dense({ units: 2 }).getConfig().config;
    assert.deepEqual(config.kernelInitializer, { className: 'glorot_uniform', config: {} });
    assert.deepEqual(config.biasInitializer, { className: 'zeros', config: {} });
    assert.equal(config.activation, 'linear');
    assert.equal(config.useBias, true);
  });

  it('rejects a batch with the wrong number of features', () => {
    const layer = new Dense({ units: 2 });
    buildLayer(layer, [[3]]);
    const wide = new Tensor(new Float32Array(8), [2, 4]);
    assert.throws(() => layer.call([wide], false), (error: unknown) => {
      assert.ok(error instanceof ShapeError);
      assert.equal(error.code, 'shape/feature-count');
      assert.match(error.message, /expects 3 input features but got 4/);
      return true;
    });
  });

  it('rejects non-positive or fractional units and unknown activations', () => {
    assert.throws(() => new Dense({ units: 0 }), ConfigError);
    assert.throws(() => new Dense({ units: 2.5 }), ConfigError);
    assert.throws(() => new Dense({ units: 2, activation: 'sigmoidal' }), ConfigError);
  });
});
