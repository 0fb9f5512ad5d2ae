import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { plattPredict, plattScaling } from './platt-scaling.js';
import { rocAucScore } from './roc-auc-score.js';

interface Fitted { a: number; b: number; calibrated: number[] }
const fixture = JSON.parse(readFileSync('test/fixtures/sklearn/sigmoid.json', 'utf8')) as {
  cases: { scores: number[]; labels: number[]; newScores: number[]; sklearn: Fitted; exact: Fitted }[];
};
const worst = (actual: ArrayLike<number>, expected: readonly number[]) => Math.max(...expected.map((value, i) => Math.abs(actual[i] - value)));

test('Platt scaling reaches the exact minimum of scikit-learn 1.2 sigmoid calibration objective (1e-9)', () => {
  assert.equal(fixture.cases.length, 4);
  fixture.cases.forEach((c, n) => {
    const fit = plattScaling(c.scores, c.labels);
    assert.ok(Math.abs(fit.a - c.exact.a) <= 1e-9 && Math.abs(fit.b - c.exact.b) <= 1e-9, `case ${n}: a ${fit.a} b ${fit.b} vs ${c.exact.a} ${c.exact.b}`);
    assert.ok(worst(plattPredict(fit, c.newScores), c.exact.calibrated) <= 1e-9, `case ${n} exact calibrated`);
    // NOTE: sklearn's own BFGS stops at a gradient of 1e-5, so its probabilities agree to ~1e-6.
    assert.ok(worst(plattPredict(fit, c.newScores), c.sklearn.calibrated) <= 1e-5, `case ${n} sklearn calibrated`);
  });
});

test('Platt scaling keeps the ranking (ROC-AUC unchanged) when a < 0', () => {
  const c = fixture.cases[1];
  const fit = plattScaling(c.scores, c.labels);
  assert.ok(fit.a < 0);
  assert.equal(rocAucScore(c.labels, plattPredict(fit, c.scores)).value, rocAucScore(c.labels, c.scores).value);
  assert.throws(() => plattScaling([0.1, 0.2], [1]), /one label per score/);
});
