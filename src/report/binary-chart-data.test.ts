import assert from 'node:assert/strict';
import { test } from 'node:test';
import { binaryEvaluation } from '../metrics/evaluation/binary-evaluation.js';
import { binaryChartData } from './binary-chart-data.js';

const labels = [0, 0, 1, 0, 1, 1];
const scores = [0.1, 0.4, 0.35, 0.2, 0.8, 0.9];

test('binaryChartData groups the scores by actual class and keeps the evaluation\u2019s matrix and threshold', () => {
  const data = binaryChartData(labels, scores, binaryEvaluation(labels, scores, { threshold: 0.3 }), ['no', 'yes'], 'max F1');
  assert.deepEqual(data.scores.scores, [[0.1, 0.4, 0.2], [0.35, 0.8, 0.9]]);
  // Predicted positive above 0.3: 0.4 (a negative), 0.35, 0.8, 0.9.
  assert.deepEqual(data.confusion, { classNames: ['no', 'yes'], counts: [[2, 1], [0, 3]], threshold: 0.3 });
  assert.equal(data.thresholdSweep?.chosen, 0.3);
  assert.equal(data.thresholdSweep?.rule, 'max F1');
  assert.ok(Math.abs(data.roc!.auc - 8 / 9) < 1e-12);
});

test('binaryChartData sweeps precision, recall and F1 over the distinct scores', () => {
  const sweep = binaryChartData(labels, scores, binaryEvaluation(labels, scores), ['no', 'yes']).thresholdSweep!;
  // A threshold in [0.2, 0.35) predicts 0.35, 0.4, 0.8, 0.9 positive: TP 3, FP 1 → precision
  // 0.75, recall 1, F1 6/7.
  const k = sweep.thresholds.findIndex((threshold) => threshold >= 0.2 && threshold < 0.35);
  assert.ok(k >= 0, `thresholds ${sweep.thresholds.join(', ')}`);
  assert.deepEqual([sweep.precision[k], sweep.recall[k]], [0.75, 1]);
  assert.ok(Math.abs(sweep.f1[k] - 6 / 7) < 1e-12);
});

test('binaryChartData draws no curves when the rows hold one class', () => {
  const data = binaryChartData([0, 0], [0.2, 0.7], binaryEvaluation([0, 0], [0.2, 0.7]), ['no', 'yes']);
  assert.equal(data.roc, undefined);
  assert.equal(data.pr, undefined);
  assert.equal(data.thresholdSweep, undefined);
  assert.deepEqual(data.scores.scores, [[0.2, 0.7], []]);
});
