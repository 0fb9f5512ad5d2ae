// The streaming (compile-time) metrics against the scikit-learn fixture. Models hand metrics
// float32 arrays, so scores and weights are rounded to float32 here: cases where that rounding
// changes a prediction or merges two scores are skipped for the affected quantity, and values
// are compared to 1e-6 (float32 inputs), not the 1e-9 of the float64 evaluation functions.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Metric, MetricBatch } from '../../src/metrics/metric.js';
import { metrics } from '../../src/metrics/metrics-namespace.js';

type Case = Record<string, unknown> & { name: string; y_true: number[]; sample_weight: number[] | null };
const fixture = JSON.parse(readFileSync(new URL('../fixtures/metric_vectors.json', import.meta.url), 'utf8')) as {
  binary_cases: (Case & { y_score: number[]; at_threshold: Record<string, Record<string, number>> })[];
  multiclass_cases: (Case & { y_score: number[][]; n_classes: number })[];
};

/** Feeds the case to the metric in batches of 7 rows and returns the result. */
function stream(metric: Metric, yTrue: number[], scores: number[][], weights: number[] | null, threshold = 0.5): number {
  const predCols = scores[0].length;
  for (let start = 0; start < yTrue.length; start += 7) {
    const end = Math.min(start + 7, yTrue.length);
    const batch: MetricBatch = {
      yTrue: Float32Array.from(yTrue.slice(start, end)),
      yPred: Float32Array.from(scores.slice(start, end).flat()),
      rows: end - start,
      labelCols: 1,
      predCols,
      sampleWeight: weights ? Float32Array.from(weights.slice(start, end)) : undefined,
      threshold,
    };
    metric.update(batch);
  }
  return metric.result();
}

// NOTE: relative for counts (weighted sums of float32 weights), absolute for ratios below 1.
const close = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected)), `${what}: expected ${expected}, got ${actual}`);

describe('streaming metrics against the scikit-learn fixture (binary)', () => {
  for (const c of fixture.binary_cases) {
    const rows = c.y_score.map((s) => [s]);
    const f32 = c.y_score.map(Math.fround);
    const distinct = (values: number[]) => new Set(values).size;
    const tiesKept = distinct(f32) === distinct(c.y_score);
    it(`${c.name}: exact AUC and exact PR AUC equal roc_auc_score and average_precision_score`, (t) => {
      if (!tiesKept) return t.skip('float32 rounding merges two scores');
      const roc = c.roc_auc_score as number | { error: string };
      const exact = metrics.auc({ exact: true });
      const value = stream(exact, c.y_true, rows, c.sample_weight);
      if (typeof roc === 'number') close(value, roc, 'roc_auc_score');
      else {
        assert.equal(value, 0);
        assert.deepEqual(exact.warnings?.().map((w) => w.code), ['auc-undefined']);
      }
      if (typeof roc === 'number') {
        close(stream(metrics.auc({ exact: true, curve: 'PR' }), c.y_true, rows, c.sample_weight), c.average_precision_score as number, 'AP');
      }
    });
    for (const [t, expected] of Object.entries(c.at_threshold)) {
      const threshold = Number(t);
      it(`${c.name}: at ${t}, accuracy, precision, recall, F1 and the confusion counts match`, (test) => {
        if (f32.some((s, i) => (s > threshold) !== (c.y_score[i] > threshold))) return test.skip('float32 rounding flips a prediction');
        const w = c.sample_weight;
        close(stream(metrics.binaryAccuracy(), c.y_true, rows, w, threshold), expected.accuracy, 'accuracy');
        close(stream(metrics.precision(), c.y_true, rows, w, threshold), expected.precision, 'precision');
        close(stream(metrics.recall(), c.y_true, rows, w, threshold), expected.recall, 'recall');
        close(stream(metrics.f1Score(), c.y_true, rows, w, threshold), expected.f1, 'f1');
        const matrix = expected.confusion_matrix as unknown as number[][];
        close(stream(metrics.trueNegatives(), c.y_true, rows, w, threshold), matrix[0][0], 'tn');
        close(stream(metrics.falsePositives(), c.y_true, rows, w, threshold), matrix[0][1], 'fp');
        close(stream(metrics.falseNegatives(), c.y_true, rows, w, threshold), matrix[1][0], 'fn');
        close(stream(metrics.truePositives(), c.y_true, rows, w, threshold), matrix[1][1], 'tp');
      });
    }
    it(`${c.name}: binary cross-entropy equals log_loss with eps 1e-7`, () => {
      close(stream(metrics.binaryCrossentropy(), c.y_true, rows, c.sample_weight), c['log_loss_eps_1e-7'] as number, 'bce');
    });
  }
});

describe('streaming metrics against the scikit-learn fixture (multiclass)', () => {
  for (const c of fixture.multiclass_cases) {
    it(`${c.name}: accuracy, top-2, F1 (macro, micro, per class) and cross-entropy match`, () => {
      const w = c.sample_weight;
      close(stream(metrics.sparseCategoricalAccuracy(), c.y_true, c.y_score, w), c.categorical_accuracy as number, 'accuracy');
      close(stream(metrics.sparseTopKCategoricalAccuracy({ k: 2 }), c.y_true, c.y_score, w), c.top_2_accuracy as number, 'top-2');
      close(stream(metrics.f1Score({ average: 'macro' }), c.y_true, c.y_score, w), c.f1_macro as number, 'f1 macro');
      close(stream(metrics.f1Score({ average: 'micro' }), c.y_true, c.y_score, w), c.f1_micro as number, 'f1 micro');
      const perClass = metrics.f1Score({ average: 'none' });
      stream(perClass, c.y_true, c.y_score, w);
      (c.f1_per_class as number[]).forEach((v, k) => close(perClass.perClass()[k], v, `f1 class ${k}`));
      close(stream(metrics.sparseCategoricalCrossentropy(), c.y_true, c.y_score, w), c['log_loss_eps_1e-7'] as number, 'cce');
    });
  }
});
