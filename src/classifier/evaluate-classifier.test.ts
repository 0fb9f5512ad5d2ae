import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tensor } from '../tensor/tensor.js';
import { resamplesFor, resultsOfProbabilities } from './evaluate-classifier.js';

test('the bootstrap draws 1000 resamples up to 20,000 rows, then 2e7 draws in all, never fewer than 200', () => {
  assert.deepEqual([569, 20_000, 40_000, 80_000, 100_000, 1_000_000].map(resamplesFor), [1000, 1000, 500, 250, 200, 200]);
});

test('the results say how many resamples their intervals came from', () => {
  const rows = 50_000;
  const labels = Int32Array.from({ length: rows }, (_, i) => i % 2);
  const scores = Float32Array.from(labels, (label, i) => 0.3 * label + (0.7 * ((i * 7919) % 1000)) / 1000);
  const results = resultsOfProbabilities(new Tensor(scores, [rows, 1]), labels, undefined, { classNames: ['no', 'yes'], seed: 1, threshold: 0.5 });
  assert.ok(results.task === 'binary');
  assert.equal(results.intervals.resamples, 400);
  const auc = results.intervals.auc!;
  assert.ok(auc.lower < auc.estimate && auc.estimate < auc.upper, 'the estimate lies inside its interval');
});
