import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../errors.js';
import { batchOf } from './batch-of.js';
import { f1Score as f1Evaluation, fbetaScore } from './evaluation/precision-recall-fscore-support.js';
import { FBetaScore } from './f-beta-score.js';

const close = (actual: number, expected: number, tolerance = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `expected ${expected}, got ${actual}`);

// Keras' documented multi-label example.
const Y_TRUE = [
  [1, 1, 1],
  [1, 0, 0],
  [1, 1, 0],
];
const Y_PRED = [
  [0.2, 0.6, 0.7],
  [0.2, 0.6, 0.6],
  [0.6, 0.8, 0.0],
];

describe('FBetaScore', () => {
  it("matches Keras' F1Score example per class: [0.5, 0.8, 0.6666667]", () => {
    const m = new FBetaScore({ threshold: 0.5, average: 'none' }, 'F1Score');
    m.update(batchOf(Y_TRUE, Y_PRED));
    const perClass = m.perClass();
    [0.5, 0.8, 0.6666667].forEach((v, k) => close(perClass[k], v));
    assert.equal(m.name, 'f1_score');
  });

  it("matches Keras' FBetaScore(beta=2) example per class: [0.3846154, 0.90909094, 0.8333334]", () => {
    const m = new FBetaScore({ beta: 2, threshold: 0.5, average: 'none' });
    m.update(batchOf(Y_TRUE, Y_PRED));
    [0.3846154, 0.90909094, 0.8333334].forEach((v, k) => close(m.perClass()[k], v));
  });

  it('works on a single sigmoid unit: equals the binary F1 at the model threshold', () => {
    const yTrue = [1, 0, 1, 1, 0, 0, 1];
    const scores = [0.9, 0.6, 0.4, 0.7, 0.2, 0.55, 0.51];
    const m = new FBetaScore({}, 'F1Score');
    m.update(batchOf(yTrue, scores, { threshold: 0.52 }));
    const expected = f1Evaluation(yTrue, scores.map((s) => (s > 0.52 ? 1 : 0))).value;
    close(m.result(), expected, 1e-12);
  });

  it('takes the argmax class of a softmax output and averages micro / macro / weighted as scikit-learn', () => {
    const yTrue = [0, 1, 2, 2, 1, 0, 2];
    const scores = [
      [0.7, 0.2, 0.1],
      [0.3, 0.4, 0.3],
      [0.1, 0.5, 0.4],
      [0.2, 0.1, 0.7],
      [0.6, 0.3, 0.1],
      [0.5, 0.25, 0.25],
      [0.3, 0.3, 0.4],
    ];
    const yPred = scores.map((row) => row.indexOf(Math.max(...row)));
    for (const average of ['micro', 'macro', 'weighted'] as const) {
      const m = new FBetaScore({ beta: 0.5, average });
      m.update(batchOf(yTrue, scores, { sampleWeight: [1, 2, 1, 0.5, 1, 3, 1] }));
      const expected = fbetaScore(yTrue, yPred, { beta: 0.5, average, sampleWeight: [1, 2, 1, 0.5, 1, 3, 1] }).value;
      close(m.result(), expected, 1e-7);
    }
  });

  it('warns for a class with neither true nor predicted samples (its F-score is 0)', () => {
    const m = new FBetaScore({ average: 'macro' }, 'F1Score');
    m.update(batchOf([0, 1], [[0.9, 0.05, 0.05], [0.1, 0.8, 0.1]]));
    assert.equal(m.result(), 2 / 3);
    assert.deepEqual(m.warnings().map((w) => w.code), ['fscore-undefined']);
  });

  it('rejects a non-positive beta and an unknown average', () => {
    assert.throws(() => new FBetaScore({ beta: 0 }), ConfigError);
    assert.throws(() => new FBetaScore({ average: 'samples' as 'micro' }), ConfigError);
  });
});
