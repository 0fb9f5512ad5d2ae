import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeLayerContract } from '../../test/helpers/layer-contract.js';
import { ConfigError } from '../errors.js';
import { Tensor } from '../tensor/tensor.js';
import { Concatenate } from './concatenate.js';
import { input } from './input-layer.js';

describe('Concatenate', () => {
  const params = { trainable: 0, nonTrainable: 0 };
  const make = () => new Concatenate();
  describeLayerContract('Concatenate of two inputs', { make, inputShapes: [[2], [3]], params });
  const three = { make, inputShapes: [[1], [3], [2]], params };
  describeLayerContract('Concatenate of three inputs', three);

  it('joins rows along the features', () => {
    const layer = new Concatenate();
    const out = layer.apply([input({ shape: [1] }), input({ shape: [2] })]);
    assert.deepEqual(out.shape, [null, 3]);
    const y = layer.call([
      new Tensor(new Float32Array([1, 2]), [2, 1]),
      new Tensor(new Float32Array([10, 11, 20, 21]), [2, 2]),
    ]);
    assert.deepEqual([...y.data], [1, 10, 11, 2, 20, 21]);
  });

  it('needs at least two inputs', () => {
    assert.throws(() => new Concatenate().apply([input({ shape: [2] })]), ConfigError);
  });
});
