import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ShapeError } from '../errors.js';
import { batchOf } from './batch-of.js';
import { TopKCategoricalAccuracy } from './top-k-categorical-accuracy.js';

describe('TopKCategoricalAccuracy', () => {
  it("matches Keras' example: k=1 over [[0,0,1],[0,1,0]] vs [[0.1,0.9,0.8],[0.05,0.95,0]] gives 0.5", () => {
    const m = new TopKCategoricalAccuracy({ k: 1 });
    m.update(batchOf([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]));
    assert.equal(m.result(), 0.5);
    m.reset();
    m.update(batchOf([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]], { sampleWeight: [0.7, 0.3] }));
    assert.ok(Math.abs(m.result() - 0.3) < 1e-7);
  });

  it("matches Keras' sparse example: k=1 over [2, 1] gives 0.5", () => {
    const m = new TopKCategoricalAccuracy({ k: 1 }, true);
    m.update(batchOf([2, 1], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]));
    assert.equal(m.result(), 0.5);
    assert.equal(m.name, 'sparse_top_k_categorical_accuracy');
  });

  it('counts the true class as a hit when it ties with the k-th score', () => {
    const m = new TopKCategoricalAccuracy({ k: 1 }, true);
    m.update(batchOf([0], [[0.4, 0.4, 0.2]]));
    assert.equal(m.result(), 1);
  });

  it('defaults to k = 5 and rejects labels of the wrong width', () => {
    assert.equal(new TopKCategoricalAccuracy().k, 5);
    const m = new TopKCategoricalAccuracy({ k: 2 });
    assert.throws(() => m.update(batchOf([1, 0], [[0.5, 0.5], [0.2, 0.8]])), ShapeError);
  });
});
