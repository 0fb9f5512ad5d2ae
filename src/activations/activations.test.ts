import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACTIVATION_KINKS } from '../../test/helpers/activation-kinks.js';
import { assertClose } from '../../test/helpers/close.js';
import {
  awayFromKinks, checkGradients, project, uniformArray,
} from '../../test/helpers/gradient-check.js';
import { ConfigError } from '../errors.js';
import {
  activationName, activationNames, getActivation, type ActivationName,
} from './activations.js';

const KINKS = ACTIVATION_KINKS;

const ROWS = 4;
const COLS = 5;

describe('activations', () => {
  it('cover the thirteen Keras activations of the spec', () => {
    assert.deepEqual([...activationNames].sort(), Object.keys(KINKS).sort());
  });

  for (const name of Object.keys(KINKS) as ActivationName[]) {
    it(`${name}: backward matches central differences of forward (away from kinks)`, () => {
      const activation = getActivation(name);
      const z = awayFromKinks(ROWS * COLS, -4, 4, [...KINKS[name]], 0.05, 3);
      const y = new Float32Array(z.length);
      const r = uniformArray(z.length, -1, 1, 4);
      const objective = () => {
        activation.forward(z, y, ROWS, COLS);
        return project(y, r);
      };
      objective();
      const dz = new Float32Array(z.length);
      activation.backward(z, y, r, dz, ROWS, COLS);
      checkGradients(objective, [{ name: `${name} input`, values: z, analytic: dz }]);
    });
  }

  it('compute Keras 3 values at reference points', () => {
    const at = (name: string, z: number) => {
      const y = new Float32Array(1);
      getActivation(name).forward(new Float32Array([z]), y, 1, 1);
      return y[0];
    };
    const f32 = { rtol: 1e-6, atol: 1e-7 };
    assertClose(at('leaky_relu', -2), -0.4, f32, 'leaky_relu slope 0.2 (the Keras 3 default)');
    assertClose(at('hard_sigmoid', 1), 1 / 6 + 0.5, f32, 'hard_sigmoid = relu6(x + 3) / 6');
    assertClose(at('hard_sigmoid', -3.5), 0, f32, 'hard_sigmoid saturates at 0');
    assertClose(at('gelu', 1), 0.8413447460685429, f32, 'exact (erf) gelu');
    assertClose(at('gelu', -2.5), -0.015524163314440398, f32, 'exact gelu in the erfc branch');
    const seluScale = 1.0507009873554805;
    const seluAlpha = 1.6732632423543772;
    assertClose(at('selu', -1), seluScale * seluAlpha * (Math.exp(-1) - 1), f32, 'selu');
    assertClose(at('elu', -1), Math.exp(-1) - 1, f32, 'elu alpha 1');
    assertClose(at('softplus', 0), Math.LN2, f32, 'softplus');
    assertClose(at('softplus', 100), 100, f32, 'softplus does not overflow');
    assertClose(at('swish', 1), 1 / (1 + Math.exp(-1)), f32, 'swish = x·sigmoid(x)');
    assertClose(at('softsign', 1), 0.5, f32, 'softsign');
    const tiny = 1 / (1 + Math.exp(30));
    assertClose(at('sigmoid', -30), tiny, { rtol: 1e-6, atol: 0 }, 'sigmoid keeps tiny values');
  });

  it('softmax rows sum to one and survive large logits', () => {
    const z = new Float32Array([1000, 1001, 1002, -5, 0, 5]);
    const y = new Float32Array(6);
    getActivation('softmax').forward(z, y, 2, 3);
    for (let r = 0; r < 2; r++) {
      assertClose(y[r * 3] + y[r * 3 + 1] + y[r * 3 + 2], 1, { rtol: 1e-6 }, `row ${r} sum`);
    }
    assert.ok(y.every(Number.isFinite));
    const expected = Math.exp(2) / (1 + Math.exp(1) + Math.exp(2));
    assertClose(y[2], expected, { rtol: 1e-6 }, 'shift-invariant');
  });

  it('accept snake_case and camelCase names and default to linear', () => {
    assert.equal(getActivation('leakyRelu').name, 'leaky_relu');
    assert.equal(getActivation('hardSigmoid').name, 'hard_sigmoid');
    assert.equal(activationName(undefined), 'linear');
    assert.equal(activationName(null), 'linear');
  });

  it('reject an unknown name with a ConfigError that lists the known ones', () => {
    assert.throws(() => getActivation('relu6'), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.code, 'config/unknown-activation');
      assert.match(error.message, /"relu6"/);
      for (const name of activationNames) assert.ok(error.message.includes(name), `lists ${name}`);
      return true;
    });
  });
});
