import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findThreshold } from '../threshold/find-threshold.js';
import { chooseThreshold, thresholdSetting } from './threshold-choice.js';
import { metricsAt, SHRINKAGE_ROWS, shrinkThreshold } from './threshold-shrinkage.js';

/** n negatives at 0.1..0.5 and n positives at 0.45..0.95, interleaved around the middle. */
function rows(n: number): { labels: number[]; scores: number[] } {
  const labels: number[] = [];
  const scores: number[] = [];
  for (let i = 0; i < n; i++) {
    labels.push(0, 1);
    scores.push(0.1 + (0.4 * i) / n, 0.45 + (0.5 * i) / n);
  }
  return { labels, scores };
}

test('the F1 optimum moves n / (n + 50) of the way from best F1 / 2, n the smaller class', () => {
  const { labels, scores } = rows(20);
  const optimum = findThreshold(labels, scores, 'f1');
  const shrunk = shrinkThreshold(optimum, labels)!;
  const anchor = optimum.metrics.f1 / 2;
  assert.equal(shrunk.smallerClass, 20);
  assert.equal(shrunk.weight, 20 / (20 + SHRINKAGE_ROWS));
  assert.equal(shrunk.anchor, anchor);
  assert.ok(Math.abs(shrunk.value - (anchor + (optimum.threshold - anchor) * shrunk.weight)) < 1e-15);
});

test('with many held-out rows the threshold stays near the optimum; with few, near the anchor', () => {
  const few = rows(10);
  const many = rows(2000);
  const small = shrinkThreshold(findThreshold(few.labels, few.scores, 'f1'), few.labels)!;
  const large = shrinkThreshold(findThreshold(many.labels, many.scores, 'f1'), many.labels)!;
  assert.ok(Math.abs(small.value - small.anchor) < Math.abs(small.value - small.optimum), `few rows: ${JSON.stringify(small)}`);
  assert.ok(Math.abs(large.value - large.optimum) < 0.03 * Math.abs(large.optimum - large.anchor), `many rows: ${JSON.stringify(large)}`);
});

test('F-beta anchors at F-beta* / (1 + beta²); constraints, costs and Youden are left as found', () => {
  const { labels, scores } = rows(30);
  const f2 = findThreshold(labels, scores, { kind: 'fbeta', beta: 2 });
  assert.equal(shrinkThreshold(f2, labels)!.anchor, f2.metrics.fBeta / 5);
  for (const objective of ['recall>=0.9', 'precision>=0.9', 'youden', 'cost=5']) {
    assert.equal(shrinkThreshold(findThreshold(labels, scores, objective), labels), undefined, objective);
    const chosen = chooseThreshold(thresholdSetting(objective), labels, scores);
    assert.equal(chosen.value, findThreshold(labels, scores, objective).threshold, objective);
    assert.equal(chosen.shrinkage, undefined);
  }
});

test('chooseThreshold says how many rows chose the threshold and scores it where it ends up', () => {
  const { labels, scores } = rows(25);
  const chosen = chooseThreshold(thresholdSetting('f1'), labels, scores);
  assert.deepEqual(chosen.rows, { count: 50, positives: 25 });
  assert.equal(chosen.value, chosen.shrinkage!.value);
  assert.deepEqual(chosen.validation, metricsAt(labels, scores, chosen.value));
  assert.match(chosen.rule, /^max F1 on the validation rows, shrunk from the optimum 0\.\d{4} toward best F1 \/ 2 = 0\.\d{4} with weight 0\.3333 \(25 rows of the smaller class\)$/);
});

test('metricsAt counts a score equal to the threshold as negative', () => {
  const m = metricsAt([0, 1, 1, 0], [0.2, 0.5, 0.9, 0.6], 0.5);
  assert.deepEqual({ precision: m.precision, recall: m.recall, accuracy: m.accuracy }, { precision: 0.5, recall: 0.5, accuracy: 0.5 });
});
