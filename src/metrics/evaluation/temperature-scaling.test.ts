import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random } from '../../random/random.js';
import { logLoss, multiclassLogLoss } from './log-loss.js';
import { rocAucScore } from './roc-auc-score.js';
import { applyTemperature, temperatureScaling, temperatureUnbounded } from './temperature-scaling.js';

/** The temperature with the lowest loss, by golden-section search on log T (a direct minimum). */
function goldenMinimum(loss: (t: number) => number): number {
  let lo = Math.log(0.01), hi = Math.log(100);
  const r = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 200; i++) {
    const a = hi - r * (hi - lo), b = lo + r * (hi - lo);
    if (loss(Math.exp(a)) < loss(Math.exp(b))) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}

test('binary temperature scaling finds the direct minimum of the log loss and keeps ROC-AUC', () => {
  const random = new Random(5);
  const labels = Array.from({ length: 300 }, () => (random.uniform() < 0.4 ? 1 : 0));
  // over-confident scores: the logit of a fair probability, tripled
  const scores = labels.map((y) => 1 / (1 + Math.exp(-3 * ((y ? 0.8 : -0.8) + 1.5 * (random.uniform() - 0.5) * 2))));
  const t = temperatureScaling(scores, labels, 1);
  const loss = (temperature: number) => logLoss(labels, applyTemperature(scores, 1, temperature)).value;
  const direct = goldenMinimum(loss);
  // NOTE: near its minimum the loss is flat to float64 precision over ~1e-8 of T, so the
  // direct search pins T to ~1e-7; Newton's T must be as close and its loss no higher.
  assert.ok(Math.abs(t - direct) <= 1e-6 * direct, `T ${t} vs ${direct}`);
  assert.ok(loss(t) <= loss(direct) + 1e-15, `loss ${loss(t)} vs ${loss(direct)}`);
  assert.ok(t > 1.2, 'over-confident scores are cooled');
  const calibrated = applyTemperature(scores, 1, t);
  assert.ok(logLoss(labels, calibrated).value < logLoss(labels, scores).value);
  assert.equal(rocAucScore(labels, calibrated).value, rocAucScore(labels, scores).value);
});

test('multi-class temperature scaling finds the direct minimum and keeps the most probable class', () => {
  const random = new Random(7);
  const rows = 200, classes = 3;
  const labels = Array.from({ length: rows }, () => Math.floor(random.uniform() * classes));
  const probabilities = new Float64Array(rows * classes);
  labels.forEach((y, i) => {
    const z = Array.from({ length: classes }, (_, k) => 0.4 * (k === y ? 1 : 0) + random.uniform() - 0.5);
    const e = z.map((v) => Math.exp(v * 0.5));
    const sum = e.reduce((a, b) => a + b);
    e.forEach((v, k) => (probabilities[i * classes + k] = v / sum));
  });
  const t = temperatureScaling(probabilities, labels, classes);
  const rowsOf = (p: Float64Array) => Array.from({ length: rows }, (_, i) => Array.from(p.subarray(i * classes, (i + 1) * classes)));
  const loss = (temperature: number) => multiclassLogLoss(labels, rowsOf(applyTemperature(probabilities, classes, temperature))).value;
  const direct = goldenMinimum(loss);
  assert.ok(Math.abs(t - direct) <= 1e-6 * direct, `T ${t} vs ${direct}`);
  assert.ok(loss(t) <= loss(direct) + 1e-15, `loss ${loss(t)} vs ${loss(direct)}`);
  assert.ok(t < 1, 'under-confident scores are sharpened');
  const argmax = (p: ArrayLike<number>) => Array.from({ length: rows }, (_, i) => [0, 1, 2].reduce((best, k) => (p[i * classes + k] > p[i * classes + best] ? k : best), 0));
  assert.deepEqual(argmax(applyTemperature(probabilities, classes, t)), argmax(probabilities));
  assert.throws(() => temperatureScaling([0.2, 0.8], [0, 1], 3), /3 probabilities per label/);
});

test('no row on the wrong side: no minimum (T → 0 would make every probability 0 or 1), so T is 1', () => {
  assert.equal(temperatureScaling([0.9, 0.2, 0.7, 0.4], [1, 0, 1, 0], 1), 1);
  assert.ok(temperatureUnbounded([0.9, 0.2, 0.7, 0.4], [1, 0, 1, 0], 1));
  assert.equal(temperatureScaling([0.7, 0.2, 0.1, 0.1, 0.8, 0.1], [0, 1], 3), 1);
  // one row on the wrong side bounds it again: a finite, sharpening minimum
  assert.ok(!temperatureUnbounded([0.9, 0.2, 0.7, 0.6], [1, 0, 1, 0], 1));
  const t = temperatureScaling([0.9, 0.2, 0.7, 0.6], [1, 0, 1, 0], 1);
  assert.ok(Number.isFinite(t) && t > 0 && t !== 1, `T ${t}`);
});
