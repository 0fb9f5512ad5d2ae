import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeLayerContract } from '../../test/helpers/layer-contract.js';
import { ConfigError } from '../errors.js';
import { globalRandom, setSeed } from '../random/random.js';
import { Tensor } from '../tensor/tensor.js';
import { Dropout } from './dropout.js';

describe('Dropout', () => {
  // NOTE: reseeding before every forward pass draws the same mask, so the training-mode
  // function is a fixed linear map whose gradient can be checked.
  describeLayerContract('Dropout rate 0.5', {
    make: () => new Dropout({ rate: 0.5 }),
    inputShapes: [[6]],
    params: { trainable: 0, nonTrainable: 0 },
    beforeForward: () => setSeed(7),
  });

  it('in training zeroes values and scales the rest by 1 / (1 − rate)', () => {
    setSeed(3);
    const layer = new Dropout({ rate: 0.25 });
    const x = new Tensor(new Float32Array(4000).fill(2), [400, 10]);
    const y = layer.forward(x, true);
    const kept = y.data.filter((v) => v !== 0);
    assert.ok(kept.every((v) => Math.abs(v - 2 / 0.75) < 1e-6), 'kept values are scaled');
    const dropped = 1 - kept.length / y.size;
    assert.ok(Math.abs(dropped - 0.25) < 0.03, `about a quarter dropped (${dropped})`);
  });

  it('passes inputs through unchanged at inference', () => {
    const layer = new Dropout({ rate: 0.5 });
    const x = new Tensor(new Float32Array([1, 2, 3, 4]), [2, 2]);
    assert.deepEqual([...layer.forward(x, false).data], [1, 2, 3, 4]);
  });

  it('draws the same mask after the same setSeed and another after a different one', () => {
    const layer = new Dropout({ rate: 0.5 });
    const x = new Tensor(new Float32Array(64).fill(1), [8, 8]);
    setSeed(11);
    const first = layer.forward(x, true).data.slice();
    setSeed(11);
    const second = layer.forward(x, true).data.slice();
    setSeed(12);
    const third = layer.forward(x, true).data.slice();
    assert.deepEqual(second, first);
    assert.notDeepEqual(third, first);
  });

  it('keeps a value exactly where globalRandom.uniform() >= rate, drawn a batch at a time', () => {
    const x = new Tensor(new Float32Array(3 * 1001).fill(1), [3, 1001]);
    for (const rate of [0.1, 0.3, 0.5, 0.9]) {
      setSeed(21);
      const y = new Dropout({ rate }).forward(x, true).data.slice();
      setSeed(21);
      const expected = Float32Array.from(y, () => (globalRandom.uniform() >= rate ? 1 / (1 - rate) : 0));
      assert.deepEqual(y, expected);
    }
  });

  it('backward applies the training mask to the gradient', () => {
    setSeed(5);
    const layer = new Dropout({ rate: 0.5 });
    const y = layer.forward(new Tensor(new Float32Array(10).fill(1), [2, 5]), true).data.slice();
    const dx = layer.backward(new Tensor(new Float32Array(10).fill(1), [2, 5]))!;
    assert.deepEqual([...dx.data], [...y], 'dx = dy · mask / (1 − rate)');
  });

  it('rejects a rate outside [0, 1)', () => {
    assert.throws(() => new Dropout({ rate: 1 }), ConfigError);
    assert.throws(() => new Dropout({ rate: -0.1 }), ConfigError);
  });
});
