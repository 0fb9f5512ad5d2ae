import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACTIVATION_KINKS } from '../../test/helpers/activation-kinks.js';
import { awayFromKinks } from '../../test/helpers/gradient-check.js';
import { describeLayerContract } from '../../test/helpers/layer-contract.js';
import { activationNames } from '../activations/activations.js';
import { ConfigError } from '../errors.js';
import { Tensor } from '../tensor/tensor.js';
import { ActivationLayer } from './activation-layer.js';

describe('Activation', () => {
  for (const activation of activationNames) {
    describeLayerContract(`Activation ${activation}`, {
      make: () => new ActivationLayer({ activation }),
      inputShapes: [[4]],
      params: { trainable: 0, nonTrainable: 0 },
      inputValues: (_k, length) =>
        awayFromKinks(length, -4, 4, ACTIVATION_KINKS[activation], 0.05, 51),
    });
  }

  it('applies the activation element-wise', () => {
    const layer = new ActivationLayer({ activation: 'relu' });
    const y = layer.forward(new Tensor(new Float32Array([-1, 2, 0, -3]), [2, 2]), false);
    assert.deepEqual([...y.data], [0, 2, 0, 0]);
  });

  it('saves the canonical snake_case name for a camelCase identifier', () => {
    const config = new ActivationLayer({ activation: 'leakyRelu' }).getConfig().config;
    assert.equal(config.activation, 'leaky_relu');
  });

  it('rejects an unknown activation', () => {
    assert.throws(() => new ActivationLayer({ activation: 'sine' }), ConfigError);
  });
});
