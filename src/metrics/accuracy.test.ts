import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../errors.js';
import { Accuracy, resolveAccuracy } from './accuracy.js';
import { batchOf } from './batch-of.js';

describe('Accuracy', () => {
  it("resolves 'accuracy' as Keras 3: one output is binary, class indices sparse, one-hot categorical", () => {
    assert.equal(resolveAccuracy(1, 1), 'binary');
    assert.equal(resolveAccuracy(1, 3), 'sparse_categorical');
    assert.equal(resolveAccuracy(3, 3), 'categorical');
  });

  it("matches Keras' BinaryAccuracy example: [[1],[1],[0],[0]] vs [[0.98],[1],[0],[0.6]] gives 0.75", () => {
    const m = new Accuracy({ kind: 'binary' });
    m.update(batchOf([1, 1, 0, 0], [0.98, 1, 0, 0.6]));
    assert.equal(m.result(), 0.75);
    assert.equal(m.name, 'binary_accuracy');
  });

  it('uses the model threshold unless given its own, with score > threshold', () => {
    const shared = new Accuracy();
    shared.update(batchOf([1, 0], [0.625, 0.55], { threshold: 0.58 }));
    assert.equal(shared.result(), 1);
    // NOTE: 0.625 is exact in float32, so the score really equals the threshold.
    const own = new Accuracy({ kind: 'binary', threshold: 0.625 });
    own.update(batchOf([1, 0], [0.625, 0.55], { threshold: 0.58 }));
    assert.equal(own.result(), 0.5);
  });

  it("matches Keras' SparseCategoricalAccuracy example with weights: 0.3", () => {
    const m = new Accuracy({ kind: 'sparse_categorical' });
    m.update(batchOf([2, 1], [[0.1, 0.6, 0.3], [0.05, 0.95, 0]], { sampleWeight: [0.7, 0.3] }));
    assert.ok(Math.abs(m.result() - 0.3) < 1e-7);
  });

  it('rejects an unknown kind and writes only the options it was given into its config', () => {
    assert.throws(() => new Accuracy({ kind: 'multilabel' as 'binary' }), ConfigError);
    assert.deepEqual(new Accuracy().getConfig(), { className: 'Accuracy', config: { name: 'accuracy' } });
  });
});
