import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildLayer, describeLayerContract } from '../../test/helpers/layer-contract.js';
import { ConfigError } from '../errors.js';
import { Tensor } from '../tensor/tensor.js';
import type { BaseLayer } from './base-layer.js';
import { Normalization } from './normalization.js';

const MEAN = [0.5, -2, 10];
const VARIANCE = [4, 0.25, 0];

/** Adapted-style statistics, one of them a zero variance (the 1e-7 floor). */
function setAdapted(layer: BaseLayer): void {
  const n = layer as Normalization;
  n.mean!.value.set([0.2, -1, 3]);
  n.variance!.value.set([2.5, 0.01, 9]);
  n.count!.value.set([120]);
}

/** Keras' formula in float64 from float32 statistics: (x − mean) / max(√var, 1e-7). */
function reference(x: readonly number[], mean: readonly number[], variance: readonly number[], invert = false): number[] {
  return x.map((raw, i) => {
    const v = Math.fround(raw);
    const j = i % mean.length;
    const m = Math.fround(mean[j]);
    const std = Math.max(Math.sqrt(Math.fround(variance[j])), Math.fround(1e-7));
    return invert ? v * std + m : (v - m) / std;
  });
}

describe('Normalization', () => {
  describeLayerContract('Normalization with mean and variance in its config', {
    make: () => new Normalization({ mean: [0.5, -2, 1], variance: [4, 0.25, 2] }),
    inputShapes: [[3]],
    params: { trainable: 0, nonTrainable: 0 },
  });

  describeLayerContract('Normalization with adapted weights (mean, variance, count)', {
    make: () => new Normalization(),
    inputShapes: [[3]],
    params: { trainable: 0, nonTrainable: 7 },
    initialize: setAdapted,
  });

  describeLayerContract('Normalization inverted', {
    make: () => new Normalization({ mean: 1.5, variance: 0.5, invert: true }),
    inputShapes: [[4]],
    params: { trainable: 0, nonTrainable: 0 },
  });

  const x = [1, -2, 10, 3.25, 0, 10.5, -7, 8, 9.999];

  it('computes (x − mean) / max(√variance, 1e-7) per feature, as Keras does', () => {
    const layer = new Normalization({ mean: MEAN, variance: VARIANCE });
    buildLayer(layer, [[3]]);
    const y = layer.call([new Tensor(Float32Array.from(x), [3, 3])], false);
    const expected = reference(x, MEAN, VARIANCE);
    y.data.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) <= 1e-6 * Math.max(1, Math.abs(expected[i])), `y[${i}] = ${v}, expected ${expected[i]}`));
  });

  it('broadcasts one mean and variance over every feature, and inverts', () => {
    const layer = new Normalization({ mean: 3, variance: 2, invert: true });
    buildLayer(layer, [[3]]);
    const y = layer.call([new Tensor(Float32Array.from(x), [3, 3])], false);
    const expected = reference(x, [3, 3, 3], [2, 2, 2], true);
    y.data.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) <= 1e-6 * Math.max(1, Math.abs(expected[i])), `y[${i}]`));
  });

  it('Keras\' documented example: mean 3, variance 2 maps 1, 2, 3 to −1.4142135, −0.70710677, 0', () => {
    const layer = new Normalization({ mean: 3, variance: 2 });
    buildLayer(layer, [[1]]);
    const y = layer.call([new Tensor(Float32Array.from([1, 2, 3]), [3, 1])], false);
    assert.deepEqual(Array.from(y.data), [Math.fround(-1.4142135), Math.fround(-0.70710677), 0]);
  });

  it('adapted weights are non-trainable and the statistics are the weights\' values', () => {
    const layer = new Normalization();
    buildLayer(layer, [[3]]);
    setAdapted(layer);
    assert.deepEqual(layer.weights.map((w) => [w.name.split('/')[1], w.trainable, [...w.shape]]), [
      ['mean', false, [3]], ['variance', false, [3]], ['count', false, []],
    ]);
    const y = layer.call([new Tensor(Float32Array.from(x), [3, 3])], true);
    const expected = reference(x, [0.2, -1, 3], [2.5, 0.01, 9]);
    y.data.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) <= 1e-6 * Math.max(1, Math.abs(expected[i])), `y[${i}]`));
  });

  it('refuses another axis, half the statistics, bad values and a wrong feature count', () => {
    assert.throws(() => new Normalization({ axis: 0 }), (e: Error) => e instanceof ConfigError && /axis should be -1/.test(e.message));
    assert.throws(() => new Normalization({ mean: [1] }), /give both mean and variance, or neither/);
    assert.throws(() => new Normalization({ mean: [1], variance: [-1] }), /variance should be a number ≥ 0/);
    assert.throws(() => new Normalization({ mean: [NaN], variance: [1] }), /mean should be a finite number/);
    assert.throws(() => buildLayer(new Normalization({ mean: [1, 2], variance: [1, 1] }), [[3]]), /mean has 2 values but the input has 3 features/);
    assert.doesNotThrow(() => new Normalization({ axis: [-1] }));
  });
});
