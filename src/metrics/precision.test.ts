import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, ShapeError } from '../errors.js';
import { batchOf } from './batch-of.js';
import { Precision } from './precision.js';
import { Recall } from './recall.js';

const close = (actual: number, expected: number, tolerance = 1e-7) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `expected ${expected}, got ${actual}`);

describe('Precision', () => {
  it("matches Keras' documented example: [0,1,1,1] vs [1,0,1,1] gives 2/3, weighted [0,0,1,0] gives 1", () => {
    const m = new Precision();
    m.update(batchOf([0, 1, 1, 1], [1, 0, 1, 1]));
    close(m.result(), 2 / 3);
    m.reset();
    m.update(batchOf([0, 1, 1, 1], [1, 0, 1, 1], { sampleWeight: [0, 0, 1, 0] }));
    assert.equal(m.result(), 1);
  });

  it('uses the model threshold from the batch when it has none of its own', () => {
    const m = new Precision();
    m.update(batchOf([1, 0, 1], [0.35, 0.3, 0.6], { threshold: 0.32 }));
    close(m.result(), 1);
    m.reset();
    m.update(batchOf([1, 0, 1], [0.35, 0.3, 0.6], { threshold: 0.2 }));
    close(m.result(), 2 / 3);
  });

  it('keeps its own threshold whatever the model threshold is', () => {
    const m = new Precision({ thresholds: 0.5 });
    m.update(batchOf([1, 0, 1], [0.35, 0.3, 0.6], { threshold: 0.2 }));
    assert.equal(m.result(), 1);
  });

  it('predicts negative for a score exactly on the threshold (strict >)', () => {
    const m = new Precision({ thresholds: 0.5 });
    m.update(batchOf([0, 1], [0.5, 0.9]));
    assert.equal(m.result(), 1);
  });

  it('accumulates counts over batches instead of averaging per-batch precisions', () => {
    const m = new Precision();
    m.update(batchOf([1], [0.9]));
    m.update(batchOf([0, 0, 1], [0.9, 0.9, 0.9]));
    close(m.result(), 2 / 4);
  });

  it('scores one class of a softmax output with classId, from one-hot or sparse labels', () => {
    const scores = [
      [0.7, 0.2, 0.1],
      [0.1, 0.8, 0.1],
      [0.2, 0.6, 0.2],
    ];
    const oneHot = new Precision({ classId: 1 });
    oneHot.update(batchOf([[1, 0, 0], [0, 1, 0], [0, 0, 1]], scores));
    const sparse = new Precision({ classId: 1 });
    sparse.update(batchOf([0, 1, 2], scores));
    close(oneHot.result(), 1 / 2);
    close(sparse.result(), 1 / 2);
  });

  it('is 0 with a precision-undefined warning while nothing is predicted positive', () => {
    const m = new Precision();
    m.update(batchOf([1, 0], [0.1, 0.2]));
    assert.equal(m.result(), 0);
    assert.deepEqual(m.warnings().map((w) => w.code), ['precision-undefined']);
  });

  it('rejects a list of thresholds and a classId beyond the outputs', () => {
    assert.throws(() => new Precision({ thresholds: [0.3, 0.5] as unknown as number }), ConfigError);
    const m = new Precision({ classId: 3 });
    assert.throws(() => m.update(batchOf([[1, 0]], [[0.4, 0.6]])), ShapeError);
  });
});

describe('Recall', () => {
  it("matches Keras' documented example: [0,1,1,1] vs [1,0,1,1] gives 2/3, weighted [0,0,1,0] gives 1", () => {
    const m = new Recall();
    m.update(batchOf([0, 1, 1, 1], [1, 0, 1, 1]));
    close(m.result(), 2 / 3);
    m.reset();
    m.update(batchOf([0, 1, 1, 1], [1, 0, 1, 1], { sampleWeight: [0, 0, 1, 0] }));
    assert.equal(m.result(), 1);
  });

  it('is 0 with a recall-undefined warning when no positives were seen', () => {
    const m = new Recall();
    m.update(batchOf([0, 0], [0.9, 0.2]));
    assert.equal(m.result(), 0);
    assert.deepEqual(m.warnings().map((w) => w.code), ['recall-undefined']);
  });

  it('round-trips its config', () => {
    const m = new Recall({ thresholds: 0.3, classId: 2, name: 'recall_c2' });
    assert.deepEqual(m.getConfig(), { className: 'Recall', config: { name: 'recall_c2', thresholds: 0.3, classId: 2 } });
  });
});
