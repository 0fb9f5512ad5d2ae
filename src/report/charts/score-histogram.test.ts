import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreHistogram } from './score-histogram.js';

test('scoreHistogram counts scores into the axis bins, the top edge in the last bin', () => {
  const bins = scoreHistogram([0.01, 0.05, 0.19, 0.2, 0.3, 0.4], { domain: [0, 0.4], step: 0.1 });
  assert.deepEqual(bins.map((bin) => [bin.lower, bin.upper]), [[0, 0.1], [0.1, 0.2], [0.2, 0.3], [0.3, 0.4]]);
  // 0.2 and 0.3 sit on edges and start their bins; 0.4 is the axis' top, in the last bin.
  assert.deepEqual(bins.map((bin) => bin.count), [2, 1, 1, 2]);
  assert.deepEqual(bins.map((bin) => bin.share), [2 / 6, 1 / 6, 1 / 6, 2 / 6]);
});

test('scoreHistogram shares are of the scores given, so a class of 3 rows sums to 1 like one of 3,000', () => {
  const few = scoreHistogram([0.1, 0.1, 0.9], { domain: [0, 1], step: 0.05 });
  const many = scoreHistogram(Array.from({ length: 3000 }, (_, i) => (i % 3 === 2 ? 0.9 : 0.1)), { domain: [0, 1], step: 0.05 });
  assert.equal(few.length, 20);
  assert.deepEqual(few.map((bin) => bin.share), many.map((bin) => bin.share));
  assert.ok(Math.abs(few.reduce((sum, bin) => sum + bin.share, 0) - 1) < 1e-12);
});

test('scoreHistogram of no scores has empty bins with share 0', () => {
  assert.deepEqual(scoreHistogram([], { domain: [0, 0.1], step: 0.05 }).map((bin) => [bin.count, bin.share]), [[0, 0], [0, 0]]);
});
