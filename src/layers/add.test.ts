import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeLayerContract } from '../../test/helpers/layer-contract.js';
import { ShapeError } from '../errors.js';
import { input } from './input-layer.js';
import { Add } from './add.js';
import { Tensor } from '../tensor/tensor.js';

describe('Add', () => {
  const params = { trainable: 0, nonTrainable: 0 };
  const make = () => new Add();
  describeLayerContract('Add of two inputs', { make, inputShapes: [[3], [3]], params });
  describeLayerContract('Add of three inputs', { make, inputShapes: [[2], [2], [2]], params });

  it('sums its inputs element-wise', () => {
    const layer = new Add();
    layer.apply([input({ shape: [2] }), input({ shape: [2] })]);
    const y = layer.call([
      new Tensor(new Float32Array([1, 2, 3, 4]), [2, 2]),
      new Tensor(new Float32Array([10, 20, 30, 40]), [2, 2]),
    ]);
    assert.deepEqual([...y.data], [11, 22, 33, 44]);
  });

  it('rejects inputs of different shapes with a ShapeError', () => {
    const inputs = [input({ shape: [2] }), input({ shape: [3] })];
    assert.throws(() => new Add().apply(inputs), ShapeError);
  });
});
