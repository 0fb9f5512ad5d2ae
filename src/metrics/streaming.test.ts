// Streaming equals batch: a metric updated over many uneven batches gives the same result as
// the metric updated once with the whole array (property-based, fast-check).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Metric, MetricBatch } from './metric.js';
import { metrics } from './metrics-namespace.js';

interface Data {
  readonly rows: number;
  readonly classes: number;
  readonly labels: number[];
  readonly scores: number[][];
  readonly weights: number[] | undefined;
  readonly cuts: number[];
}

function slice(data: Data, start: number, end: number, labelMode: 'binary' | 'sparse' | 'onehot', threshold: number): MetricBatch {
  const rows = end - start;
  const predCols = data.classes;
  const labelCols = labelMode === 'onehot' ? predCols : 1;
  const yTrue = new Float32Array(rows * labelCols);
  const yPred = new Float32Array(rows * predCols);
  for (let r = 0; r < rows; r++) {
    const label = data.labels[start + r];
    if (labelMode === 'onehot') yTrue[r * labelCols + label] = 1;
    else yTrue[r] = label;
    yPred.set(data.scores[start + r], r * predCols);
  }
  const sampleWeight = data.weights ? Float32Array.from(data.weights.slice(start, end)) : undefined;
  return { yTrue, yPred, rows, labelCols, predCols, sampleWeight, threshold };
}

const dataArbitrary = (classes: number) =>
  fc.integer({ min: 1, max: 80 }).chain((rows) =>
    fc.record({
      rows: fc.constant(rows),
      classes: fc.constant(classes),
      labels: fc.array(fc.integer({ min: 0, max: Math.max(classes - 1, 1) }), { minLength: rows, maxLength: rows }),
      // NOTE: scores on a coarse grid, so ties and scores exactly on thresholds happen often.
      scores: fc.array(fc.array(fc.integer({ min: 0, max: 20 }).map((v) => v / 20), { minLength: classes, maxLength: classes }), {
        minLength: rows,
        maxLength: rows,
      }),
      weights: fc.option(fc.array(fc.integer({ min: 0, max: 4 }).map((v) => v / 2), { minLength: rows, maxLength: rows }), { nil: undefined }),
      cuts: fc.array(fc.integer({ min: 0, max: rows }), { maxLength: 12 }),
    }),
  );

function streamedAndWhole(make: () => Metric, data: Data, labelMode: 'binary' | 'sparse' | 'onehot'): [number, number, number[]?, number[]?] {
  const threshold = 0.5;
  const whole = make();
  whole.update(slice(data, 0, data.rows, labelMode, threshold));
  const streamed = make();
  const bounds = [0, ...[...new Set(data.cuts)].sort((a, b) => a - b), data.rows];
  for (let i = 0; i + 1 < bounds.length; i++) streamed.update(slice(data, bounds[i], bounds[i + 1], labelMode, threshold));
  return [streamed.result(), whole.result(), streamed.perClass?.() as number[] | undefined, whole.perClass?.() as number[] | undefined];
}

function assertStreamingEqualsBatch(make: () => Metric, classes: number, labelMode: 'binary' | 'sparse' | 'onehot'): void {
  fc.assert(
    fc.property(dataArbitrary(classes), (data) => {
      const [streamed, whole, streamedPerClass, wholePerClass] = streamedAndWhole(make, data, labelMode);
      // NOTE: sums added in a different grouping may differ in the last bits, no more.
      assert.ok(Math.abs(streamed - whole) <= 1e-12 * Math.max(1, Math.abs(whole)), `${streamed} vs ${whole}`);
      if (wholePerClass) wholePerClass.forEach((v, k) => assert.ok(Math.abs((streamedPerClass ?? [])[k] - v) <= 1e-12));
    }),
    { numRuns: 60, seed: 42 },
  );
}

const BINARY: [string, () => Metric][] = [
  ['accuracy', () => metrics.accuracy()],
  ['binaryAccuracy', () => metrics.binaryAccuracy({ threshold: 0.35 })],
  ['precision', () => metrics.precision()],
  ['recall', () => metrics.recall({ thresholds: 0.25 })],
  ['f1Score', () => metrics.f1Score()],
  ['fBetaScore', () => metrics.fBetaScore({ beta: 2 })],
  ['auc (Keras, ROC)', () => metrics.auc()],
  ['auc (Keras, PR, interpolation)', () => metrics.auc({ curve: 'PR' })],
  ['auc (exact, ROC)', () => metrics.auc({ exact: true })],
  ['auc (exact, PR)', () => metrics.auc({ exact: true, curve: 'PR' })],
  ['truePositives', () => metrics.truePositives()],
  ['falsePositives', () => metrics.falsePositives()],
  ['trueNegatives', () => metrics.trueNegatives()],
  ['falseNegatives', () => metrics.falseNegatives()],
  ['binaryCrossentropy', () => metrics.binaryCrossentropy()],
  ['meanSquaredError', () => metrics.meanSquaredError()],
];

const MULTICLASS: [string, () => Metric, 'sparse' | 'onehot'][] = [
  ['accuracy (sparse)', () => metrics.accuracy(), 'sparse'],
  ['categoricalAccuracy', () => metrics.categoricalAccuracy(), 'onehot'],
  ['sparseCategoricalAccuracy', () => metrics.sparseCategoricalAccuracy(), 'sparse'],
  ['topKCategoricalAccuracy', () => metrics.topKCategoricalAccuracy({ k: 2 }), 'onehot'],
  ['sparseTopKCategoricalAccuracy', () => metrics.sparseTopKCategoricalAccuracy({ k: 2 }), 'sparse'],
  ['f1Score macro', () => metrics.f1Score({ average: 'macro' }), 'sparse'],
  ['f1Score micro', () => metrics.f1Score({ average: 'micro' }), 'onehot'],
  ['fBetaScore weighted', () => metrics.fBetaScore({ beta: 0.5, average: 'weighted' }), 'sparse'],
  ['f1Score per class', () => metrics.f1Score({ average: 'none' }), 'onehot'],
  ['precision classId 1', () => metrics.precision({ classId: 1 }), 'sparse'],
  ['recall classId 2', () => metrics.recall({ classId: 2 }), 'onehot'],
  ['auc (exact, one-vs-rest flattened)', () => metrics.auc({ exact: true }), 'onehot'],
  ['categoricalCrossentropy', () => metrics.categoricalCrossentropy(), 'onehot'],
  ['sparseCategoricalCrossentropy', () => metrics.sparseCategoricalCrossentropy(), 'sparse'],
];

describe('streaming equals batch', () => {
  for (const [name, make] of BINARY) {
    it(`${name}: updated over uneven batches equals one update on the whole (binary)`, () => {
      assertStreamingEqualsBatch(make, 1, 'binary');
    });
  }
  for (const [name, make, labelMode] of MULTICLASS) {
    it(`${name}: updated over uneven batches equals one update on the whole (3 classes)`, () => {
      assertStreamingEqualsBatch(make, 3, labelMode);
    });
  }

  it('reset() forgets everything: a reset metric equals a fresh one', () => {
    fc.assert(
      fc.property(dataArbitrary(1), dataArbitrary(1), (first, second) => {
        for (const [, make] of BINARY) {
          const reused = make();
          reused.update(slice(first, 0, first.rows, 'binary', 0.5));
          reused.reset();
          reused.update(slice(second, 0, second.rows, 'binary', 0.5));
          const fresh = make();
          fresh.update(slice(second, 0, second.rows, 'binary', 0.5));
          assert.equal(reused.result(), fresh.result());
        }
      }),
      { numRuns: 20, seed: 3 },
    );
  });
});
