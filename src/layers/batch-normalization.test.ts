import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAllClose, assertClose } from '../../test/helpers/close.js';
import { buildLayer, describeLayerContract } from '../../test/helpers/layer-contract.js';
import { ConfigError } from '../errors.js';
import { Tensor } from '../tensor/tensor.js';
import type { BaseLayer } from './base-layer.js';
import { BatchNormalization } from './batch-normalization.js';

/** Non-trivial γ, β and moving statistics, so inference mode is more than the identity. */
function setStatistics(layer: BaseLayer): void {
  const bn = layer as BatchNormalization;
  bn.gamma!.value.set([0.5, 1.5, -0.8]);
  bn.beta!.value.set([0.1, -0.2, 0.3]);
  bn.movingMean!.value.set([0.2, -0.1, 0.4]);
  bn.movingVariance!.value.set([0.5, 2, 1.3]);
}

describe('BatchNormalization', () => {
  describeLayerContract('BatchNormalization', {
    make: () => new BatchNormalization(),
    inputShapes: [[3]],
    params: { trainable: 6, nonTrainable: 6 },
    rows: 6,
    initialize: setStatistics,
  });

  describeLayerContract('BatchNormalization without center and scale', {
    make: () =>
      new BatchNormalization({ center: false, scale: false, momentum: 0.9, epsilon: 0.01 }),
    inputShapes: [[3]],
    params: { trainable: 0, nonTrainable: 6 },
    rows: 6,
  });

  const x = new Float32Array([1, 10, -2, 3, 14, 0, 5, 12, 4, -1, 8, 2]); // (4, 3)
  const columns = [[1, 3, 5, -1], [10, 14, 12, 8], [-2, 0, 4, 2]];
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const biasedVariance = (v: number[]) => mean(v.map((a) => (a - mean(v)) ** 2));

  it('in training normalizes with the batch mean and biased variance (epsilon 1e-3)', () => {
    const layer = new BatchNormalization();
    buildLayer(layer, [[3]]);
    const y = layer.call([new Tensor(x.slice(), [4, 3])], true);
    const expected = new Float32Array(12);
    columns.forEach((c, j) => c.forEach((v, i) => {
      expected[i * 3 + j] = (v - mean(c)) / Math.sqrt(biasedVariance(c) + 1e-3);
    }));
    assertAllClose(y.data, expected, { rtol: 1e-5, atol: 1e-6 });
  });

  it('updates the moving statistics as moving·0.99 + batch·0.01 (Keras defaults)', () => {
    const layer = new BatchNormalization();
    buildLayer(layer, [[3]]);
    layer.call([new Tensor(x.slice(), [4, 3])], true);
    columns.forEach((c, j) => {
      const close = { rtol: 1e-5 };
      const movingMean = 0 * 0.99 + mean(c) * 0.01;
      const movingVariance = 1 * 0.99 + biasedVariance(c) * 0.01;
      assertClose(layer.movingMean!.value[j], movingMean, close, `moving mean ${j}`);
      assertClose(layer.movingVariance!.value[j], movingVariance, close, `moving variance ${j}`);
    });
  });

  it('at inference uses the moving statistics and leaves them unchanged', () => {
    const layer = new BatchNormalization();
    buildLayer(layer, [[3]]);
    setStatistics(layer);
    const y = layer.call([new Tensor(x.slice(), [4, 3])], false);
    const gamma = [0.5, 1.5, -0.8];
    const beta = [0.1, -0.2, 0.3];
    const mm = [0.2, -0.1, 0.4];
    const mv = [0.5, 2, 1.3];
    const expected = new Float32Array(12);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 3; j++) {
        const normalized = (x[i * 3 + j] - mm[j]) / Math.sqrt(mv[j] + 1e-3);
        expected[i * 3 + j] = gamma[j] * normalized + beta[j];
      }
    }
    assertAllClose(y.data, expected, { rtol: 1e-5, atol: 1e-6 });
    assertAllClose(layer.movingMean!.value, mm, { rtol: 1e-7 });
    assertAllClose(layer.movingVariance!.value, mv, { rtol: 1e-7 });
  });

  it('when frozen (trainable: false) runs in inference mode in training too, as in Keras 3', () => {
    const layer = new BatchNormalization({ trainable: false });
    buildLayer(layer, [[3]]);
    setStatistics(layer);
    const inference = layer.call([new Tensor(x.slice(), [4, 3])], false).data.slice();
    const training = layer.call([new Tensor(x.slice(), [4, 3])], true).data.slice();
    assertAllClose(training, inference, { rtol: 0, atol: 0 });
    const unchanged = { rtol: 1e-7 };
    assertAllClose(layer.movingMean!.value, [0.2, -0.1, 0.4], unchanged, 'moving mean unchanged');
    assertAllClose(layer.movingVariance!.value, [0.5, 2, 1.3], unchanged, 'moving var unchanged');
  });

  it('rejects momentum outside [0, 1] and non-positive epsilon', () => {
    assert.throws(() => new BatchNormalization({ momentum: 1.5 }), ConfigError);
    assert.throws(() => new BatchNormalization({ epsilon: 0 }), ConfigError);
  });
});
