import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ConfigError } from '../errors.js';
import { kerasAucArea, type ThresholdCounts } from './auc-area.js';
import { AUC } from './auc.js';
import { batchOf } from './batch-of.js';
import { averagePrecisionScore } from './evaluation/average-precision-score.js';
import { rocAucScore } from './evaluation/roc-auc-score.js';

const close = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `expected ${expected}, got ${actual}`);

// The setting of Keras' docstring and AUC tests: 3 thresholds [-ε, 0.5, 1+ε].
const Y_TRUE = [0, 0, 1, 1];
const Y_PRED = [0, 0.5, 0.3, 0.9];
const WEIGHTS = [1, 2, 3, 4];

function auc(options: ConstructorParameters<typeof AUC>[0], weights?: number[]): number {
  const m = new AUC(options);
  m.update(batchOf(Y_TRUE, Y_PRED, { sampleWeight: weights }));
  return m.result();
}

/** Naive reference: for every threshold, count score > threshold (float32) directly. */
function naiveCounts(labels: number[], scores: number[], weights: number[], thresholds: readonly number[]): ThresholdCounts {
  const T = thresholds.length;
  const counts = { tp: new Float64Array(T), fp: new Float64Array(T), tn: new Float64Array(T), fn: new Float64Array(T) };
  thresholds.forEach((t, j) => {
    labels.forEach((y, i) => {
      const positive = Math.fround(scores[i]) > Math.fround(t);
      if (y === 1) counts[positive ? 'tp' : 'fn'][j] += weights[i];
      else counts[positive ? 'fp' : 'tn'][j] += weights[i];
    });
  });
  return counts;
}

describe('AUC (Keras approximation)', () => {
  it("matches Keras' documented example: 0.75, and 1.0 with weights [1, 0, 0, 1]", () => {
    assert.equal(auc({ numThresholds: 3 }), 0.75);
    assert.equal(auc({ numThresholds: 3 }, [1, 0, 0, 1]), 1);
  });

  it("matches Keras' weighted ROC values: interpolation 0.7855, majoring 1, minoring 0.571", () => {
    close(auc({ numThresholds: 3 }, WEIGHTS), (1 + 4 / 7) / 2, 1e-12);
    close(auc({ numThresholds: 3, summationMethod: 'majoring' }, WEIGHTS), 1, 1e-12);
    close(auc({ numThresholds: 3, summationMethod: 'minoring' }, WEIGHTS), 4 / 7, 1e-12);
  });

  it("matches Keras' weighted PR values: majoring 1, minoring 0.7 × 3/7, interpolation 2.416/7 + 4/7", () => {
    close(auc({ numThresholds: 3, curve: 'PR', summationMethod: 'majoring' }, WEIGHTS), 1, 1e-12);
    close(auc({ numThresholds: 3, curve: 'PR', summationMethod: 'minoring' }, WEIGHTS), 0.7 * (3 / 7), 1e-12);
    close(auc({ numThresholds: 3, curve: 'PR' }, WEIGHTS), (0.5 * (3 + 2 * Math.log(2.5))) / 7 + 4 / 7, 1e-12);
    close(auc({ numThresholds: 3, curve: 'PR' }, WEIGHTS), 2.416 / 7 + 4 / 7, 1e-3);
  });

  it("matches Keras with manual thresholds [0.5] and with logits", () => {
    assert.equal(auc({ thresholds: [0.5] }), 0.75);
    const m = new AUC({ numThresholds: 3, fromLogits: true });
    const logits = Y_PRED.map((p) => Math.log((p + 1e-12) / (1 - p + 1e-12)));
    m.update(batchOf(Y_TRUE, logits));
    assert.equal(m.result(), 0.75);
  });

  it('is 1 for perfect predictions and 0 (with a warning) when one class is missing', () => {
    const m = new AUC();
    m.update(batchOf(Y_TRUE, Y_TRUE));
    assert.equal(m.result(), 1);
    const one = new AUC();
    one.update(batchOf([1, 1], [0.3, 0.8]));
    assert.equal(one.result(), 0);
    assert.deepEqual(one.warnings().map((w) => w.code), ['auc-undefined']);
  });

  it('bucketed counting equals the naive threshold-by-threshold reference', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 2, max: 40 }),
        (rows, numThresholds) => {
          const labels = rows.map((r) => (r[0] ? 1 : 0));
          const scores = rows.map((r) => Math.fround(r[1]));
          const weights = rows.map((r) => r[2]);
          const m = new AUC({ numThresholds });
          m.update(batchOf(labels, scores, { sampleWeight: weights }));
          const fast = m.thresholdCounts();
          const naive = naiveCounts(labels, scores, weights, m.thresholds);
          // NOTE: Keras' bucket index is ceil(p·(T-1)) - 1 in float32; for a score within one
          // float32 step of a threshold it may land one bucket over. Exclude those rare scores.
          const nearThreshold = scores.some((s) => m.thresholds.some((t) => Math.abs(s - t) < 1e-6));
          if (nearThreshold) return;
          for (const key of ['tp', 'fp', 'tn', 'fn'] as const) assert.deepEqual(Array.from(fast[key]), Array.from(naive[key]));
          close(m.result(), kerasAucArea(naive, 'ROC', 'interpolation'), 1e-12);
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });

  it('uses the naive comparison for uneven manual thresholds, giving the same counts as the reference', () => {
    const m = new AUC({ thresholds: [0.1, 0.15, 0.6] });
    const scores = [0.05, 0.1, 0.12, 0.5, 0.6, 0.61, 0.99];
    const labels = [0, 1, 0, 1, 0, 1, 1];
    m.update(batchOf(labels, scores));
    const naive = naiveCounts(labels, scores, labels.map(() => 1), m.thresholds);
    assert.deepEqual(Array.from(m.thresholdCounts().tp), Array.from(naive.tp));
    assert.deepEqual(Array.from(m.thresholdCounts().fp), Array.from(naive.fp));
  });

  it('rejects one threshold in total, a curve it does not know and thresholds outside [0, 1]', () => {
    assert.throws(() => new AUC({ numThresholds: 1 }), ConfigError);
    assert.throws(() => new AUC({ curve: 'PRGAIN' as 'PR' }), ConfigError);
    assert.throws(() => new AUC({ thresholds: [1.5] }), ConfigError);
  });
});

describe('AUC (exact mode)', () => {
  it("equals scikit-learn's exact ROC AUC and average precision, ties included", () => {
    const labels = [0, 1, 0, 1, 1, 0, 1, 0];
    const scores = [0.1, 0.4, 0.4, 0.8, 0.35, 0.6, 0.9, 0.05];
    const weights = [1, 2, 1, 0.5, 1, 1, 3, 2];
    const roc = new AUC({ exact: true });
    const pr = new AUC({ exact: true, curve: 'PR' });
    for (const m of [roc, pr]) {
      m.update(batchOf(labels.slice(0, 3), scores.slice(0, 3), { sampleWeight: weights.slice(0, 3) }));
      m.update(batchOf(labels.slice(3), scores.slice(3), { sampleWeight: weights.slice(3) }));
    }
    const f32 = scores.map(Math.fround);
    close(roc.result(), rocAucScore(labels, f32, { sampleWeight: weights }).value, 1e-15);
    close(pr.result(), averagePrecisionScore(labels, f32, { sampleWeight: weights }).value, 1e-15);
  });

  it('round-trips its config', () => {
    const m = new AUC({ exact: true, curve: 'PR', name: 'pr_auc' });
    assert.deepEqual(m.getConfig(), {
      className: 'AUC',
      config: { name: 'pr_auc', numThresholds: 200, curve: 'PR', summationMethod: 'interpolation', fromLogits: false, exact: true },
    });
  });
});
