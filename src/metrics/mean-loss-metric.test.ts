import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../errors.js';
import { batchOf } from './batch-of.js';
import { logLoss, multiclassLogLoss } from './evaluation/log-loss.js';
import { MeanLossMetric } from './mean-loss-metric.js';

const close = (actual: number, expected: number, tolerance = 1e-12) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `expected ${expected}, got ${actual}`);

describe('MeanLossMetric', () => {
  it("binary_crossentropy equals log loss with Keras' clipping (eps 1e-7), weighted mean over batches", () => {
    const yTrue = [1, 0, 1, 0, 1];
    const scores = [0.9, 0.2, 0.3, 0, 1].map(Math.fround);
    const weights = [1, 2, 0.5, 1, 3];
    const m = new MeanLossMetric('binary_crossentropy');
    m.update(batchOf(yTrue.slice(0, 2), scores.slice(0, 2), { sampleWeight: weights.slice(0, 2) }));
    m.update(batchOf(yTrue.slice(2), scores.slice(2), { sampleWeight: weights.slice(2) }));
    close(m.result(), logLoss(yTrue, scores, { eps: 1e-7, sampleWeight: weights }).value, 1e-9);
    assert.equal(m.direction, 'down');
  });

  it('binary_crossentropy from logits equals the probability form, and stays finite at extreme logits', () => {
    const logits = [3, -2, 0.5];
    const yTrue = [1, 0, 0];
    const fromLogits = new MeanLossMetric('binary_crossentropy', { fromLogits: true });
    fromLogits.update(batchOf(yTrue, logits));
    const expected = logits.reduce((sum, x, i) => {
      const p = 1 / (1 + Math.exp(-x));
      return sum - (yTrue[i] * Math.log(p) + (1 - yTrue[i]) * Math.log(1 - p));
    }, 0);
    close(fromLogits.result(), expected / logits.length, 1e-7);
    const extreme = new MeanLossMetric('binary_crossentropy', { fromLogits: true });
    extreme.update(batchOf([1, 0, 0], [40, -40, 40]));
    close(extreme.result(), 40 / 3, 1e-9);
  });

  it('categorical and sparse categorical cross-entropy equal the multiclass log loss', () => {
    const yTrue = [0, 2, 1];
    const probs = [
      [0.7, 0.2, 0.1],
      [0.1, 0.3, 0.6],
      [0.25, 0.5, 0.25],
    ];
    const oneHot = yTrue.map((c) => [0, 1, 2].map((k) => (k === c ? 1 : 0)));
    const expected = multiclassLogLoss(yTrue, probs.map((row) => row.map(Math.fround)), { eps: 1e-7 }).value;
    const categorical = new MeanLossMetric('categorical_crossentropy');
    categorical.update(batchOf(oneHot, probs));
    const sparse = new MeanLossMetric('sparse_categorical_crossentropy');
    sparse.update(batchOf(yTrue, probs));
    close(categorical.result(), expected, 1e-7);
    close(sparse.result(), expected, 1e-7);
  });

  it('mean_squared_error is the weighted mean of per-row mean squared errors', () => {
    const m = new MeanLossMetric('mean_squared_error');
    m.update(batchOf([[1, 0], [0, 0]], [[0.5, 0.5], [1, 0]], { sampleWeight: [1, 3] }));
    close(m.result(), (1 * 0.25 + 3 * 0.5) / 4, 1e-7);
  });

  it('rejects label smoothing outside [0, 1) and logits for mean_squared_error', () => {
    assert.throws(() => new MeanLossMetric('binary_crossentropy', { labelSmoothing: 1 }), ConfigError);
    assert.throws(() => new MeanLossMetric('mean_squared_error', { fromLogits: true }), ConfigError);
  });
});
